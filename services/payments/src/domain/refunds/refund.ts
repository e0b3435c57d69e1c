import { ForbiddenError, NotFoundError, PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { formatYuan, sumFen } from '@govhall/money';
import type { Notice, NoticeChange } from '../notices/notice';
import { textField } from '../text-field';
import type { Refund, RefundConfirmation } from './refund-record';

export type { Refund, RefundConfirmation, RefundState } from './refund-record';

export const refundNotFound = (): NotFoundError => new NotFoundError('REFUND_NOT_FOUND', '找不到该退款申请');

/** What may still be refunded: the total less every refund not rejected. */
export function refundableFen(notice: Notice): number {
  const held = sumFen(...notice.refunds.filter((r) => r.state !== 'rejected').map((r) => r.amountFen));
  return Math.max(0, notice.totalFen - held);
}

export function requestRefund(
  notice: Notice,
  input: { id: string; requestId: string; amountFen: number; reason: string },
  by: string,
  now: Date,
): NoticeChange {
  const v: Violation[] = [];
  const reason = textField(v, 'reason', input.reason, { label: '退款理由', min: 2, max: 500, multiline: true });
  const refundable = notice.state === 'paid' ? refundableFen(notice) : notice.totalFen;
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 1) {
    v.push({ path: 'amountFen', reason: 'INVALID', message: '退款金额应为大于0的整数（分）' });
  } else if (input.amountFen > refundable) {
    v.push({
      path: 'amountFen',
      reason: 'REFUND_TOO_LARGE',
      message: `退款金额不能超过可退金额 ${formatYuan(refundable)}`,
    });
  }
  if (v.length > 0) throw new ValidationError(v);
  if (notice.state !== 'paid') throw new PreconditionError('WRONG_STATE', '只有已缴款的通知书可以申请退款');
  const refund: Refund = {
    id: input.id,
    amountFen: input.amountFen,
    reason,
    state: 'requested',
    requestedBy: by,
    requestedAt: now,
    requestId: input.requestId,
  };
  const next: Notice = { ...notice, refunds: [...notice.refunds, refund], updatedAt: now };
  return { notice: next, events: [{ type: 'RefundRequested', notice: next, refundId: refund.id }] };
}

function pendingRefund(notice: Notice, refundId: string, by: string): Refund {
  const refund = notice.refunds.find((r) => r.id === refundId);
  if (!refund) throw refundNotFound();
  // Four eyes: whoever asked for the money back does not decide it.
  if (refund.requestedBy === by) throw new ForbiddenError('SAME_PERSON', '退款申请人不能审核自己的申请');
  if (refund.state !== 'requested') throw new PreconditionError('WRONG_STATE', '该退款申请已审核');
  return refund;
}

function withRefund(notice: Notice, refund: Refund, now: Date): Notice {
  return { ...notice, refunds: notice.refunds.map((r) => (r.id === refund.id ? refund : r)), updatedAt: now };
}

/** 批准: the instruction goes to the bank (RefundApproved). */
export function approveRefund(notice: Notice, refundId: string, by: string, now: Date): NoticeChange {
  const refund = pendingRefund(notice, refundId, by);
  const next = withRefund(notice, { ...refund, state: 'approved', decidedBy: by, decidedAt: now }, now);
  return { notice: next, events: [{ type: 'RefundApproved', notice: next, refundId }] };
}

/** 不予退款, with a reason. */
export function rejectRefund(notice: Notice, refundId: string, reason: string, by: string, now: Date): NoticeChange {
  const v: Violation[] = [];
  const said = textField(v, 'reason', reason, { label: '不予退款理由', min: 2, max: 500, multiline: true });
  if (v.length > 0) throw new ValidationError(v);
  const refund = pendingRefund(notice, refundId, by);
  const next = withRefund(
    notice,
    { ...refund, state: 'rejected', decidedBy: by, decidedAt: now, rejectReason: said },
    now,
  );
  return { notice: next, events: [{ type: 'RefundRejected', notice: next, refundId }] };
}

/** The instruction was sent to the bank at `now` (no event: nothing a reader needs). */
export function markInstructed(notice: Notice, refundId: string, now: Date): Notice {
  const refund = notice.refunds.find((r) => r.id === refundId);
  if (!refund || refund.state !== 'approved') return notice;
  return withRefund(notice, { ...refund, instructedAt: now }, now);
}

/**
 * The bank's REFUND callback applied: REFUNDED (accepted), or the same refund transaction again (duplicate, nothing
 * changes). Refused: no such refund, not approved, another amount.
 */
export function confirmRefund(
  notice: Notice,
  confirmation: RefundConfirmation,
  now: Date,
): { outcome: 'accepted'; change: NoticeChange } | { outcome: 'duplicate' } {
  const refund = notice.refunds.find((r) => r.id === confirmation.refundId);
  if (!refund) throw refundNotFound();
  if (refund.state === 'refunded' && refund.bankRefundTxnId === confirmation.refundTxnId) {
    return { outcome: 'duplicate' };
  }
  if (refund.state !== 'approved') throw new PreconditionError('REFUND_NOT_APPROVED', '该退款未经批准或已退款');
  if (confirmation.amountFen !== refund.amountFen) {
    throw new PreconditionError('AMOUNT_MISMATCH', '退款金额与批准的金额不符');
  }
  const next = withRefund(
    notice,
    { ...refund, state: 'refunded', bankRefundTxnId: confirmation.refundTxnId, refundedAt: confirmation.refundedAt },
    now,
  );
  return {
    outcome: 'accepted',
    change: { notice: next, events: [{ type: 'RefundPaid', notice: next, refundId: refund.id }] },
  };
}
