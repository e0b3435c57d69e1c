import { enumCodec, enumSpelling, paymentsV1 } from '@govhall/proto';

/* The payments enums as the REST API spells them (lower case, no prefix). */

export type NoticeStateName = 'assessing' | 'issued' | 'slip_registered' | 'paid' | 'waived' | 'cancelled';
export type FeeCategoryName = 'administrative' | 'institutional' | 'tax' | 'other';
export type ReductionKindName = 'reduce' | 'exempt';

export const noticeState = enumCodec<NoticeStateName, paymentsV1.NoticeState>(
  enumSpelling(paymentsV1.NoticeState, 'NOTICE_STATE_'),
);
export const feeCategory = enumCodec<FeeCategoryName, paymentsV1.FeeCategory>(
  enumSpelling(paymentsV1.FeeCategory, 'FEE_CATEGORY_'),
);
export const reductionKind = enumCodec<ReductionKindName, paymentsV1.Reduction_Kind>(
  enumSpelling(paymentsV1.Reduction_Kind, 'KIND_'),
);
export const paymentSource = enumCodec<'bank_callback' | 'reconciliation', paymentsV1.PaymentSource>(
  enumSpelling(paymentsV1.PaymentSource, 'PAYMENT_SOURCE_'),
);
export type RefundStateName = 'requested' | 'approved' | 'rejected' | 'refunded';
export const refundState = enumCodec<RefundStateName, paymentsV1.RefundState>(
  enumSpelling(paymentsV1.RefundState, 'REFUND_STATE_'),
);

export type MismatchKindName =
  | 'amount'
  | 'unknown_payment_code'
  | 'paid_not_confirmed'
  | 'confirmed_not_on_statement'
  | 'fee_outside_center'
  | 'slip_unconfirmed';
export const mismatchKind = enumCodec<MismatchKindName, paymentsV1.MismatchKind>(
  enumSpelling(paymentsV1.MismatchKind, 'MISMATCH_KIND_'),
);
export const mismatchState = enumCodec<'open' | 'resolved', paymentsV1.MismatchState>(
  enumSpelling(paymentsV1.MismatchState, 'MISMATCH_STATE_'),
);
