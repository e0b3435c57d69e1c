import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import {
  ForbiddenError,
  ValidationError,
  ConcurrencyError,
  PreconditionError,
  UnavailableError,
} from '@govhall/errors';
import { decodeGrpcError, MAX_VIOLATIONS, toGrpcStatus } from './status-mapping';

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

  it('carries the machine facts of an error in ErrorInfo metadata (a wrong state names the current one)', () => {
    const s = toGrpcStatus(
      new PreconditionError('WRONG_STATE', '办件当前为“草稿”，不能受理', { currentStatus: 'draft' }),
    );
    expect(s.code).toBe(status.FAILED_PRECONDITION);
    const d = decodeGrpcError(asServiceError(s));
    expect(d).toMatchObject({ reason: 'WRONG_STATE', metadata: { currentStatus: 'draft' } });
  });

  it('sends at most MAX_VIOLATIONS field violations, so the trailer stays within the limit of the peers', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      path: `settings.commonRules.${i}.kind`,
      message: '规则类型应为以下之一：字段比较、身份证号码、统一社会信用代码',
      reason: 'ENUM',
    }));
    const d = decodeGrpcError(asServiceError(toGrpcStatus(new ValidationError(many))));
    expect(d.violations).toHaveLength(MAX_VIOLATIONS);
    expect(d.violations[0]).toEqual(many[0]);
  });
});
