import {
  credentials,
  Metadata,
  type CallOptions,
  type ChannelOptions,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';

export interface ClientOptions {
  /** Fully qualified service name, e.g. govhall.catalogue.v1.CatalogueService (used for retry config). */
  serviceName: string;
  /** Methods safe to retry (reads, and writes that carry an idempotency key). Others are never retried. */
  idempotentMethods: string[];
  maxAttempts?: number;
  /** Largest message sent or received (default: grpc-js's 4 MiB received, unlimited sent). */
  maxMessageBytes?: number;
}

type ClientCtor<C> = new (
  address: string,
  creds: ReturnType<typeof credentials.createInsecure>,
  options?: ChannelOptions,
) => C;

/** Creates a generated ts-proto client with retries configured only for idempotent methods. */
export function createGrpcClient<C extends Client>(Ctor: ClientCtor<C>, address: string, options: ClientOptions): C {
  const serviceConfig = {
    methodConfig: [
      {
        name: options.idempotentMethods.map((method) => ({ service: options.serviceName, method })),
        retryPolicy: {
          maxAttempts: options.maxAttempts ?? 3,
          initialBackoff: '0.1s',
          maxBackoff: '1s',
          backoffMultiplier: 2,
          retryableStatusCodes: ['UNAVAILABLE'],
        },
      },
    ],
  };
  return new Ctor(address, credentials.createInsecure(), {
    'grpc.service_config': JSON.stringify(serviceConfig),
    'grpc.enable_retries': 1,
    'grpc.keepalive_time_ms': 30_000,
    ...(options.maxMessageBytes
      ? {
          'grpc.max_receive_message_length': options.maxMessageBytes,
          'grpc.max_send_message_length': options.maxMessageBytes,
        }
      : {}),
  });
}

export type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

/** Calls a unary method with a deadline (default 5 s) and an optional bearer token, as a promise. */
export function callUnary<Req, Res>(
  method: UnaryMethod<Req, Res>,
  request: Req,
  opts: { deadlineMs?: number; authorization?: string; metadata?: Record<string, string> } = {},
): Promise<Res> {
  const metadata = new Metadata();
  if (opts.authorization) metadata.set('authorization', opts.authorization);
  for (const [k, v] of Object.entries(opts.metadata ?? {})) metadata.set(k, v);
  const deadline = new Date(Date.now() + (opts.deadlineMs ?? 5_000));
  return new Promise<Res>((resolve, reject) => {
    method(request, metadata, { deadline }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}
