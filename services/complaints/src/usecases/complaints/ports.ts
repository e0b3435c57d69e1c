import type { Principal } from '@govhall/auth';
import type { StoredAttachment } from '../../domain/complaints/attachment';
import type {
  Complaint,
  ComplaintEvent,
  ComplaintKind,
  ComplaintStatus,
  ComplaintTarget,
  HandlingOffice,
  TargetKind,
} from '../../domain/complaints/complaint';

/** The complaints (collection `complaints`), each written with its events (outbox). */
export interface ComplaintRepository {
  /**
   * Inserts a new one with its events. When the tenant has one filed with the same request id already, writes
   * nothing and answers that one (a retried filing).
   */
  insert(complaint: Complaint, events: ComplaintEvent[], actor: Principal | undefined): Promise<Complaint>;
  find(id: string): Promise<Complaint | null>;
  /** The tenant's complaint filed with `requestId`, if any. */
  findByRequest(tenant: string, requestId: string): Promise<Complaint | null>;
  findByNumber(number: string): Promise<Complaint | null>;
  /** Saves the new state and its events if the stored version is still `expectedVersion` (else ConcurrencyError). */
  save(
    complaint: Complaint,
    expectedVersion: number,
    events: ComplaintEvent[],
    actor: Principal | undefined,
  ): Promise<void>;
  /** Newest first: `limit` from `offset`, and the total. */
  list(filter: ComplaintFilter, offset: number, limit: number): Promise<{ items: Complaint[]; total: number }>;
  /**
   * The tenant's complaints received from `from` to `to` (China dates, inclusive), oldest first, at most `limit`,
   * read without the complainant's name, phone and e-mail, the content and the answer's text (the statistics need
   * none of them).
   */
  inPeriod(tenant: string, from: string, to: string, limit: number): Promise<Complaint[]>;
  /** The next number of the tenant's day (1, 2, …), atomically. */
  nextSequence(tenant: string, chinaDay: string): Promise<number>;
  /** Received with acceptBy before `today`, or accepted with replyBy before it, not reported: at most `limit`. */
  dueOverdue(today: string, limit: number): Promise<Complaint[]>;
}

/** Which complaints a list reads; every field narrows ('' or empty: any). */
export interface ComplaintFilter {
  tenant: string;
  /** China dates of receipt, inclusive ('' for open). */
  from: string;
  to: string;
  statuses: ComplaintStatus[];
  kind: ComplaintKind | '';
  /** Handled by these offices (with `officeDepartment` for legal affairs); empty: any. */
  offices: { office: HandlingOffice; officeDepartment: string }[];
  /** About this department's targets (a department head's). */
  targetDepartment: string;
  /** Filed by this signed-in person. */
  complainantSubject: string;
  /** Accepted and answered (the public outcomes). */
  answeredOnly: boolean;
}

/** The complaint's target in the tenant, resolved through identity and the cases service; null when not there. */
export interface ComplaintTargets {
  resolve(tenant: string, kind: TargetKind, id: string): Promise<ComplaintTarget | null>;
}

/** C14: where a tenant's complaints go, a setting of this service. */
export interface ComplaintChannelInfo {
  tenant: string;
  unit: string;
  phone: string;
  address: string;
  procedure: string;
  version: number;
}

export interface ComplaintChannels {
  get(tenant: string): Promise<ComplaintChannelInfo | null>;
  /** Writes it if the stored version is `expectedVersion` (0: none stored yet), else ConcurrencyError. */
  put(info: ComplaintChannelInfo, expectedVersion: number): Promise<void>;
}

/** Complaints' uploaded attachments: their descriptions, their bytes (chunk store), and which complaint used them. */
export interface ComplaintAttachments {
  /** Keeps the bytes, then the description (a description never names bytes that are not there). */
  save(attachment: StoredAttachment, content: Buffer): Promise<void>;
  find(ids: readonly string[]): Promise<StoredAttachment[]>;
  /** Binds each of `ids` still unused to `complaintId`, atomically each; answers the ids it bound. */
  claim(ids: readonly string[], complaintId: string): Promise<string[]>;
  /** Frees those of `ids` bound to `complaintId` (a filing that did not happen). */
  release(ids: readonly string[], complaintId: string): Promise<void>;
  content(id: string): Promise<Buffer | null>;
}
