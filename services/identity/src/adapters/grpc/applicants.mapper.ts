import { enumSpelling, identityV1 } from '@govhall/proto';
import type { AgentGrant, AgentScope, LegalPerson } from '../../domain/legal-person';
import type { NaturalPerson, RealNameVerification } from '../../domain/natural-person';
import type { ApplicantRow } from '../../usecases/applicants.ports';

// Masking is decided by the use cases (who sees what); these mappers translate what they are given.

const GRANT_STATUS: Record<AgentGrant['status'], identityV1.AgentGrantStatus> = {
  active: identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_ACTIVE,
  revoked: identityV1.AgentGrantStatus.AGENT_GRANT_STATUS_REVOKED,
};

const personStatus = enumSpelling(identityV1.NaturalPersonStatus, 'NATURAL_PERSON_STATUS_');

export function toProtoVerification(v: RealNameVerification): identityV1.RealNameVerification {
  return { method: v.method, verified: v.verified, note: v.note, verifiedAt: v.verifiedAt };
}

export function toProtoNaturalPerson(person: NaturalPerson): identityV1.NaturalPerson {
  return {
    id: person.id,
    tenant: person.tenant,
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    verification: toProtoVerification(person.verification),
    subject: person.subject ?? '',
    version: person.version,
    createdAt: person.createdAt,
    status: personStatus.toProto(person.status satisfies NaturalPerson['status']),
    disabledReason: person.disabledReason ?? '',
    disabledAt: person.disabledAt,
  };
}

export function toProtoAgentScope(scope: AgentScope): identityV1.AgentScope {
  return { allDepartments: scope.allDepartments, departments: [...scope.departments], itemCodes: [...scope.itemCodes] };
}

/** An absent scope is an empty one, which validation reports. */
export function agentScopeFromProto(scope: identityV1.AgentScope | undefined): AgentScope {
  return {
    allDepartments: scope?.allDepartments ?? false,
    departments: scope ? [...scope.departments] : [],
    itemCodes: scope ? [...scope.itemCodes] : [],
  };
}

export function toProtoAgentGrant(grant: AgentGrant): identityV1.AgentGrant {
  return {
    id: grant.id,
    agentPersonId: grant.agentPersonId,
    agentName: grant.agentName,
    agentSubject: grant.agentSubject,
    scope: toProtoAgentScope(grant.scope),
    validUntil: grant.validUntil ?? '',
    status: GRANT_STATUS[grant.status],
    grantedAt: grant.grantedAt,
    grantedBy: grant.grantedBy,
    revokedAt: grant.revokedAt,
    revokedBy: grant.revokedBy ?? '',
    revokeReason: grant.revokeReason ?? '',
  };
}

export function toProtoLegalPerson(legalPerson: LegalPerson): identityV1.LegalPerson {
  return {
    id: legalPerson.id,
    tenant: legalPerson.tenant,
    name: legalPerson.name,
    creditCode: legalPerson.creditCode,
    legalRepresentativeName: legalPerson.legalRepresentativeName,
    legalRepresentativeIdNumber: legalPerson.legalRepresentativeIdNumber,
    holderPersonId: legalPerson.holderPersonId,
    holderSubject: legalPerson.holderSubject,
    agents: legalPerson.agents.map(toProtoAgentGrant),
    verification: toProtoVerification(legalPerson.verification),
    version: legalPerson.version,
    createdAt: legalPerson.createdAt,
  };
}

export function toProtoApplicantSummary(row: ApplicantRow): identityV1.ApplicantSummary {
  return {
    id: row.id,
    kind: row.kind,
    tenant: row.tenant,
    name: row.name,
    identifier: row.identifier,
    createdAt: row.createdAt,
  };
}
