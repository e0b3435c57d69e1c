import {
  NotFoundError,
  PreconditionError,
  UnauthenticatedError,
  type Violation,
  ValidationError,
} from '@govhall/errors';
import { PAYABLE, type Notice, type NoticeChange, type Payment } from '../notices/notice';
import { isPaymentCode } from '../notices/payment-code';

/** Why a bank message was refused; each is recorded with the channel and time (docs/bank-protocol.md). */
export type RefusalReason =
  | 'SIGNATURE_INVALID'
  | 'EXPIRED'
  | 'REPLAYED'
  | 'VALIDATION_FAILED'
  | 'UNKNOWN_PAYMENT_CODE'
  | 'NOTICE_NOT_PAYABLE'
  | 'AMOUNT_MISMATCH'
  | 'REFUND_NOT_FOUND'
  | 'REFUND_NOT_APPROVED';

/** The fields every signed message carries. */
export interface SignedFields {
  type: string;
  iat: number;
  nonce: string;
}

export interface PaymentCallback extends SignedFields {
  type: 'PAYMENT';
  paymentCode: string;
  amountFen: number;
  bankTxnId: string;
  paidAt: Date;
  receiptCode: string;
  receiptNumber: string;
}

export interface PaymentCodeQuery extends SignedFields {
  type: 'PAYMENT_CODE_QUERY';
  paymentCode: string;
}

/** How far a message's `iat` may be from the platform's clock. */
export const CALLBACK_WINDOW_SECONDS = 300;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const TXN = /^[A-Za-z0-9-]{1,64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const bad = (path: string, message: string): Violation => ({ path, reason: 'INVALID', message });

/** The common fields of a verified payload; throws VALIDATION_FAILED naming the field. */
function signedFields(payload: Record<string, unknown>, v: Violation[]): SignedFields {
  const { type, iat, nonce } = payload;
  if (typeof iat !== 'number' || !Number.isSafeInteger(iat) || iat <= 0) v.push(bad('iat', 'iat 应为签名时间（秒）'));
  if (typeof nonce !== 'string' || !NONCE.test(nonce)) v.push(bad('nonce', 'nonce 应为16至64位 base64url 随机串'));
  return { type: String(type), iat: iat as number, nonce: nonce as string };
}

function paymentCodeOf(payload: Record<string, unknown>, v: Violation[]): string {
  const code = payload.paymentCode;
  if (typeof code !== 'string' || !isPaymentCode(code)) v.push(bad('paymentCode', '缴款码应为20位数字且校验位正确'));
  return String(code);
}

function asObject(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ValidationError([bad('payload', '报文应为 JSON 对象')]);
  }
  return payload as Record<string, unknown>;
}

/** A payload's type, to dispatch a callback on (the reader checks it again). */
export function messageType(payload: unknown): string {
  return String(asObject(payload).type);
}

function rfc3339(value: unknown): Date | undefined {
  const at = typeof value === 'string' && RFC3339.test(value) ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/** The common reading of a callback of `type`, for the readers of other message types. */
export const CALLBACK_FIELDS = {
  read(payload: unknown, type: string) {
    const p = asObject(payload);
    const v: Violation[] = [];
    const fields = signedFields(p, v);
    if (fields.type !== type) v.push(bad('type', `type 应为 ${type}`));
    return { p, v, fields };
  },
  time: rfc3339,
};

/** A verified payload read as a payment-code query. */
export function readQuery(payload: unknown): PaymentCodeQuery {
  const p = asObject(payload);
  const v: Violation[] = [];
  const fields = signedFields(p, v);
  if (fields.type !== 'PAYMENT_CODE_QUERY') v.push(bad('type', 'type 应为 PAYMENT_CODE_QUERY'));
  const paymentCode = paymentCodeOf(p, v);
  if (v.length > 0) throw new ValidationError(v);
  return { ...fields, type: 'PAYMENT_CODE_QUERY', paymentCode };
}

/** A verified payload read as a payment callback. */
export function readCallback(payload: unknown): PaymentCallback {
  const p = asObject(payload);
  const v: Violation[] = [];
  const fields = signedFields(p, v);
  if (fields.type !== 'PAYMENT') v.push(bad('type', 'type 应为 PAYMENT'));
  const paymentCode = paymentCodeOf(p, v);
  const { amountFen, bankTxnId, paidAt, receiptCode, receiptNumber } = p;
  if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen < 1) {
    v.push(bad('amountFen', 'amountFen 应为以分计的正整数'));
  }
  if (typeof bankTxnId !== 'string' || !TXN.test(bankTxnId)) v.push(bad('bankTxnId', 'bankTxnId 格式不正确'));
  const paid = rfc3339(paidAt);
  if (!paid) v.push(bad('paidAt', 'paidAt 应为 RFC 3339 时间'));
  if (typeof receiptCode !== 'string' || !/^\d{8}$/.test(receiptCode))
    v.push(bad('receiptCode', '票据代码应为8位数字'));
  if (typeof receiptNumber !== 'string' || !/^\d{10}$/.test(receiptNumber)) {
    v.push(bad('receiptNumber', '票据号码应为10位数字'));
  }
  if (v.length > 0) throw new ValidationError(v);
  return {
    ...fields,
    type: 'PAYMENT',
    paymentCode,
    amountFen: amountFen as number,
    bankTxnId: bankTxnId as string,
    paidAt: paid!,
    receiptCode: receiptCode as string,
    receiptNumber: receiptNumber as string,
  };
}

/** EXPIRED when `iat` is outside the window around `now`. */
export function requireFresh(iat: number, now: Date, windowSeconds = CALLBACK_WINDOW_SECONDS): void {
  if (Math.abs(now.getTime() / 1000 - iat) > windowSeconds) {
    throw new UnauthenticatedError('EXPIRED', '报文签名时间超出允许范围');
  }
}

export const unknownPaymentCode = (): NotFoundError => new NotFoundError('UNKNOWN_PAYMENT_CODE', '缴款码不存在');

/**
 * The bank's confirmation applied to the notice: PAID (accepted), or the same transaction again (duplicate, nothing
 * changes). Refused: not payable (assessing, waived, cancelled, or paid by another transaction), amount mismatch.
 */
export function confirmPayment(
  notice: Notice,
  callback: PaymentCallback,
  channel: string,
  now: Date,
): { outcome: 'accepted'; change: NoticeChange } | { outcome: 'duplicate' } {
  if (
    notice.state === 'paid' &&
    notice.payment?.channel === channel &&
    notice.payment.bankTxnId === callback.bankTxnId
  ) {
    return { outcome: 'duplicate' };
  }
  if (!PAYABLE.includes(notice.state)) {
    throw new PreconditionError('NOTICE_NOT_PAYABLE', '该缴款通知书当前不可缴款');
  }
  if (callback.amountFen !== notice.totalFen) {
    throw new PreconditionError('AMOUNT_MISMATCH', '缴款金额与缴款通知书金额不符');
  }
  const payment: Payment = {
    source: 'bank_callback',
    channel,
    bankTxnId: callback.bankTxnId,
    paidAt: callback.paidAt,
    receiptCode: callback.receiptCode,
    receiptNumber: callback.receiptNumber,
    confirmedAt: now,
  };
  const next: Notice = { ...notice, state: 'paid', payment, updatedAt: now };
  return { outcome: 'accepted', change: { notice: next, events: [{ type: 'NoticePaid', notice: next }] } };
}
