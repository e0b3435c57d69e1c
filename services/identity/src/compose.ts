import { randomUUID } from 'node:crypto';
import { createAuthorizer, type Principal } from '@govhall/auth';
import type { Connection } from '@govhall/mongo';
import type { Logger } from '@govhall/logging';
import { GrpcItemCatalogue } from './adapters/catalogue/grpc-item-catalogue';
import { KeycloakDirectory } from './adapters/keycloak/keycloak-directory';
import { MongoDepartmentRepository } from './adapters/mongo/department.repository';
import { MongoLegalPersonRepository } from './adapters/mongo/legal-person.repository';
import { MongoNaturalPersonRepository } from './adapters/mongo/natural-person.repository';
import { MongoServiceAccountRepository } from './adapters/mongo/service-account.repository';
import { MongoStaffRepository } from './adapters/mongo/staff.repository';
import { MongoTenancyLookup } from './adapters/mongo/tenancy-lookup';
import { MongoTenantRepository } from './adapters/mongo/tenant.repository';
import { MongoWindowRepository } from './adapters/mongo/window.repository';
import { FormatOnlyVerifier } from './adapters/verification/format-only.verifier';
import { createApplicantUseCases } from './usecases/applicants.use-cases';
import { completePendingServiceAccountsUseCase } from './usecases/complete-pending-service-accounts/complete-pending-service-accounts.usecase';
import { completePendingStaffUseCase } from './usecases/complete-pending-staff/complete-pending-staff.usecase';
import { createServiceAccountUseCase } from './usecases/create-service-account/create-service-account.usecase';
import { createStaffUseCase } from './usecases/create-staff/create-staff.usecase';
import { changeStaffRolesUseCase } from './usecases/change-staff-roles/change-staff-roles.usecase';
import { endLeaveUseCase } from './usecases/end-leave/end-leave.usecase';
import { disableServiceAccountUseCase } from './usecases/disable-service-account/disable-service-account.usecase';
import { disableStaffUseCase } from './usecases/disable-staff/disable-staff.usecase';
import { rotateServiceAccountSecretUseCase } from './usecases/rotate-service-account-secret/rotate-service-account-secret.usecase';
import { getStaffUseCase } from './usecases/get-staff/get-staff.usecase';
import { listServiceAccountsUseCase } from './usecases/list-service-accounts/list-service-accounts.usecase';
import { listStaffUseCase } from './usecases/list-staff/list-staff.usecase';
import { recordLeaveUseCase } from './usecases/record-leave/record-leave.usecase';
import { createTenancyUseCases } from './usecases/tenancy.use-cases';

export interface ComposeOptions {
  connection: Connection;
  logger: Logger;
  keycloak: { url: string; realm: string; clientId: string; clientSecret: string };
  hostedTenants: readonly string[];
  /** The catalogue's gRPC address (CATALOGUE_GRPC_ADDR): agent grants may name only its published items. */
  catalogueAddress: string;
}

/** The principal the reconciler records as the actor of what it completes. */
export const SYSTEM_PRINCIPAL: Principal = {
  kind: 'service',
  subject: 'system:identity-reconciler',
  username: 'identity-reconciler',
  tenant: '',
  roles: [],
  clientId: 'identity',
};

/** Composition root shared by the server (main.ts) and the seed: repositories, Keycloak, use cases. */
export function composeIdentity(options: ComposeOptions) {
  const { connection, logger } = options;
  const clock = { now: () => new Date() };
  const ids = { newId: randomUUID };
  const authorizer = createAuthorizer(logger);
  const hostedTenants = options.hostedTenants;

  const repositories = {
    tenants: new MongoTenantRepository(connection),
    departments: new MongoDepartmentRepository(connection),
    windows: new MongoWindowRepository(connection),
    staff: new MongoStaffRepository(connection),
    serviceAccounts: new MongoServiceAccountRepository(connection),
    naturalPersons: new MongoNaturalPersonRepository(connection),
    legalPersons: new MongoLegalPersonRepository(connection),
  };
  const lookup = new MongoTenancyLookup(connection);
  const directory = new KeycloakDirectory({
    baseUrl: options.keycloak.url,
    realm: options.keycloak.realm,
    clientId: options.keycloak.clientId,
    clientSecret: options.keycloak.clientSecret,
    logger,
  });
  const { staff, serviceAccounts } = repositories;
  // Connects lazily: identity starts and serves while the catalogue is down (ADR 0014).
  const itemCatalogue = new GrpcItemCatalogue(options.catalogueAddress, logger);

  const tenancy = createTenancyUseCases({ ...repositories, authorizer, clock, ids, hostedTenants });
  const applicants = createApplicantUseCases({
    naturalPersons: repositories.naturalPersons,
    legalPersons: repositories.legalPersons,
    departments: repositories.departments,
    itemCatalogue,
    directory,
    verifier: new FormatOnlyVerifier(),
    authorizer,
    clock,
    ids,
    logger,
    hostedTenants,
  });
  const staffUseCases = {
    createStaff: createStaffUseCase({ staff, directory, tenancy: lookup, authorizer, clock, ids, hostedTenants }),
    getStaff: getStaffUseCase({ staff, authorizer }),
    listStaff: listStaffUseCase({ staff, authorizer }),
    recordLeave: recordLeaveUseCase({ staff, authorizer, clock }),
    endLeave: endLeaveUseCase({ staff, authorizer, clock }),
    disableStaff: disableStaffUseCase({ staff, directory, windows: lookup, authorizer, clock }),
    changeStaffRoles: changeStaffRolesUseCase({
      staff,
      directory,
      tenancy: lookup,
      windows: lookup,
      authorizer,
      clock,
    }),
    createServiceAccount: createServiceAccountUseCase({
      serviceAccounts,
      directory,
      tenancy: lookup,
      authorizer,
      clock,
      ids,
      hostedTenants,
    }),
    listServiceAccounts: listServiceAccountsUseCase({ serviceAccounts, authorizer }),
    rotateServiceAccountSecret: rotateServiceAccountSecretUseCase({ serviceAccounts, directory, authorizer, clock }),
    disableServiceAccount: disableServiceAccountUseCase({ serviceAccounts, directory, authorizer, clock }),
  };
  const reconcilers = {
    staff: completePendingStaffUseCase({ staff, directory, clock, logger, system: SYSTEM_PRINCIPAL }),
    serviceAccounts: completePendingServiceAccountsUseCase({
      serviceAccounts,
      directory,
      clock,
      logger,
      system: SYSTEM_PRINCIPAL,
    }),
    registrations: applicants.completePendingRegistrations,
  };
  return { repositories, directory, tenancy, applicants, staff: staffUseCases, reconcilers, itemCatalogue };
}

export type IdentityComposition = ReturnType<typeof composeIdentity>;
