import {
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type sendUnaryData,
} from '@grpc/grpc-js';
import type { Principal, Role, TokenVerifier } from '@govhall/auth';
import { UnauthenticatedError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import { createLogger } from '@govhall/logging';
import { parseConfig } from '@govhall/config';
import { buildApp } from '../app';
import { configShape, type GatewayConfig } from '../config';

/**
 * Answers for some methods of a service definition (`catalogueV1.CatalogueServiceService`, …), by method name,
 * typed by the definition: a response missing a field the proto added fails to compile rather than to serialize.
 */
export type FakeHandlers<D extends ServiceDefinition> = {
  [M in keyof D]?: D[M] extends { responseStream: true }
    ? (
        request: ReturnType<D[M]['requestDeserialize']>,
        stream: FakeStreamContext,
      ) => AsyncIterable<Parameters<D[M]['responseSerialize']>[0]>
    : (request: ReturnType<D[M]['requestDeserialize']>) => Promise<Parameters<D[M]['responseSerialize']>[0]>;
};

/** What a server-streaming handler learns: the client cancelled the call (it went away). */
export interface FakeStreamContext {
  cancelled: Promise<void>;
}

export interface ReceivedCall {
  method: string;
  request: any;
  authorization?: string;
  /** A server stream: settles 'cancelled' when the client cancels it, 'ended' when the handler finished it. */
  outcome?: Promise<'cancelled' | 'ended' | 'failed'>;
}

/** One service the fake serves, with its handlers (typed by the definition). */
export interface FakeService {
  service: ServiceDefinition;
  handlers: Record<string, (...args: any[]) => unknown>;
}
export const fakeService = <D extends ServiceDefinition>(service: D, handlers: FakeHandlers<D>): FakeService => ({
  service,
  handlers: handlers as FakeService['handlers'],
});

export type FakeGrpcServer = Awaited<ReturnType<typeof startFakeGrpcServer>>;
type Gateway = Awaited<ReturnType<typeof buildApp>>;

/**
 * A real gRPC server speaking `service` on a free port, answering with the given handlers (a thrown DomainError
 * becomes a status with google.rpc details, as the real service sends). It accepts and sends messages of up to
 * 8 MiB, as the services do. Methods without a handler answer UNIMPLEMENTED. Every call is kept in `calls`.
 */
export async function startFakeGrpcServer<D extends ServiceDefinition>(service: D, handlers: FakeHandlers<D>) {
  return startFakeGrpcServers([fakeService(service, handlers)]);
}

/** A unary method of the fake: answers with its handler's result, or its error as a status. */
function unaryMethod(method: string, handler: FakeService['handlers'][string], calls: ReceivedCall[]) {
  return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
    calls.push({ method, request: call.request, authorization: call.metadata.get('authorization')[0]?.toString() });
    (handler(call.request) as Promise<unknown>).then(
      (res: unknown) => callback(null, res),
      (err: unknown) => callback(toGrpcStatus(err)),
    );
  };
}

/**
 * A server-streaming method of the fake: writes what its handler yields, in order, then ends the call; a thrown
 * error ends it with that status. The handler learns when the client cancels.
 */
function streamingMethod(method: string, handler: FakeService['handlers'][string], calls: ReceivedCall[]) {
  return (call: ServerWritableStream<unknown, unknown>) => {
    let cancelled = false;
    const cancelledPromise = new Promise<void>((resolve) =>
      call.on('cancelled', () => {
        cancelled = true;
        resolve();
      }),
    );
    const outcome = (async (): Promise<'cancelled' | 'ended' | 'failed'> => {
      try {
        for await (const message of handler(call.request, { cancelled: cancelledPromise }) as AsyncIterable<unknown>) {
          if (cancelled) break;
          call.write(message);
        }
        if (cancelled) return 'cancelled';
        call.end();
        return 'ended';
      } catch (err) {
        if (cancelled) return 'cancelled';
        call.emit('error', toGrpcStatus(err));
        return 'failed';
      }
    })();
    calls.push({
      method,
      request: call.request,
      authorization: call.metadata.get('authorization')[0]?.toString(),
      outcome,
    });
  };
}

/** One fake server serving several services on one port (a service process may serve more than one). */
export async function startFakeGrpcServers(services: FakeService[]) {
  const calls: ReceivedCall[] = [];
  const server = new Server({
    'grpc.max_receive_message_length': 8 * 1024 * 1024,
    'grpc.max_send_message_length': 8 * 1024 * 1024,
  });
  for (const { service, handlers } of services) {
    const impl = Object.fromEntries(
      Object.entries(handlers).map(([method, handler]) => [
        method,
        service[method]?.responseStream ? streamingMethod(method, handler, calls) : unaryMethod(method, handler, calls),
      ]),
    );
    server.addService(service, impl);
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    address: `127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        // Open streams would hold a graceful shutdown forever.
        server.forceShutdown();
        resolve();
      }),
  };
}

/**
 * Accepts "Bearer <token>" for each token named in `roles` (e.g. { admin: ['center_admin'] }) as a user of
 * `tenant` with those roles; any other token is refused as Keycloak's verifier would.
 */
export function fakeVerifier(tenant: string, roles: Record<string, Role[]>): TokenVerifier {
  const principal = (held: Role[]): Principal => ({
    kind: 'user',
    subject: `sub-${held.join('-') || 'none'}`,
    username: 'someone',
    tenant,
    roles: held,
    clientId: 'govhall-portal',
  });
  return {
    async verify(token) {
      const held = roles[token];
      if (!held) throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证无效，请重新登录');
      return principal(held);
    },
    async verifyHeader(header) {
      if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new UnauthenticatedError('TOKEN_MALFORMED', '登录凭证格式错误，请重新登录');
      return this.verify(match[1]);
    },
  };
}

/** What a route test holds: the fake, the gateway, the last call the fake received, and reset/close. */
export interface RouteFixture {
  fake: FakeGrpcServer;
  app: Gateway;
  lastCall(): ReceivedCall;
  reset(): void;
  close(): Promise<void>;
}

/** The gateway wired to one fake service, with `verifier`; the other services are never dialled (127.0.0.1:1). */
export async function routeFixture(
  service: 'catalogue' | 'identity' | 'applications' | 'supervision' | 'jointReview' | 'payments' | 'complaints',
  fake: FakeGrpcServer,
  verifier: TokenVerifier,
  extraConfig: Record<string, string> = {},
): Promise<RouteFixture> {
  const address = (name: typeof service) => (name === service ? fake.address : '127.0.0.1:1');
  const parsed = parseConfig(configShape, {
    KEYCLOAK_URL: 'http://127.0.0.1:1',
    // A loaded CI machine must not turn requests into 503 OVERLOADED: neither by event-loop lag nor by the heap of a
    // jest worker that has run many test files (over 1.5 GiB in the full unit run).
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_HEAP_USED_MB: '0',
    CATALOGUE_GRPC_ADDR: address('catalogue'),
    IDENTITY_GRPC_ADDR: address('identity'),
    APPLICATIONS_GRPC_ADDR: address('applications'),
    SUPERVISION_GRPC_ADDR: address('supervision'),
    JOINT_REVIEW_GRPC_ADDR: address('jointReview'),
    PAYMENTS_GRPC_ADDR: address('payments'),
    COMPLAINTS_GRPC_ADDR: address('complaints'),
    ...extraConfig,
  });
  if (!parsed.ok) throw new Error('bad test config');
  const app = await buildApp({
    config: parsed.config as GatewayConfig,
    verifier,
    logger: createLogger('gateway-test', 'silent'),
  });
  return {
    fake,
    app,
    lastCall: () => fake.calls.at(-1)!,
    reset: () => {
      fake.calls.length = 0;
    },
    close: async () => {
      await app.close();
      await fake.close();
    },
  };
}

/**
 * The hooks every route test file needs, once: starts the fixture before the file's tests, clears the received
 * calls before each, closes it after. The returned object reads through to the fixture once started.
 */
export function useRouteFixture<F extends RouteFixture>(start: () => Promise<F>): F {
  let fx: F | undefined;
  beforeAll(async () => {
    fx = await start();
  });
  afterAll(() => fx?.close());
  beforeEach(() => fx?.reset());
  return new Proxy({} as F, {
    get(_target, key) {
      if (!fx) throw new Error('the route fixture is used before beforeAll started it');
      const value = (fx as unknown as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(fx) : value;
    },
  });
}
