import {
  publicNames,
  publicText,
  type Complaint,
  type ComplaintFinding,
  type ComplaintKind,
  type ComplaintStatus,
  type ComplaintType,
  type HandlingOffice,
} from './complaint';

/**
 * Where a complaint stands as anyone may read it (Open311's service request, ADR 0067): nothing of the complainant;
 * the content and the answer only once it is answered (as the published outcome, C12), masked; a refusal's reason
 * masked.
 */
export interface RequestStatus {
  number: string;
  tenant: string;
  type: ComplaintType;
  kind: ComplaintKind;
  status: ComplaintStatus;
  office: HandlingOffice;
  finding?: ComplaintFinding;
  content: string;
  reply: string;
  rejectionReason: string;
  receivedAt: Date;
  updatedAt: Date;
  /** The China date by which it is to be accepted or answered; '' once it is neither. */
  expectedBy: string;
}

/** Open311's two states: open while it waits for acceptance or an answer, closed after. */
export type RequestState = 'open' | 'closed';

export const STATUSES_OF_STATE: Readonly<Record<RequestState, readonly ComplaintStatus[]>> = {
  open: ['received', 'accepted'],
  closed: ['rejected', 'replied', 'closed'],
};

export function requestStatusOf(c: Complaint): RequestStatus {
  const names = publicNames(c);
  const answered = c.reply && c.acceptedAt ? c.reply : undefined;
  const changes = [c.receivedAt, c.acceptedAt, c.rejectedAt, c.reply?.repliedAt, c.ratedAt].filter(
    (d): d is Date => d !== undefined,
  );
  return {
    number: c.number,
    tenant: c.tenant,
    type: c.type,
    kind: c.kind,
    status: c.status,
    office: c.office,
    ...(answered ? { finding: answered.finding } : {}),
    content: answered ? publicText(c.content, names) : '',
    reply: answered ? publicText(answered.text, names) : '',
    rejectionReason: c.status === 'rejected' ? publicText(c.rejectionReason, names) : '',
    receivedAt: c.receivedAt,
    updatedAt: new Date(Math.max(...changes.map((d) => d.getTime()))),
    expectedBy: c.status === 'received' ? c.acceptBy : c.status === 'accepted' ? c.replyBy : '',
  };
}
