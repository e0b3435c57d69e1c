/** The messages of the bank protocol (docs/bank-protocol.md) as the stand-in builds them, before signing. */

/** `PAYMENT_CODE_QUERY`: what is this payment code (缴款码) for? */
export interface PaymentCodeQueryPayload {
  type: 'PAYMENT_CODE_QUERY';
  paymentCode: string;
}

/** One payment the bank took: the body of a `PAYMENT` callback (without `type`, `iat` and `nonce`). */
export interface PaymentTransaction {
  paymentCode: string;
  /** The whole amount of the notice, in fen (a safe integer). */
  amountFen: number;
  /** 1-64 characters of A-Za-z0-9-, unique within the channel; the same on every retry. */
  bankTxnId: string;
  /** RFC 3339. */
  paidAt: string;
  /** 财政电子票据 code: 8 digits. */
  receiptCode: string;
  /** 财政电子票据 number: 10 digits. */
  receiptNumber: string;
}

/** A refund the bank paid back as GovHall instructed: the body of a `REFUND` callback. */
export interface RefundTransaction {
  paymentCode: string;
  /** GovHall's refund id, from the instruction. */
  refundId: string;
  amountFen: number;
  /** The bank's refund transaction: 1-64 characters of A-Za-z0-9-. */
  refundTxnId: string;
  /** RFC 3339. */
  refundedAt: string;
}

export interface PaymentPayload extends PaymentTransaction {
  type: 'PAYMENT';
}

/** Any payload the stand-in signs; `type` is required, `iat` and `nonce` are added when signing. */
export type BankPayload = PaymentCodeQueryPayload | PaymentPayload | ({ type: string } & Record<string, unknown>);

/** GovHall's answer to PAYMENT_CODE_QUERY. */
export interface NoticeInfo {
  paymentCode: string;
  noticeNumber: string;
  /** Masked by GovHall (张*三). */
  payerName: string;
  collectingBody: string;
  totalFen: number;
  totalCapitals: string;
  /** yyyy-mm-dd. */
  deadline: string;
  payable: boolean;
  /** The money by owner: one line per collecting unit and revenue code (absent from an older GovHall: []). */
  lines: RevenueLine[];
}

/** One owner's share of a notice (三不变), as the bank books it and lists it on its statement. */
export interface RevenueLine {
  collectingUnitCode: string;
  revenueCode: string;
  amountFen: number;
}

/** RFC 9457 problem details as GovHall's gateway answers them (Chinese `detail`, stable `code`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { path?: string; message?: string; reason?: string }[];
}

/** GovHall refused the message (a 4xx or 5xx with its problem, or a body that was not one). */
export interface Refused {
  kind: 'refused';
  status: number;
  problem: Problem;
}

/** No HTTP answer (connection refused, timeout) or an answer the stand-in could not read. */
export interface Unreachable {
  kind: 'unreachable';
  error: string;
}

export type QueryOutcome = { kind: 'notice'; notice: NoticeInfo } | Refused | Unreachable;

export type CallbackOutcome = (
  | { kind: 'confirmed'; outcome: 'ACCEPTED' | 'DUPLICATE'; noticeNumber: string }
  /** A definite refusal: the stand-in does not retry it. */
  | Refused
  /** Every attempt failed with a retryable answer; `last` is the last of them. */
  | { kind: 'gave-up'; last: Refused | Unreachable }
) & { attempts: number };
