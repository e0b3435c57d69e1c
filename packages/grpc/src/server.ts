import {
  Server,
  ServerCredentials,
  type Metadata,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { metrics } from '@opentelemetry/api';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Principal, TokenVerifier } from '@govhall/auth';
import { UnauthenticatedError, isDomainError } from '@govhall/errors';
import type { Logger } from '@govhall/logging';
import { PROTO_ROOT } from '@govhall/proto';
import { reflectionPackageDefinition } from './reflection';
import { toGrpcStatus } from './status-mapping';

export interface CallContext {
  /** Set when the method requires authentication (the default). */
  principal: Principal;
  metadata: Metadata;
  /** Bearer token as received, to forward on onward calls made for the same caller. */
  authorization?: string;
}

export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;

/**
 * A server-streaming handler: the responses it yields are written in order; it should return when `signal` aborts
 * (the client went away, or the server shuts down).
 */
export type StreamHandler<Req, Res> = (request: Req, ctx: CallContext & { signal: AbortSignal }) => AsyncIterable<Res>;

export interface GrpcServerOptions {
  logger: Logger;
  verifier: TokenVerifier;
  /**
   * .proto files (relative to proto/) served by reflection, e.g. govhall/catalogue/v1/catalogue_service.proto. Their
   * imports are served too, and so are grpc.health.v1.Health and grpc.reflection.v1(alpha).ServerReflection.
   */
  reflectionFiles: string[];
  /** Largest request message accepted (default 8 MiB; a service taking whole files raises it). */
  maxReceiveMessageBytes?: number;
}

const meter = metrics.getMeter('@govhall/grpc');
const rpcDuration = meter.createHistogram('rpc.server.duration', {
  description: 'Duration of unary RPCs handled, by method and gRPC status code',
  unit: 'ms',
});

const ANONYMOUS: Principal = { kind: 'user', subject: '', username: '', tenant: '', roles: [], clientId: '' };

/**
 * A gRPC server with health checking, reflection, token verification on every call, domain-error → status
 * mapping with google.rpc details, and graceful shutdown.
 */
export class GrpcServer {
  readonly server: Server;
  readonly health = new HealthImplementation({ '': 'NOT_SERVING' });
  private readonly serviceNames: string[] = [];
  /** Open server streams, ended when the server shuts down. */
  private readonly streams = new Set<AbortController>();

  constructor(private readonly options: GrpcServerOptions) {
    this.server = new Server({
      'grpc.max_receive_message_length': options.maxReceiveMessageBytes ?? 8 * 1024 * 1024,
    });
    this.health.addToServer(this.server);
    // google/rpc/status.proto too: grpcurl and other reflection clients then decode the error details (ErrorInfo,
    // BadRequest, LocalizedMessage) every refusal carries, instead of printing raw bytes.
    new ReflectionService(
      reflectionPackageDefinition([...options.reflectionFiles, 'google/rpc/status.proto'], PROTO_ROOT),
    ).addToServer(this.server);
  }

  /** Wraps a use-case style handler into a grpc-js unary handler. `auth: 'none'` serves anonymous callers. */
  unary<Req, Res>(
    method: string,
    handler: UnaryHandler<Req, Res>,
    opts: { auth?: 'required' | 'optional' | 'none' } = {},
  ) {
    const { logger, verifier } = this.options;
    const auth = opts.auth ?? 'required';
    return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
      const header = call.metadata.get('authorization')[0]?.toString();
      const started = performance.now();
      const observe = (code: number) =>
        rpcDuration.record(performance.now() - started, { 'rpc.method': method, 'rpc.grpc.status_code': code });
      const run = async () => {
        let principal = ANONYMOUS;
        if (auth === 'required' || (auth === 'optional' && header)) {
          if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
          principal = await verifier.verifyHeader(header);
        }
        return handler(call.request, { principal, metadata: call.metadata, authorization: header });
      };
      run().then(
        (res) => {
          observe(0);
          callback(null, res);
        },
        (err: unknown) => {
          if (isDomainError(err)) {
            logger.info({ method, code: err.code, kind: err.kind }, 'rpc rejected');
          } else {
            logger.error({ method, err }, 'rpc failed');
          }
          const status = toGrpcStatus(err);
          observe(status.code);
          callback(status);
        },
      );
    };
  }

  /**
   * Wraps a streaming handler into a grpc-js server-streaming handler, with the token verified as for unary calls.
   * A refusal before or while streaming ends the call with the mapped status; a cancelled call or a shutdown
   * aborts the handler's signal and the call ends OK.
   */
  serverStream<Req, Res>(method: string, handler: StreamHandler<Req, Res>) {
    const { logger, verifier } = this.options;
    return (call: ServerWritableStream<Req, Res>) => {
      const abort = new AbortController();
      this.streams.add(abort);
      call.on('cancelled', () => abort.abort());
      const run = async () => {
        const header = call.metadata.get('authorization')[0]?.toString();
        if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
        const principal = await verifier.verifyHeader(header);
        const ctx = { principal, metadata: call.metadata, authorization: header, signal: abort.signal };
        for await (const response of handler(call.request, ctx)) {
          if (abort.signal.aborted) break;
          call.write(response);
        }
      };
      run()
        .then(
          () => {
            if (!call.cancelled) call.end();
          },
          (err: unknown) => {
            if (isDomainError(err)) logger.info({ method, code: err.code, kind: err.kind }, 'rpc rejected');
            else logger.error({ method, err }, 'rpc failed');
            if (!call.cancelled) call.emit('error', toGrpcStatus(err));
          },
        )
        .finally(() => this.streams.delete(abort));
    };
  }

  addService(name: string, definition: ServiceDefinition, implementation: UntypedServiceImplementation): void {
    this.server.addService(definition, implementation);
    this.serviceNames.push(name);
  }

  async listen(host: string, port: number): Promise<number> {
    const bound = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    this.health.setStatus('', 'SERVING');
    for (const name of this.serviceNames) this.health.setStatus(name, 'SERVING');
    return bound;
  }

  /** Stops taking calls, lets in-flight calls finish for up to graceMs, then forces. */
  async shutdown(graceMs = 10_000): Promise<void> {
    this.health.setStatus('', 'NOT_SERVING');
    for (const name of this.serviceNames) this.health.setStatus(name, 'NOT_SERVING');
    for (const stream of this.streams) stream.abort();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
