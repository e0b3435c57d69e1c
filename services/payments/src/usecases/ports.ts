import type { Principal } from '@govhall/auth';
import type { FeeItem } from '../domain/fee-items/fee-item';
import type { Notice, NoticeEvent, NoticeState } from '../domain/notices/notice';
import type { RefusalReason } from '../domain/bank/bank-message';
import type { Refund, RefundState } from '../domain/refunds/refund';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export interface PageQuery {
  pageSize: number;
  pageToken: string;
}
export interface Page<T> {
  items: T[];
  nextPageToken: string;
  total: number;
}

export interface FeeItemRepository {
  list(tenant: string, includeRetired: boolean): Promise<FeeItem[]>;
  byCodes(tenant: string, codes: readonly string[]): Promise<FeeItem[]>;
  /** Creates (expectedVersion 0: ConflictError FEE_CODE_TAKEN when it exists) or replaces (ConcurrencyError if stale). */
  put(item: FeeItem, expectedVersion: number, actor: Principal): Promise<FeeItem>;
}

export interface NoticeRepository {
  findById(id: string): Promise<Notice | null>;
  findByCase(tenant: string, caseId: string): Promise<Notice | null>;
  findByPaymentCode(code: string): Promise<Notice | null>;
  /** Inserts the notice (version 1) and its events; answers the stored one when the case already has a notice. */
  insert(notice: Notice, events: NoticeEvent[], actor?: Principal): Promise<{ notice: Notice; created: boolean }>;
  /** Saves a change made on `expectedVersion` (ConcurrencyError when stale; DuplicateKey on a taken payment code). */
  save(next: Notice, expectedVersion: number, events: NoticeEvent[], actor?: Principal): Promise<Notice>;
  list(tenant: string, states: readonly NoticeState[], page: PageQuery): Promise<Page<Notice>>;
  listByApplicant(subject: string, page: PageQuery): Promise<Page<Notice>>;
  /** The tenant's notices with refunds (in one of `states`, or any), the latest changed first. */
  listWithRefunds(tenant: string, states: readonly RefundState[], page: PageQuery): Promise<Page<Notice>>;
  /** The tenant's notices paid from `from` to `to` (China days), and those with refunds paid back. */
  forReport(tenant: string, from: string, to: string): Promise<Notice[]>;
  /** Notices with an approved refund the bank has not confirmed, the longest waiting first. */
  withApprovedRefunds(limit: number): Promise<Notice[]>;
}

/** 通知书编号 sequences, per tenant and year. */
export interface NoticeNumbers {
  next(tenant: string, year: number): Promise<number>;
}

/** 19 random digits for a payment code (a CSPRNG). */
export interface PaymentCodeSource {
  newBody(): string;
}

/** What payments reads of a case (GetCase with a center account of the tenant, ADR 0053). */
export interface CaseView {
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemId: string;
  itemName: string;
  /** The case is decided, approved, and its result not yet issued. */
  approved: boolean;
  applicantSubject: string;
  payerName: string;
  formData: string;
}

export interface Cases {
  /** The case as the tenant's center account reads it; null when it does not exist in that tenant. */
  get(tenant: string, caseId: string): Promise<CaseView | null>;
}

/** An item edition's fee lines as the catalogue publishes them. */
export interface ItemFeeLine {
  feeCode: string;
  name: string;
  reductions: string;
}
export interface ItemFees {
  linesOf(itemId: string): Promise<ItemFeeLine[] | null>;
}

/** The collecting body of a tenant (unified collection, P9) and how long a notice runs. */
export interface CollectionSettings {
  of(tenant: string): { body: string; code: string; deadlineDays: number };
}

/** Verifies a bank message's signature with the channel's keys; answers the payload, or throws SIGNATURE_INVALID. */
export interface BankKeys {
  verify(channel: string, jws: string): Promise<unknown>;
}

/** Nonces seen per channel: `claim` answers false when the nonce was seen before. */
export interface BankNonces {
  claim(channel: string, nonce: string, at: Date): Promise<boolean>;
}

export interface BankMessageRecord {
  channel: string;
  type: string;
  outcome: 'accepted' | 'duplicate' | 'answered' | 'refused';
  reason?: RefusalReason;
  paymentCode?: string;
  noticeId?: string;
  at: Date;
}
/** Every bank message with its verdict (never its payload). */
export interface BankLedger {
  record(entry: BankMessageRecord): Promise<void>;
}

export interface NoticeDocuments {
  notice(notice: Notice): Promise<Buffer>;
  receipt(notice: Notice): Promise<Buffer>;
}

/** What the platform tells the bank that took the money: pay this refund back (docs/bank-protocol.md). */
export interface RefundInstruction {
  refundId: string;
  paymentCode: string;
  bankTxnId: string;
  amountFen: number;
}
/** The channels' refund endpoints, reached with a message signed by the platform's key. */
export interface RefundChannel {
  /** Resolves once the bank took the instruction (it pays back, then calls back); throws otherwise. */
  instruct(channel: string, instruction: RefundInstruction): Promise<void>;
}
export type { Refund };
