import type { ServiceError } from '@grpc/grpc-js';
import { decodeGrpcError, type DecodedGrpcError } from '@govhall/grpc';

/** Awaits a call that must fail and returns its status code, reason and field violations. */
export async function grpcFailure(call: Promise<unknown>): Promise<DecodedGrpcError> {
  const err = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as ServiceError | undefined;
  if (!err) throw new Error('expected the gRPC call to fail, but it succeeded');
  return decodeGrpcError(err);
}
