import type { identityV1 } from '@govhall/proto';
import { grantStatus, naturalPersonStatus, staffStatus, tenantLevel, windowKind } from './identity.enums';
import type { Department, Tenant, Window } from './tenancy.schemas';
import type { AgentGrant, LegalPerson, NaturalPerson, ServiceAccount, Staff } from './people.schemas';

/** An answer the service must always fill; its absence is a contract breach (500), not a client error. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`identity answered without ${what}`);
  return value;
}

const iso = (d: Date | undefined) => (d ?? new Date(0)).toISOString();
const isoOrNone = (d: Date | undefined) => d?.toISOString();
/** Proto strings are '' when unset; REST omits such fields. */
const orNone = (s: string) => (s === '' ? undefined : s);

export function tenantToRest(t: identityV1.Tenant): Tenant {
  const c = t.center;
  return {
    code: t.code,
    name: t.name,
    level: tenantLevel.rest(t.level),
    parentCode: orNone(t.parentCode),
    center: { name: c?.name ?? '', address: c?.address ?? '', hours: c?.hours ?? '', phones: c?.phones ?? [] },
    version: t.version,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}

export function departmentToRest(d: identityV1.Department): Department {
  return { code: d.code, tenant: d.tenant, name: d.name, version: d.version, createdAt: iso(d.createdAt) };
}

export function windowToRest(w: identityV1.Window): Window {
  return {
    id: w.id,
    tenant: w.tenant,
    number: w.number,
    name: w.name,
    kind: windowKind.rest(w.kind),
    department: w.department,
    servesDepartments: w.servesDepartments,
    aPostStaffId: orNone(w.aPostStaffId),
    bPostStaffId: orNone(w.bPostStaffId),
    location: w.location,
    version: w.version,
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

export function staffToRest(s: identityV1.Staff): Staff {
  return {
    id: s.id,
    tenant: s.tenant,
    department: orNone(s.department),
    username: s.username,
    displayName: s.displayName,
    phone: s.phone,
    roles: s.roles,
    status: staffStatus.rest(s.status),
    leaves: s.leaves.map((l) => ({ fromDate: l.fromDate, toDate: l.toDate, reason: l.reason })),
    subject: orNone(s.subject),
    disabledReason: orNone(s.disabledReason),
    version: s.version,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

function verificationToRest(v: identityV1.RealNameVerification | undefined) {
  return v && { method: v.method, verified: v.verified, note: v.note, verifiedAt: isoOrNone(v.verifiedAt) };
}

export function naturalPersonToRest(p: identityV1.NaturalPerson): NaturalPerson {
  return {
    id: p.id,
    tenant: p.tenant,
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    verification: verificationToRest(p.verification),
    subject: p.subject,
    status: naturalPersonStatus.rest(p.status),
    disabledReason: orNone(p.disabledReason),
    disabledAt: isoOrNone(p.disabledAt),
    version: p.version,
    createdAt: iso(p.createdAt),
  };
}

export function grantToRest(g: identityV1.AgentGrant): AgentGrant {
  return {
    id: g.id,
    agentPersonId: g.agentPersonId,
    agentName: g.agentName,
    agentSubject: g.agentSubject,
    scope: {
      allDepartments: g.scope?.allDepartments ?? false,
      departments: g.scope?.departments ?? [],
      itemCodes: g.scope?.itemCodes ?? [],
    },
    validUntil: orNone(g.validUntil),
    status: grantStatus.rest(g.status),
    grantedAt: iso(g.grantedAt),
    grantedBy: g.grantedBy,
    revokedAt: isoOrNone(g.revokedAt),
    revokedBy: orNone(g.revokedBy),
    revokeReason: orNone(g.revokeReason),
  };
}

export function legalPersonToRest(l: identityV1.LegalPerson): LegalPerson {
  return {
    id: l.id,
    tenant: l.tenant,
    name: l.name,
    creditCode: l.creditCode,
    legalRepresentativeName: l.legalRepresentativeName,
    legalRepresentativeIdNumber: l.legalRepresentativeIdNumber,
    holderPersonId: l.holderPersonId,
    holderSubject: l.holderSubject,
    agents: l.agents.map(grantToRest),
    verification: verificationToRest(l.verification),
    version: l.version,
    createdAt: iso(l.createdAt),
  };
}

export function applicantToRest(a: identityV1.ApplicantSummary) {
  return {
    id: a.id,
    kind: a.kind,
    tenant: a.tenant,
    name: a.name,
    identifier: a.identifier,
    createdAt: iso(a.createdAt),
  };
}

export function serviceAccountToRest(s: identityV1.ServiceAccount): ServiceAccount {
  return {
    id: s.id,
    tenant: s.tenant,
    department: s.department,
    clientId: s.clientId,
    description: s.description,
    status: staffStatus.rest(s.status),
    createdAt: iso(s.createdAt),
  };
}

export function centerToProto(c: { name: string; address?: string; hours?: string; phones?: string[] }) {
  return { name: c.name, address: c.address ?? '', hours: c.hours ?? '', phones: c.phones ?? [] };
}
