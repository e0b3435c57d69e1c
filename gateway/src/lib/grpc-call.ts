import type { FastifyInstance, FastifyRequest } from 'fastify';
import { status, type CallOptions, type ClientUnaryCall, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { ValidationError } from '@govhall/errors';
import { callUnary, decodeGrpcError, isServiceError } from '@govhall/grpc';

/** The backend services the gateway holds a client for (plugins/app/grpc-clients.ts). */
type Clients = FastifyInstance['grpc'];
export type ServiceName = keyof Clients;

type Unary<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

/** Unary methods of a client, by name ('getTenant', 'searchItems', …). */
export type UnaryMethod<Client> = {
  [K in keyof Client]: Client[K] extends Unary<infer _Req, infer _Res> ? K : never;
}[keyof Client];
type RequestOf<Client, M extends keyof Client> = Client[M] extends Unary<infer Req, infer _Res> ? Req : never;
type ResponseOf<Client, M extends keyof Client> = Client[M] extends Unary<infer _Req, infer Res> ? Res : never;

/**
 * Where a field the service names sits in the HTTP request, when not at the same path in the body:
 * e.g. { id: 'params.id', page: 'querystring' }, { tenant: 'params.code' } or { leave: '' } (the leave's fields
 * are the body itself). Body fields stay bare, as the edge's own schema errors name them, so the service's
 * `content.materials.2.name` reaches the caller unchanged.
 */
export type FieldPaths = Record<string, string>;

export type GrpcCall<S extends ServiceName> = <M extends UnaryMethod<Clients[S]>>(
  request: FastifyRequest,
  method: M,
  body: RequestOf<Clients[S], M>,
  fields?: FieldPaths,
) => Promise<ResponseOf<Clients[S], M>>;

/** A service field path as the HTTP caller knows it ("leave.fromDate" → "fromDate"). */
export function restPath(path: string, fields: FieldPaths): string {
  for (const [from, to] of Object.entries(fields)) {
    if (path === from) return to || path;
    if (path.startsWith(`${from}.`)) return to ? `${to}.${path.slice(from.length + 1)}` : path.slice(from.length + 1);
    if (path.startsWith(`${from}[`)) return `${to || from}${path.slice(from.length)}`;
  }
  return path;
}

/** INVALID_ARGUMENT with field violations, re-expressed with HTTP request paths; anything else unchanged. */
function withRestPaths(error: unknown, fields: FieldPaths): unknown {
  if (!isServiceError(error) || error.code !== status.INVALID_ARGUMENT) return error;
  const d = decodeGrpcError(error);
  if (!d.reason || d.violations.length === 0) return error;
  return new ValidationError(
    d.violations.map((v) => ({ ...v, path: restPath(v.path, fields) })),
    d.message,
    d.reason,
  );
}

/**
 * Calls a backend service for an HTTP request: the caller's `authorization` header, when there is one, travels
 * as gRPC metadata (the service verifies the token again and decides scope), with the configured deadline.
 */
export function grpcCall<S extends ServiceName>(app: FastifyInstance, service: S, deadlineMs: number): GrpcCall<S> {
  return async (request, method, body, fields) => {
    const client = app.grpc[service];
    const fn = (client[method] as unknown as Unary<typeof body, ResponseOf<Clients[S], typeof method>>).bind(client);
    try {
      return await callUnary(fn, body, { authorization: request.headers.authorization, deadlineMs });
    } catch (e) {
      throw fields ? withRestPaths(e, fields) : e;
    }
  };
}
