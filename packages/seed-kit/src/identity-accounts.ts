import { actingCalls, createGrpcClient, type ActingCall, type LoginTokens } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { CenterAccountApi } from './center-accounts';

/**
 * identity's CreateServiceAccount over its gRPC API, with real Keycloak access tokens of the login it acts as (a
 * seed never opens identity's database). A repeat of the same request returns the same account with its current
 * secret, so the client may retry it while identity is briefly unreachable. Errors name the RPC and identity's
 * reason, never the secret.
 */
export function createServiceAccountVia(
  call: ActingCall,
  client: identityV1.IdentityServiceClient,
): CenterAccountApi['createServiceAccount'] {
  return async (request, as) => {
    const res = await call<identityV1.CreateServiceAccountRequest, identityV1.CreateServiceAccountResponse>(
      'CreateServiceAccount',
      client.createServiceAccount,
      request,
      as,
    );
    const account = res.serviceAccount;
    if (!account) throw new Error(`CreateServiceAccount ${request.clientId}: the answer is empty`);
    return {
      tenant: account.tenant,
      department: account.department,
      clientId: account.clientId,
      secret: res.clientSecret,
    };
  };
}

/** The methods a seed's identity client may retry: identity answers a repeat with the same record. */
export const IDENTITY_SEED_IDEMPOTENT_METHODS = ['CreateServiceAccount', 'CreateStaff', 'CreateWindow'] as const;

/** A client of identity at `address` for seeds (retrying the methods above), and its calls as `logins`. */
export function identitySeedClient(options: { address: string; logins: LoginTokens; deadlineMs?: number }): {
  client: identityV1.IdentityServiceClient;
  call: ActingCall;
} {
  const client = createGrpcClient(identityV1.IdentityServiceClient, options.address, {
    serviceName: 'govhall.identity.v1.IdentityService',
    idempotentMethods: [...IDENTITY_SEED_IDEMPOTENT_METHODS],
    maxAttempts: 5,
  });
  // Creating a Keycloak client or user waits for Keycloak's admin API: give it time.
  const call = actingCalls(client, { logins: options.logins, deadlineMs: options.deadlineMs ?? 30_000 });
  return { client, call };
}

/** CreateServiceAccount at identity's `address`, for a seed that needs nothing else of identity. */
export function grpcCenterAccountApi(options: {
  address: string;
  logins: LoginTokens;
  deadlineMs?: number;
}): CenterAccountApi & { close(): void } {
  const { client, call } = identitySeedClient(options);
  return { createServiceAccount: createServiceAccountVia(call, client), close: () => client.close() };
}
