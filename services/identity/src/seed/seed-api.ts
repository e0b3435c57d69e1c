import { status } from '@grpc/grpc-js';
import type { PasswordLogins } from '@govhall/auth';
import { actingCalls, createGrpcClient, isRefusal } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';

/**
 * How the identity seed reaches identity: the service's own gRPC API, with real Keycloak access tokens of the
 * logins it acts as. The seed never opens identity's database (one writer process per service database).
 */

/** Whether `err` is the API answering ALREADY_EXISTS with one of `reasons`: what the seed counts as done. */
export function alreadyExists(err: unknown, reasons: readonly string[]): boolean {
  return isRefusal(err, status.ALREADY_EXISTS, reasons);
}

/** The identity RPCs the seed calls, each as the named login (`as`) or anonymously. */
export interface IdentitySeedApi {
  createTenant(request: identityV1.CreateTenantRequest, as: string): Promise<identityV1.Tenant>;
  createDepartment(request: identityV1.CreateDepartmentRequest, as: string): Promise<identityV1.Department>;
  createStaff(request: identityV1.CreateStaffRequest, as: string): Promise<identityV1.Staff>;
  createWindow(request: identityV1.CreateWindowRequest, as: string): Promise<identityV1.Window>;
  /** Anonymous: natural persons register themselves. */
  registerNaturalPerson(request: identityV1.RegisterNaturalPersonRequest): Promise<identityV1.NaturalPerson>;
  getMyProfile(as: string): Promise<identityV1.GetMyProfileResponse>;
  registerLegalPerson(request: identityV1.RegisterLegalPersonRequest, as: string): Promise<identityV1.LegalPerson>;
  authorizeAgent(request: identityV1.AuthorizeAgentRequest, as: string): Promise<identityV1.LegalPerson>;
}

/**
 * The seed's API over identity's gRPC service at `address`. Every create the seed sends is safe to repeat (the
 * service answers ALREADY_EXISTS or completes the earlier request), so each is retried once identity is briefly
 * unreachable; AuthorizeAgent is not (a repeat would replace the grant).
 */
export function grpcIdentitySeedApi(options: {
  address: string;
  logins: PasswordLogins;
  deadlineMs?: number;
}): IdentitySeedApi & { close(): void } {
  const client = createGrpcClient(identityV1.IdentityServiceClient, options.address, {
    serviceName: 'govhall.identity.v1.IdentityService',
    idempotentMethods: [
      'CreateTenant',
      'CreateDepartment',
      'CreateStaff',
      'CreateWindow',
      'RegisterNaturalPerson',
      'GetMyProfile',
      'RegisterLegalPerson',
    ],
    maxAttempts: 5,
  });
  // CreateStaff and the registrations wait for Keycloak (5 s per admin call): give them time.
  const deadlineMs = options.deadlineMs ?? 30_000;

  const call = actingCalls(client, { logins: options.logins, deadlineMs });

  const required = <T>(rpc: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`${rpc}: the answer is empty`);
    return value;
  };

  return {
    async createTenant(request, as) {
      const res = await call<identityV1.CreateTenantRequest, identityV1.CreateTenantResponse>(
        'CreateTenant',
        client.createTenant,
        request,
        as,
      );
      return required('CreateTenant', res.tenant);
    },
    async createDepartment(request, as) {
      const res = await call<identityV1.CreateDepartmentRequest, identityV1.CreateDepartmentResponse>(
        'CreateDepartment',
        client.createDepartment,
        request,
        as,
      );
      return required('CreateDepartment', res.department);
    },
    async createStaff(request, as) {
      const res = await call<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
        'CreateStaff',
        client.createStaff,
        request,
        as,
      );
      return required('CreateStaff', res.staff);
    },
    async createWindow(request, as) {
      const res = await call<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
        'CreateWindow',
        client.createWindow,
        request,
        as,
      );
      return required('CreateWindow', res.window);
    },
    async registerNaturalPerson(request) {
      const res = await call<identityV1.RegisterNaturalPersonRequest, identityV1.RegisterNaturalPersonResponse>(
        'RegisterNaturalPerson',
        client.registerNaturalPerson,
        request,
      );
      return required('RegisterNaturalPerson', res.person);
    },
    getMyProfile(as) {
      return call<identityV1.GetMyProfileRequest, identityV1.GetMyProfileResponse>(
        'GetMyProfile',
        client.getMyProfile,
        {},
        as,
      );
    },
    async registerLegalPerson(request, as) {
      const res = await call<identityV1.RegisterLegalPersonRequest, identityV1.RegisterLegalPersonResponse>(
        'RegisterLegalPerson',
        client.registerLegalPerson,
        request,
        as,
      );
      return required('RegisterLegalPerson', res.legalPerson);
    },
    async authorizeAgent(request, as) {
      const res = await call<identityV1.AuthorizeAgentRequest, identityV1.AuthorizeAgentResponse>(
        'AuthorizeAgent',
        client.authorizeAgent,
        request,
        as,
      );
      return required('AuthorizeAgent', res.legalPerson);
    },
    close: () => client.close(),
  };
}
