import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import { ForbiddenError, ValidationError, ConcurrencyError } from '@govhall/errors';
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
});
