import type { Authorizer } from '@govhall/auth';
import type {
  ItemCatalogue,
  LegalPersonRepository,
  NaturalPersonRepository,
  RealNameVerifier,
} from './applicants.ports';
import { authorizeAgentUseCase } from './authorize-agent/authorize-agent.usecase';
import { checkActingAuthorityUseCase } from './check-acting-authority/check-acting-authority.usecase';
import {
  completePendingRegistrationsUseCase,
  type ReconcileLogger,
} from './complete-pending-registrations/complete-pending-registrations.usecase';
import type { IdentityDirectory } from './directory.port';
import { disableNaturalPersonUseCase } from './disable-natural-person/disable-natural-person.usecase';
import { findApplicantUseCase } from './find-applicant/find-applicant.usecase';
import { getApplicantProfileUseCase } from './get-applicant-profile/get-applicant-profile.usecase';
import { getLegalPersonUseCase } from './get-legal-person/get-legal-person.usecase';
import { listApplicantsUseCase } from './list-applicants/list-applicants.usecase';
import type { Clock, IdGenerator } from './ports';
import type { DepartmentRepository } from './tenancy.ports';
import { registerLegalPersonUseCase } from './register-legal-person/register-legal-person.usecase';
import { registerNaturalPersonUseCase } from './register-natural-person/register-natural-person.usecase';
import { revokeAgentUseCase } from './revoke-agent/revoke-agent.usecase';

export interface ApplicantDeps {
  naturalPersons: NaturalPersonRepository;
  legalPersons: LegalPersonRepository;
  /** The departments seated in each tenant: an agent grant may name only those of the legal person's tenant. */
  departments: Pick<DepartmentRepository, 'listByTenant'>;
  /** The catalogue's published items: an agent grant may name only items of the legal person's tenant. */
  itemCatalogue: ItemCatalogue;
  directory: IdentityDirectory;
  verifier: RealNameVerifier;
  authorizer: Authorizer;
  clock: Clock;
  ids: IdGenerator;
  logger: ReconcileLogger;
  /** GOVHALL_TENANTS: registrations are accepted only for these tenants; empty means any. */
  hostedTenants?: readonly string[];
}

/** Natural persons, legal persons and agents (经办人): every applicant use case over the same dependencies. */
export function createApplicantUseCases(deps: ApplicantDeps) {
  return {
    registerNaturalPerson: registerNaturalPersonUseCase(deps),
    completePendingRegistrations: completePendingRegistrationsUseCase(deps),
    disableNaturalPerson: disableNaturalPersonUseCase(deps),
    getApplicantProfile: getApplicantProfileUseCase(deps),
    registerLegalPerson: registerLegalPersonUseCase(deps),
    getLegalPerson: getLegalPersonUseCase(deps),
    listApplicants: listApplicantsUseCase(deps),
    findApplicant: findApplicantUseCase(deps),
    authorizeAgent: authorizeAgentUseCase(deps),
    revokeAgent: revokeAgentUseCase(deps),
    checkActingAuthority: checkActingAuthorityUseCase(deps),
  };
}

export type ApplicantUseCases = ReturnType<typeof createApplicantUseCases>;
