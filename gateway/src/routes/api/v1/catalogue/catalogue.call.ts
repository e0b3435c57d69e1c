import type { FastifyInstance, FastifyRequest } from 'fastify';
import { status, type CallOptions, type ClientUnaryCall, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { ValidationError } from '@govhall/errors';
import { callUnary, decodeGrpcError } from '@govhall/grpc';
import type { catalogueV1 } from '@govhall/proto';
import { restPath, type FieldPaths } from '../identity/identity.call';

type Client = catalogueV1.CatalogueServiceClient;
type Unary<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

/** Unary methods of the catalogue client, by name ('searchItems', …). */
export type CatalogueMethod = {
  [K in keyof Client]: Client[K] extends Unary<infer _Req, infer _Res> ? K : never;
}[keyof Client];
type RequestOf<M extends CatalogueMethod> = Client[M] extends Unary<infer Req, infer _Res> ? Req : never;
type ResponseOf<M extends CatalogueMethod> = Client[M] extends Unary<infer _Req, infer Res> ? Res : never;

/**
 * `fields` says where a field the service names sits in the HTTP request when that is not the same path in the
 * body, e.g. { id: 'params.id', page: 'querystring' }. Body fields stay bare, as the edge's own schema errors
 * name them, so the service's `content.materials.2.name` reaches the caller unchanged.
 */
export type CatalogueCall = <M extends CatalogueMethod>(
  request: FastifyRequest,
  method: M,
  body: RequestOf<M>,
  fields?: FieldPaths,
) => Promise<ResponseOf<M>>;

function isServiceError(e: unknown): e is ServiceError {
  return typeof e === 'object' && e !== null && typeof (e as ServiceError).code === 'number' && 'metadata' in e;
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
 * Calls the catalogue for an HTTP request: the caller's `authorization` header, when there is one, travels as
 * gRPC metadata (the service verifies the token again and decides scope), with the configured deadline.
 */
export function catalogueCall(app: FastifyInstance, deadlineMs: number): CatalogueCall {
  return async (request, method, body, fields) => {
    const client = app.grpc.catalogue;
    const fn = (client[method] as unknown as Unary<typeof body, ResponseOf<typeof method>>).bind(client);
    try {
      return await callUnary(fn, body, { authorization: request.headers.authorization, deadlineMs });
    } catch (e) {
      throw fields ? withRestPaths(e, fields) : e;
    }
  };
}
