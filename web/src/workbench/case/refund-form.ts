import { ApiError } from '../../shared/problem';
import { fenOfYuanText } from '../../shared/payments';

/** 申请退款 as typed: the amount in yuan, the reason. */
export interface RefundValues {
  amountYuan?: string;
  reason?: string;
}

export interface RefundBody {
  expectedVersion: number;
  requestId: string;
  amountFen: number;
  reason: string;
}

type FieldErrors = { name: string[]; errors: string[] }[];

/**
 * The RequestRefund body of what was typed (the amount exactly in fen through parseYuan), or the messages for its
 * fields. The service alone decides what is left to refund (REFUND_TOO_LARGE at amountFen).
 */
export function refundBody(
  values: RefundValues,
  expectedVersion: number,
  requestId: string,
): { body?: RefundBody; errors?: FieldErrors } {
  const errors: FieldErrors = [];
  const amount = fenOfYuanText(values.amountYuan, '退款金额');
  if (amount.error) errors.push({ name: ['amountYuan'], errors: [amount.error] });
  else if (amount.fen === undefined || amount.fen <= 0) {
    errors.push({ name: ['amountYuan'], errors: ['请填写大于 0 的退款金额'] });
  }
  const reason = (values.reason ?? '').trim();
  if (!reason) errors.push({ name: ['reason'], errors: ['请填写退款理由'] });
  if (errors.length > 0) return { errors };
  return { body: { expectedVersion, requestId, amountFen: amount.fen!, reason } };
}

/** The service's `amountFen` is the form's amount in yuan. */
export function atRefundFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.fromEntries(
    Object.entries(error.problem.fields).map(([path, message]) => [
      path === 'amountFen' ? 'amountYuan' : path,
      message,
    ]),
  );
  return new ApiError({ ...error.problem, fields });
}
