import { ValidationError, type Violation } from '@govhall/errors';
import type { RefundConfirmation } from '../refunds/refund';
import { isPaymentCode } from '../notices/payment-code';
import { CALLBACK_FIELDS, type SignedFields } from './bank-message';

/** The bank's REFUND callback: it paid back a refund the platform instructed (docs/bank-protocol.md). */
export interface RefundCallback extends SignedFields, RefundConfirmation {
  type: 'REFUND';
  paymentCode: string;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;
const bad = (path: string, message: string): Violation => ({ path, reason: 'INVALID', message });

/** A verified payload read as a refund callback. */
export function readRefundCallback(payload: unknown): RefundCallback {
  const { p, v, fields } = CALLBACK_FIELDS.read(payload, 'REFUND');
  const { paymentCode, refundId, amountFen, refundTxnId, refundedAt } = p;
  if (typeof paymentCode !== 'string' || !isPaymentCode(paymentCode)) {
    v.push(bad('paymentCode', '缴款码应为20位数字且校验位正确'));
  }
  if (typeof refundId !== 'string' || !ID.test(refundId)) v.push(bad('refundId', 'refundId 格式不正确'));
  if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen < 1) {
    v.push(bad('amountFen', 'amountFen 应为以分计的正整数'));
  }
  if (typeof refundTxnId !== 'string' || !ID.test(refundTxnId)) v.push(bad('refundTxnId', 'refundTxnId 格式不正确'));
  const at = CALLBACK_FIELDS.time(refundedAt);
  if (!at) v.push(bad('refundedAt', 'refundedAt 应为 RFC 3339 时间'));
  if (v.length > 0) throw new ValidationError(v);
  return {
    ...fields,
    type: 'REFUND',
    paymentCode: paymentCode as string,
    refundId: refundId as string,
    amountFen: amountFen as number,
    refundTxnId: refundTxnId as string,
    refundedAt: at!,
  };
}
