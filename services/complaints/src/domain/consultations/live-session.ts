import { ConflictError, PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { textOf } from '../texts';

/* 在线咨询 (C18, U15, ADR 0069): a live exchange between an applicant and the staff of an item's department, now or
 * at a booked time. Pure rules, no I/O. */

export type LiveSessionStatus = 'waiting' | 'active' | 'closed';
export type LiveSpeaker = 'asker' | 'staff';
export type LiveClosedBy = 'asker' | 'staff' | '';

export interface LiveMessage {
  /** 1, 2, … in the session: a watcher asks for those after the last it has. */
  seq: number;
  from: LiveSpeaker;
  /** The member of staff's name; '' for the asker. */
  authorName: string;
  text: string;
  at: Date;
}

export interface LiveSession {
  id: string;
  number: string;
  tenant: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  /** The item's department: its staff take the session up. */
  department: string;
  asker: { subject: string };
  /** A booked session's time; undefined: now. */
  bookedFor?: Date;
  status: LiveSessionStatus;
  /** Who took it up. */
  staff?: { username: string; name: string };
  messages: LiveMessage[];
  openedAt: Date;
  acceptedAt?: Date;
  closedAt?: Date;
  closedBy: LiveClosedBy;
  requestId: string;
  version: number;
}

/** A message's length, and how many a session holds: a live talk, not a letter (that is a consultation). */
export const MESSAGE_MAX = 500;
export const MESSAGES_MAX = 200;
/** A booking: at least this far ahead, at most this many days, on the hour or half hour, in the hall's hours. */
export const BOOKING_LEAD_MS = 30 * 60_000;
export const BOOKING_DAYS_MAX = 14;
/** The hall's hours for live sessions, China time (half-open: the last booking starts at 16:30). */
export const HOURS = { from: 9 * 60, to: 17 * 60 } as const;
/** A booked session reaches the queue this long before its time. */
export const BOOKED_QUEUE_LEAD_MS = 10 * 60_000;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Minutes after midnight, China time. */
export const chinaMinutes = (at: Date) => Math.floor(((at.getTime() + CHINA_OFFSET_MS) % 86_400_000) / 60_000);

export interface OpeningInput {
  itemId: string;
  question: string;
  bookedFor: Date | undefined;
}

/**
 * An opening's shape: an item, a first message of 2-500 characters, and a booked time if any: 30 minutes to 14
 * days ahead, on the hour or half hour, between 09:00 and 16:30 China time. Whether the day is a working day is the
 * use case's (the calendar).
 */
export function checkOpening(input: OpeningInput, now: Date): { itemId: string; question: string; bookedFor?: Date } {
  const v: Violation[] = [];
  const itemId = (input.itemId ?? '').trim();
  if (!itemId) v.push({ path: 'itemId', reason: 'REQUIRED', message: '请选择所咨询的事项' });
  const question = textOf('question', '咨询内容', input.question, 2, MESSAGE_MAX, v);
  const at = input.bookedFor;
  if (at) {
    const ahead = at.getTime() - now.getTime();
    const minutes = chinaMinutes(at);
    if (Number.isNaN(at.getTime()) || ahead < BOOKING_LEAD_MS) {
      v.push({ path: 'bookedFor', reason: 'TOO_SOON', message: '预约时间至少应在30分钟之后' });
    } else if (ahead > BOOKING_DAYS_MAX * 86_400_000) {
      v.push({ path: 'bookedFor', reason: 'TOO_LATE', message: `只能预约${BOOKING_DAYS_MAX}天以内的时间` });
    } else if (at.getTime() % 1_800_000 !== 0) {
      v.push({ path: 'bookedFor', reason: 'NOT_ALIGNED', message: '预约时间应为整点或半点' });
    } else if (minutes < HOURS.from || minutes >= HOURS.to) {
      v.push({ path: 'bookedFor', reason: 'OUT_OF_HOURS', message: '预约时间应在9:00至16:30之间' });
    }
  }
  if (v.length > 0) throw new ValidationError(v);
  return { itemId, question, ...(at ? { bookedFor: at } : {}) };
}

/** HH<region><YYYYMMDD><5-digit sequence of the tenant's day>. */
export function liveSessionNumber(tenant: string, chinaDay: string, sequence: number): string {
  return `HH${tenant}${chinaDay.replaceAll('-', '')}${String(sequence).padStart(5, '0')}`;
}

/** A session opened by its asker, waiting for staff, the question its first message. */
export function openLiveSession(
  input: { question: string; bookedFor?: Date },
  ctx: {
    id: string;
    number: string;
    tenant: string;
    item: { id: string; code: string; name: string; department: string };
    askerSubject: string;
    requestId: string;
    now: Date;
  },
): LiveSession {
  return {
    id: ctx.id,
    number: ctx.number,
    tenant: ctx.tenant,
    itemId: ctx.item.id,
    itemCode: ctx.item.code,
    itemName: ctx.item.name,
    department: ctx.item.department,
    asker: { subject: ctx.askerSubject },
    ...(input.bookedFor ? { bookedFor: input.bookedFor } : {}),
    status: 'waiting',
    messages: [{ seq: 1, from: 'asker', authorName: '', text: input.question, at: ctx.now }],
    openedAt: ctx.now,
    closedBy: '',
    requestId: ctx.requestId,
    version: 1,
  };
}

/** Whether a waiting session is in the queue at `now`: at once, or a booked one from 10 minutes before its time. */
export const isDue = (s: LiveSession, now: Date) =>
  !s.bookedFor || s.bookedFor.getTime() - BOOKED_QUEUE_LEAD_MS <= now.getTime();

function requireNotClosed(s: LiveSession): void {
  if (s.status === 'closed') throw new PreconditionError('SESSION_CLOSED', '该在线咨询已结束');
}

/** A member of staff takes a waiting, due session up; nobody else may then. */
export function acceptLiveSession(s: LiveSession, staff: { username: string; name: string }, now: Date): LiveSession {
  requireNotClosed(s);
  if (s.status === 'active') {
    if (s.staff?.username === staff.username) return s;
    throw new ConflictError('SESSION_TAKEN', `该在线咨询已由${s.staff?.name || '其他工作人员'}接待`);
  }
  if (!isDue(s, now)) throw new PreconditionError('NOT_YET_DUE', '预约时间未到，开始前10分钟可以接待');
  return { ...s, status: 'active', staff, acceptedAt: now, version: s.version + 1 };
}

/** A message from the asker (also while waiting) or from the staff who took the session up. */
export function postLiveMessage(
  s: LiveSession,
  from: LiveSpeaker,
  text: string,
  authorName: string,
  now: Date,
): LiveSession {
  requireNotClosed(s);
  const v: Violation[] = [];
  const checked = textOf('text', '消息内容', text, 1, MESSAGE_MAX, v);
  if (v.length > 0) throw new ValidationError(v);
  if (from === 'staff' && s.status !== 'active') {
    throw new PreconditionError('NOT_ACCEPTED', '请先接待该在线咨询');
  }
  if (s.messages.length >= MESSAGES_MAX) {
    throw new PreconditionError('TOO_MANY_MESSAGES', `一次在线咨询最多${MESSAGES_MAX}条消息，请结束后重新发起`);
  }
  const last = s.messages.at(-1)?.seq ?? 0;
  const message: LiveMessage = { seq: last + 1, from, authorName, text: checked, at: now };
  return { ...s, messages: [...s.messages, message], version: s.version + 1 };
}

/** The asker or the staff end the session; ending it again changes nothing. */
export function closeLiveSession(s: LiveSession, by: Exclude<LiveClosedBy, ''>, now: Date): LiveSession {
  if (s.status === 'closed') return s;
  return { ...s, status: 'closed', closedAt: now, closedBy: by, version: s.version + 1 };
}

/** The console's order: due waiting ones (longest waiting first), active ones, booked ones by their time. */
export function queueOrder(sessions: readonly LiveSession[], now: Date): LiveSession[] {
  const rank = (s: LiveSession) => (s.status === 'active' ? 1 : isDue(s, now) ? 0 : 2);
  const time = (s: LiveSession) => (s.status === 'active' ? s.acceptedAt! : (s.bookedFor ?? s.openedAt)).getTime();
  return [...sessions].sort((a, b) => rank(a) - rank(b) || time(a) - time(b) || a.number.localeCompare(b.number));
}
