import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { Principal, Role, TokenVerifier } from '@govhall/auth';
import { UnauthenticatedError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import { createLogger } from '@govhall/logging';
import { parseConfig } from '@govhall/config';
import { catalogueV1 } from '@govhall/proto';
import { buildApp } from '../../../../app';
import { configShape, type GatewayConfig } from '../../../../config';

type Handlers = Partial<Record<keyof catalogueV1.CatalogueServiceServer, (request: any) => Promise<unknown>>>;

export interface ReceivedCall {
  method: string;
  request: any;
  authorization?: string;
}

/**
 * A real gRPC server speaking govhall.catalogue.v1.CatalogueService on a free port, answering with the given
 * handlers (a thrown DomainError becomes a status with google.rpc details, as the real service sends). It
 * accepts and sends messages of up to 8 MiB, as the services do. Methods without a handler answer UNIMPLEMENTED.
 */
export async function startFakeCatalogue(handlers: Handlers) {
  const calls: ReceivedCall[] = [];
  const server = new Server({
    'grpc.max_receive_message_length': 8 * 1024 * 1024,
    'grpc.max_send_message_length': 8 * 1024 * 1024,
  });
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
  server.addService(catalogueV1.CatalogueServiceService, impl);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    address: `127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

const TOKENS: Record<string, Role[]> = {
  admin: ['center_admin'],
  reviewer: ['reviewer'],
  clerk: ['window_clerk'],
  citizen: ['applicant'],
};

const principal = (roles: Role[]): Principal => ({
  kind: 'user',
  subject: `sub-${roles.join('-')}`,
  username: 'someone',
  tenant: '620321',
  roles,
  clientId: 'govhall-portal',
});

/** Accepts "Bearer admin" (center_admin), "Bearer reviewer", "Bearer clerk" (window_clerk) and "Bearer citizen". */
export const fakeVerifier: TokenVerifier = {
  async verify(token) {
    const roles = TOKENS[token];
    if (!roles) throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证无效，请重新登录');
    return principal(roles);
  },
  async verifyHeader(header) {
    if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new UnauthenticatedError('TOKEN_MALFORMED', '登录凭证格式错误，请重新登录');
    return this.verify(match[1]);
  },
};

/** The gateway wired to a fake catalogue server (the identity address is never dialled). */
export async function gatewayWithCatalogue(catalogueAddress: string): ReturnType<typeof buildApp> {
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    // A loaded CI machine must not turn requests into 503 OVERLOADED.
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    CATALOGUE_GRPC_ADDR: catalogueAddress,
    IDENTITY_GRPC_ADDR: '127.0.0.1:1',
  });
  if (!parsed.ok) throw new Error('bad test config');
  return buildApp({
    config: parsed.config as GatewayConfig,
    verifier: fakeVerifier,
    logger: createLogger('gateway-test', 'silent'),
  });
}
