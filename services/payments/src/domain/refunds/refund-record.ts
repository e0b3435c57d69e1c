/** 待审核 → 已批准，退款中 → 已退款; or 未批准. */
export type RefundState = 'requested' | 'approved' | 'rejected' | 'refunded';

/** 退款: part or all of a paid notice paid back to the payer, through the channel that took the money. */
export interface Refund {
  id: string;
  amountFen: number;
  reason: string;
  state: RefundState;
  requestedBy: string;
  requestedAt: Date;
  /** The RequestRefund request that created it: a retry answers the notice as it is. */
  requestId: string;
  decidedBy?: string;
  decidedAt?: Date;
  rejectReason?: string;
  bankRefundTxnId?: string;
  refundedAt?: Date;
  /** When the instruction was last sent to the bank. */
  instructedAt?: Date;
}

/** The bank's REFUND callback, as verified. */
export interface RefundConfirmation {
  refundId: string;
  amountFen: number;
  refundTxnId: string;
  refundedAt: Date;
}
