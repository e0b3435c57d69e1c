import { PreconditionError, ValidationError } from '@govhall/errors';
import type { Violation } from './violation';

export const MAX_REASON_LENGTH = 500;

/** A violation found not to be one: only an open violation, and only with a reason. */
export function dismissViolation(v: Violation, reason: string): Violation {
  const text = reason.trim();
  if (!text) throw new ValidationError([{ path: 'reason', reason: 'REQUIRED', message: '请填写撤销违规的理由' }]);
  if (text.length > MAX_REASON_LENGTH) {
    throw new ValidationError([
      { path: 'reason', reason: 'TOO_LONG', message: `理由不能超过${MAX_REASON_LENGTH}个字` },
    ]);
  }
  if (v.state !== 'open') {
    throw new PreconditionError(
      'VIOLATION_NOT_OPEN',
      '只有未处理的违规记录可以撤销（已提出处理意见或已作出处理决定）',
      {
        currentState: v.state,
      },
    );
  }
  return { ...v, state: 'dismissed', dismissedReason: text };
}
