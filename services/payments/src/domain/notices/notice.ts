import type { FeeCategory } from '../fee-items/fee-item';
import type { Refund } from '../refunds/refund-record';

/** A notice's life (收缴分离): only the bank's verified callback or the reconciliation makes it paid. */
export type NoticeState = 'assessing' | 'issued' | 'slip_registered' | 'paid' | 'waived' | 'cancelled';

/** 减收 (amount off the line) or 免收 (the whole line), with its legal basis. */
export interface Reduction {
  kind: 'reduce' | 'exempt';
  amountFen: number;
  legalBasis: string;
}

/** One assessed line, copied from the register when assessed. */
export interface NoticeLine {
  feeCode: string;
  name: string;
  category: FeeCategory;
  department: string;
  collectingUnitCode: string;
  revenueCode: string;
  legalBasis: string;
  quantity: number;
  standardFen: number;
  unit: string;
  formula: string;
  grossFen: number;
  reductions: Reduction[];
  amountFen: number;
}

export interface AssessmentPart {
  department: string;
  assessedBy?: string;
  assessedAt?: Date;
  /** The AssessFees request that assessed it: a retry answers the notice as it is. */
  requestId?: string;
}

export interface Slip {
  slipNumber: string;
  registeredBy: string;
  registeredAt: Date;
}

export interface Payment {
  source: 'bank_callback' | 'reconciliation';
  channel: string;
  bankTxnId: string;
  paidAt: Date;
  receiptCode: string;
  receiptNumber: string;
  confirmedAt: Date;
}

/** 缴款通知书 of one case: every owning department's lines, one payment (一门式收费, P8). */
export interface Notice {
  id: string;
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  /** The applicant account's Keycloak subject (ListMyNotices), never shown. */
  applicantSubject: string;
  state: NoticeState;
  number?: string;
  paymentCode?: string;
  payerName: string;
  collectingBody: string;
  collectingBodyCode: string;
  lines: NoticeLine[];
  parts: AssessmentPart[];
  totalFen: number;
  totalCapitals?: string;
  /** yyyy-mm-dd, the last day to pay. */
  deadline?: string;
  issuedAt?: Date;
  slip?: Slip;
  payment?: Payment;
  /** Staff attempts to mark it paid, refused (StaffMarkPaidRefused carries the count). */
  markPaidAttempts: number;
  /** Refunds of the paid notice, oldest first. */
  refunds: Refund[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NoticeEvent =
  | { type: 'NoticeAssessed'; notice: Notice; department: string }
  | { type: 'NoticeIssued'; notice: Notice }
  | { type: 'NoticeWaived'; notice: Notice }
  | { type: 'SlipRegistered'; notice: Notice }
  | { type: 'NoticePaid'; notice: Notice }
  | { type: 'NoticeCancelled'; notice: Notice }
  | { type: 'RefundRequested' | 'RefundApproved' | 'RefundRejected' | 'RefundPaid'; notice: Notice; refundId: string }
  | {
      type: 'StaffMarkPaidRefused';
      notice: Notice;
      actor: string;
      roles: string[];
      department: string;
      attempt: number;
      reason: string;
    };

export interface NoticeChange {
  notice: Notice;
  events: NoticeEvent[];
}

/** States in which the bank may take the money. */
export const PAYABLE: readonly NoticeState[] = ['issued', 'slip_registered'];
