import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { maskEmail, maskName, maskText } from '@govhall/identifiers';
import { textOf } from '../texts';
import type { ComplaintAttachment } from './attachment';

/*
 * 投诉和举报 (C8-C16, ADR 0062): filed, routed by kind, accepted or refused within a working day, answered and classed
 * within five working days of its acceptance, the answer rated by the complainant, the outcome of an accepted one
 * published with personal data masked. Pure: the use cases resolve the target, compute the deadlines on the tenant's
 * calendar and store what these functions return.
 */

export type ComplaintType = 'complaint' | 'report';
export type ComplaintKind = 'efficiency' | 'law_enforcement' | 'reconsideration' | 'service';
export type ComplaintChannel = 'online' | 'visit' | 'phone' | 'letter' | 'box' | 'open311';
export type TargetKind = 'department' | 'window' | 'staff' | 'case' | 'none';
export type ComplaintStatus = 'received' | 'accepted' | 'rejected' | 'replied' | 'closed';
export type ComplaintFinding = 'justified' | 'invalid' | 'mistaken';
export type ReplySatisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export type HandlingOffice = 'supervision' | 'legal_affairs' | 'coordination';

/** The channels staff enter complaints from (首问负责制: the one who received it is recorded). */
export const STAFF_CHANNELS: readonly ComplaintChannel[] = ['visit', 'phone', 'letter', 'box'];

export interface ComplaintTarget {
  kind: TargetKind;
  /** Department code, window id, staff login or case id ('' for none). */
  id: string;
  /** As people read it: the department's or window's name, the person's name, the case number. */
  name: string;
  /** The department it belongs to (its head is told); '' for none. */
  department: string;
}

export interface Complainant {
  name: string;
  phone: string;
  email: string;
  /** A signed-in complainant's Keycloak subject ('' otherwise). */
  subject: string;
}

export interface ComplaintReply {
  finding: ComplaintFinding;
  text: string;
  repliedBy: string;
  repliedAt: Date;
}

export interface Complaint {
  id: string;
  number: string;
  tenant: string;
  type: ComplaintType;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  target: ComplaintTarget;
  content: string;
  complainant: Complainant;
  /** Photos and letters filed with it (UploadComplaintAttachment first). */
  attachments: ComplaintAttachment[];
  /** 首问责任人 of a staff-entered complaint. */
  receivedBy: string;
  office: HandlingOffice;
  /** The legal-affairs department for LEGAL_AFFAIRS; '' for a tenant-wide office. */
  officeDepartment: string;
  status: ComplaintStatus;
  receivedAt: Date;
  /** China dates. */
  acceptBy: string;
  replyBy: string;
  acceptedAt?: Date;
  acceptedBy: string;
  rejectionReason: string;
  /** When it was refused (不予受理). */
  rejectedAt?: Date;
  reply?: ComplaintReply;
  satisfaction?: ReplySatisfaction;
  ratedAt?: Date;
  acceptanceOverdue: boolean;
  replyOverdue: boolean;
  /** The key the filer made once (filing again with it answers the same complaint). */
  requestId: string;
  version: number;
}

export type ComplaintEventType =
  | 'ComplaintFiled'
  | 'ComplaintAccepted'
  | 'ComplaintRejected'
  | 'ComplaintReplied'
  | 'ReplyRated'
  | 'ComplaintAcceptanceOverdue'
  | 'ComplaintReplyOverdue';

export interface ComplaintEvent {
  type: ComplaintEventType;
  complaint: Complaint;
  /** On the service's clock (the envelope's occurredAt). */
  at: Date;
}

/** What a filer sends (the target as kind and id; the use case resolves it). */
export interface FilingInput {
  type: ComplaintType | undefined;
  kind: ComplaintKind | undefined;
  channel: ComplaintChannel | undefined;
  target: { kind: TargetKind | undefined; id: string };
  content: string;
  complainant: Omit<Complainant, 'subject'>;
  attachmentIds: string[];
}

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** At most this many attachments on one complaint. */
export const MAX_ATTACHMENTS = 5;

/**
 * The filing's shape: type, kind, channel, a target id for any target but none, 10-2000 characters of content, the
 * complainant's name (up to 50), a mainland mobile and an e-mail address when given, at most five attachments. A
 * 投诉 names its complainant and a way to answer them (phone or e-mail); a 举报 may be anonymous. Answers the cleaned
 * input.
 */
export function checkFiling(input: FilingInput): FilingInput & { type: ComplaintType; kind: ComplaintKind } {
  const v: Violation[] = [];
  if (!input.type) v.push({ path: 'type', reason: 'REQUIRED', message: '请选择投诉或举报' });
  if (!input.kind) v.push({ path: 'kind', reason: 'REQUIRED', message: '请选择投诉类别' });
  if (!input.channel) v.push({ path: 'channel', reason: 'REQUIRED', message: '请选择受理渠道' });
  if (!input.target.kind) v.push({ path: 'target.kind', reason: 'REQUIRED', message: '请选择投诉对象' });
  else if (input.target.kind !== 'none' && !input.target.id.trim()) {
    v.push({ path: 'target.id', reason: 'REQUIRED', message: '请选择具体的投诉对象' });
  } else if (input.target.kind === 'none' && input.target.id) {
    v.push({ path: 'target.id', reason: 'NOT_ALLOWED', message: '未指定对象时不填写对象标识' });
  }
  const content = textOf('content', '投诉内容', input.content, 10, 2000, v);
  const c = input.complainant;
  const name = c.name ? textOf('complainant.name', '姓名', c.name, 1, 50, v) : '';
  const phone = (c.phone ?? '').trim();
  const email = (c.email ?? '').trim();
  if (phone && !MOBILE.test(phone)) {
    v.push({ path: 'complainant.phone', reason: 'PATTERN', message: '请填写11位手机号码' });
  }
  if (email && (!EMAIL.test(email) || email.length > 254)) {
    v.push({ path: 'complainant.email', reason: 'PATTERN', message: '请填写有效的电子邮箱地址' });
  }
  if (input.type === 'complaint') {
    if (!name) v.push({ path: 'complainant.name', reason: 'REQUIRED', message: '投诉须留下姓名（举报可以匿名）' });
    if (!phone && !email) {
      v.push({ path: 'complainant.phone', reason: 'REQUIRED', message: '请留下手机号码或电子邮箱，以便答复' });
    }
  }
  if (input.attachmentIds.length > MAX_ATTACHMENTS) {
    v.push({ path: 'attachmentIds', reason: 'MAX_ITEMS', message: `附件不能超过${MAX_ATTACHMENTS}个` });
  }
  if (new Set(input.attachmentIds).size !== input.attachmentIds.length) {
    v.push({ path: 'attachmentIds', reason: 'UNIQUE', message: '同一附件不能重复添加' });
  }
  if (v.length > 0) throw new ValidationError(v);
  return {
    ...input,
    type: input.type!,
    kind: input.kind!,
    target: { kind: input.target.kind, id: input.target.id.trim() },
    content,
    complainant: { name, phone, email },
  };
}

/**
 * Who handles a kind (C15, C16): efficiency and conduct the supervision office (行政效能投诉中心); how a window applied
 * the law and 行政复议 applications the legal-affairs window (法制办, `legalAffairs` the tenant's department code);
 * general service the center's coordination office.
 */
export function routeOf(
  kind: ComplaintKind,
  legalAffairs: string,
): { office: HandlingOffice; officeDepartment: string } {
  if (kind === 'law_enforcement' || kind === 'reconsideration') {
    return { office: 'legal_affairs', officeDepartment: legalAffairs };
  }
  return { office: kind === 'efficiency' ? 'supervision' : 'coordination', officeDepartment: '' };
}

/** 投诉编号: TS, the region code, the China date (YYYYMMDD) and the day's sequence (five digits). */
export function complaintNumber(tenant: string, chinaDay: string, sequence: number): string {
  return `TS${tenant}${chinaDay.replace(/-/g, '')}${String(sequence).padStart(5, '0')}`;
}

/** The complaint as filed: received, routed, due to be accepted by `acceptBy`. */
export function fileComplaint(
  input: ReturnType<typeof checkFiling>,
  ctx: {
    id: string;
    number: string;
    tenant: string;
    target: ComplaintTarget;
    subject: string;
    receivedBy: string;
    legalAffairs: string;
    acceptBy: string;
    requestId: string;
    /** The attachments `input.attachmentIds` name, checked and described. */
    attachments: ComplaintAttachment[];
    now: Date;
  },
): { complaint: Complaint; events: ComplaintEvent[] } {
  const complaint: Complaint = {
    id: ctx.id,
    number: ctx.number,
    tenant: ctx.tenant,
    type: input.type,
    kind: input.kind,
    channel: input.channel!,
    target: ctx.target,
    content: input.content,
    complainant: { ...input.complainant, subject: ctx.subject },
    attachments: ctx.attachments,
    receivedBy: ctx.receivedBy,
    ...routeOf(input.kind, ctx.legalAffairs),
    status: 'received',
    receivedAt: ctx.now,
    acceptBy: ctx.acceptBy,
    replyBy: '',
    acceptedBy: '',
    rejectionReason: '',
    acceptanceOverdue: false,
    replyOverdue: false,
    requestId: ctx.requestId,
    version: 1,
  };
  return { complaint, events: [{ type: 'ComplaintFiled', complaint, at: ctx.now }] };
}

const STATUS_NAMES: Readonly<Record<ComplaintStatus, string>> = {
  received: '待受理',
  accepted: '已受理',
  rejected: '已不予受理',
  replied: '已答复',
  closed: '已办结',
};

function requireStatus(c: Complaint, status: ComplaintStatus, act: string): void {
  if (c.status !== status) throw new PreconditionError('WRONG_STATUS', `该投诉${STATUS_NAMES[c.status]}，不能${act}`);
}

function changed(c: Complaint, type: ComplaintEventType, patch: Partial<Complaint>, at: Date) {
  const complaint: Complaint = { ...c, ...patch, version: c.version + 1 };
  return { complaint, events: [{ type, complaint, at }] as ComplaintEvent[] };
}

/** 受理: the answer is due `replyBy` (REPLY_WORKING_DAYS working days on). */
export function accept(c: Complaint, by: string, replyBy: string, now: Date) {
  requireStatus(c, 'received', '受理');
  return changed(c, 'ComplaintAccepted', { status: 'accepted', acceptedAt: now, acceptedBy: by, replyBy }, now);
}

/** 不予受理, with the reason the complainant is told. */
export function reject(c: Complaint, reason: string, by: string, now: Date) {
  const v: Violation[] = [];
  const text = textOf('reason', '不予受理的理由', reason, 2, 500, v);
  if (v.length > 0) throw new ValidationError(v);
  requireStatus(c, 'received', '不予受理');
  return changed(
    c,
    'ComplaintRejected',
    { status: 'rejected', rejectionReason: text, acceptedBy: by, rejectedAt: now },
    now,
  );
}

/** The answer, classed 合理 / 无效 / 错误 (C13). */
export function reply(
  c: Complaint,
  input: { finding: ComplaintFinding | undefined; text: string },
  by: string,
  now: Date,
) {
  const v: Violation[] = [];
  if (!input.finding) v.push({ path: 'finding', reason: 'REQUIRED', message: '请选择投诉认定（合理、无效或错误）' });
  const label = input.finding === 'mistaken' ? '投诉错误的理由' : '答复内容';
  const text = textOf('text', label, input.text, 2, 2000, v);
  if (v.length > 0) throw new ValidationError(v);
  requireStatus(c, 'accepted', '答复');
  const answer: ComplaintReply = { finding: input.finding!, text, repliedBy: by, repliedAt: now };
  return changed(c, 'ComplaintReplied', { status: 'replied', reply: answer }, now);
}

/** The complainant's vote on the answer (C10), once; it closes the complaint. */
export function rateReply(c: Complaint, satisfaction: ReplySatisfaction | undefined, now: Date) {
  if (!satisfaction) {
    throw new ValidationError([{ path: 'satisfaction', reason: 'REQUIRED', message: '请选择对答复的满意程度' }]);
  }
  requireStatus(c, 'replied', '评价答复');
  return changed(c, 'ReplyRated', { status: 'closed', satisfaction, ratedAt: now }, now);
}

/** Past its acceptance day (China date `today` after it) and still received: reported once. */
export function markAcceptanceOverdue(c: Complaint, today: string, now: Date) {
  if (c.status !== 'received' || c.acceptanceOverdue || today <= c.acceptBy) return null;
  return changed(c, 'ComplaintAcceptanceOverdue', { acceptanceOverdue: true }, now);
}

/** Past its answer day and still accepted (not answered): reported once. */
export function markReplyOverdue(c: Complaint, today: string, now: Date) {
  if (c.status !== 'accepted' || c.replyOverdue || !c.replyBy || today <= c.replyBy) return null;
  return changed(c, 'ComplaintReplyOverdue', { replyOverdue: true }, now);
}

const EMAIL_IN_TEXT = /[^\s@，。；、（）()<>]+@[^\s@，。；、（）()<>]+\.[A-Za-z]{2,}/g;

/** Free text as the public and the event stream may carry it: ID numbers, mobile numbers and e-mail addresses masked. */
export function maskedText(text: string): string {
  return maskText(text).replace(EMAIL_IN_TEXT, (m) => maskEmail(m));
}

/** The complaint as its events carry it (ADR 0062): no name, phone or e-mail of the complainant; the content masked. */
export function forEvents(c: Complaint): Complaint {
  return {
    ...c,
    content: maskedText(c.content),
    complainant: { name: '', phone: '', email: '', subject: '' },
    attachments: [],
  };
}

/** An accepted and answered complaint's outcome as the public reads it (C12); undefined for any other. */
export interface PublishedOutcome {
  number: string;
  tenant: string;
  type: ComplaintType;
  kind: ComplaintKind;
  targetKind: TargetKind;
  /** A person only by their position (工作人员), a case only as 办件: the public reads no name or case number. */
  targetName: string;
  content: string;
  finding: ComplaintFinding;
  reply: string;
  receivedAt: Date;
  repliedAt: Date;
}

/** `text` masked, and the people's names in `names` (the complainant, a member of staff complained of) masked too. */
export function publicText(text: string, names: string[]): string {
  let out = maskedText(text);
  for (const name of names.filter((n) => [...n].length >= 2)) out = out.split(name).join(maskName(name));
  return out;
}

/** The names masked in what the public reads of `c`: its complainant's, and a member of staff's complained of. */
export const publicNames = (c: Complaint): string[] => [
  c.complainant.name,
  ...(c.target.kind === 'staff' ? [c.target.name] : []),
];

export function publishedOutcome(c: Complaint): PublishedOutcome | undefined {
  if (!c.reply || !c.acceptedAt) return undefined;
  const names = publicNames(c);
  return {
    number: c.number,
    tenant: c.tenant,
    type: c.type,
    kind: c.kind,
    targetKind: c.target.kind,
    targetName: c.target.kind === 'staff' ? '工作人员' : c.target.kind === 'case' ? '办件' : c.target.name,
    content: publicText(c.content, names),
    finding: c.reply.finding,
    reply: publicText(c.reply.text, names),
    receivedAt: c.receivedAt,
    repliedAt: c.reply.repliedAt,
  };
}
