import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import {
  ForbiddenError,
  ValidationError,
  ConcurrencyError,
  PreconditionError,
  UnavailableError,
} from '@govhall/errors';
import { decodeGrpcError, toGrpcStatus } from './status-mapping';

function asServiceError(s: ReturnType<typeof toGrpcStatus>): ServiceError {
  return Object.assign(new Error(s.details), {
    code: s.code,
    details: s.details,
    metadata: s.metadata ?? new Metadata(),
  });
}

describe('status mapping', () => {
  it('round-trips field violations through google.rpc.BadRequest', () => {
    const s = toGrpcStatus(
      new ValidationError([{ path: 'basicCode', message: '基本编码应为12位', reason: 'PATTERN' }]),
    );
    expect(s.code).toBe(status.INVALID_ARGUMENT);
    const d = decodeGrpcError(asServiceError(s));
    expect(d.reason).toBe('VALIDATION_FAILED');
    expect(d.violations).toEqual([{ path: 'basicCode', message: '基本编码应为12位', reason: 'PATTERN' }]);
  });

  it('maps forbidden, concurrency and unknown errors', () => {
    expect(toGrpcStatus(new ForbiddenError()).code).toBe(status.PERMISSION_DENIED);
    expect(toGrpcStatus(new ConcurrencyError()).code).toBe(status.ABORTED);
    const internal = toGrpcStatus(new Error('boom: secret detail'));
    expect(internal.code).toBe(status.INTERNAL);
    expect(internal.details).not.toContain('secret');
  });

  it('maps unavailable to UNAVAILABLE and keeps the reason and message', () => {
    const s = toGrpcStatus(new UnavailableError('DIRECTORY_UNAVAILABLE', '统一身份认证服务暂时不可用，请稍后重试'));
    expect(s.code).toBe(status.UNAVAILABLE);
    const d = decodeGrpcError(asServiceError(s));
    expect(d).toEqual({
      code: status.UNAVAILABLE,
      reason: 'DIRECTORY_UNAVAILABLE',
      message: '统一身份认证服务暂时不可用，请稍后重试',
      violations: [],
      metadata: {},
    });
    const fallback = decodeGrpcError(asServiceError(toGrpcStatus(new UnavailableError())));
    expect(fallback).toMatchObject({ reason: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' });
  });

  it('carries ErrorInfo metadata, such as the current state of a refused transition', () => {
    const s = toGrpcStatus(
      new PreconditionError('WRONG_STATE', '办件已受理，不能撤回', { current_status: 'CASE_STATUS_PROCESSING' }),
    );
    expect(s.code).toBe(status.FAILED_PRECONDITION);
    expect(decodeGrpcError(asServiceError(s))).toMatchObject({
      reason: 'WRONG_STATE',
      metadata: { current_status: 'CASE_STATUS_PROCESSING' },
    });
    expect(decodeGrpcError(asServiceError(toGrpcStatus(new ForbiddenError()))).metadata).toEqual({});
  });
});
