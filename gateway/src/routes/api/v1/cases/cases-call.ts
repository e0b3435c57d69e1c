import type { FastifyInstance } from 'fastify';
import { status } from '@grpc/grpc-js';
import { decodeGrpcError, isServiceError } from '@govhall/grpc';
import { grpcCall, type GrpcCall } from '../../../../lib/grpc-call';
import { StateConflictError } from '../../../../lib/problem';
import { CASE_STATUS_NAMES, currentStatusOf } from './cases.enums';

/**
 * A WRONG_STATE refusal (FAILED_PRECONDITION with ErrorInfo metadata.currentStatus) as a 409 naming the case's
 * current state: `currentStatus` in REST spelling, and the Chinese name in `detail` (added in front of the service's
 * message unless the message already says it). Any other error passes through.
 */
export function withCurrentState(error: unknown): unknown {
  if (!isServiceError(error) || error.code !== status.FAILED_PRECONDITION) return error;
  const d = decodeGrpcError(error);
  const current = d.reason === 'WRONG_STATE' ? currentStatusOf(d.metadata.currentStatus) : undefined;
  if (!current) return error;
  const name = CASE_STATUS_NAMES[current];
  const message = d.message.includes(name)
    ? d.message
    : `办件当前状态为“${name}”，不能办理此操作${d.message ? `：${d.message}` : ''}`;
  return new StateConflictError(d.reason, message, current);
}

/** grpcCall for the cases service, with WRONG_STATE refusals named (withCurrentState). */
export function casesCall(app: FastifyInstance, deadlineMs: number): GrpcCall<'applications'> {
  const call = grpcCall(app, 'applications', deadlineMs);
  return async (request, method, body, fields) => {
    try {
      return await call(request, method, body, fields);
    } catch (e) {
      throw withCurrentState(e);
    }
  };
}
