import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { Principal, TokenVerifier } from '@govhall/auth';
import { UnauthenticatedError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import { createLogger } from '@govhall/logging';
import { parseConfig } from '@govhall/config';
import { identityV1 } from '@govhall/proto';
import { buildApp } from '../../../../app';
import { configShape, type GatewayConfig } from '../../../../config';

type Handlers = Partial<Record<keyof identityV1.IdentityServiceServer, (request: any) => Promise<unknown>>>;

export interface ReceivedCall {
  method: string;
  request: any;
  authorization?: string;
}

/**
 * A real gRPC server speaking govhall.identity.v1.IdentityService on a free port, answering with the given
 * handlers (a thrown DomainError becomes a status with google.rpc details, as the real service sends).
 * Methods without a handler answer UNIMPLEMENTED.
 */
export async function startFakeIdentity(handlers: Handlers) {
  const calls: ReceivedCall[] = [];
  const server = new Server();
  const impl = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
        calls.push({ method, request: call.request, authorization: call.metadata.get('authorization')[0]?.toString() });
        handler!(call.request).then(
          (res) => callback(null, res),
          (err: unknown) => callback(toGrpcStatus(err)),
        );
      },
    ]),
  );
  server.addService(identityV1.IdentityServiceService, impl);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    address: `127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

const principal = (roles: Principal['roles']): Principal => ({
  kind: 'user',
  subject: `sub-${roles.join('-') || 'none'}`,
  username: 'someone',
  tenant: '620981',
  roles,
  clientId: 'govhall-portal',
});

/** Accepts "Bearer admin" (center_admin) and "Bearer citizen" (applicant); anything else is refused. */
export const fakeVerifier: TokenVerifier = {
  async verify(token) {
    if (token === 'admin') return principal(['center_admin']);
    if (token === 'citizen') return principal(['applicant']);
    throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证无效，请重新登录');
  },
  async verifyHeader(header) {
    if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new UnauthenticatedError('TOKEN_MALFORMED', '登录凭证格式错误，请重新登录');
    return this.verify(match[1]);
  },
};

/** The gateway wired to a fake identity server (the catalogue address is never dialled). */
export async function gatewayWith(identityAddress: string): ReturnType<typeof buildApp> {
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    // A loaded CI machine must not turn requests into 503 OVERLOADED.
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    CATALOGUE_GRPC_ADDR: '127.0.0.1:1',
    IDENTITY_GRPC_ADDR: identityAddress,
  });
  if (!parsed.ok) throw new Error('bad test config');
  return buildApp({
    config: parsed.config as GatewayConfig,
    verifier: fakeVerifier,
    logger: createLogger('gateway-test', 'silent'),
  });
}
