import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import type { RectificationOutcomeCode } from '@govhall/labels';
import type { Rating, RatingChannel, RatingLevel, RatingSubject } from '../ratings/rating';
import { textOf } from '../texts';

/** 整改中 → (申诉中 →) 已办结; an appeal not upheld goes back to 整改中. */
export type RectificationStatus = 'open' | 'appealed' | 'closed';

/** 立行立改 / 限期整改 / 解释说明 close it; the two appeals go to the supervision office. */
export type RectificationOutcome = RectificationOutcomeCode;

export const isAppeal = (o: RectificationOutcome): boolean => o === 'appeal_mistaken' || o === 'appeal_malicious';

/** One call to the rater (回访). */
export interface CallBack {
  at: Date;
  by: string;
  reached: boolean;
  notes: string;
}

export interface AppealDecision {
  upheld: boolean;
  notes: string;
  decidedBy: string;
  decidedAt: Date;
}

/** A bad rating's rectification (差评整改). Its id is the rating's: one per bad rating. */
export interface Rectification {
  id: string;
  tenant: string;
  ratingId: string;
  subject: RatingSubject;
  caseId: string;
  caseNumber: string;
  visitId: string;
  itemName: string;
  department: string;
  windowId: string;
  level: RatingLevel;
  reason: string;
  channel: RatingChannel;
  realName: boolean;
  raterName: string;
  ratedAt: Date;
  status: RectificationStatus;
  /** The handler's login; '' while the department head handles it. */
  handler: string;
  handlerName: string;
  /** China date: the last day. */
  deadline: string;
  callBacks: CallBack[];
  outcome?: RectificationOutcome;
  outcomeText: string;
  /** fix_by_date: the promised day (China date). */
  fixBy: string;
  concludedAt?: Date;
  appealDecision?: AppealDecision;
  /** Set on closing when the rater is someone the service can tell (a real-name rating of a case). */
  raterToldAt?: Date;
  /** Supervision was told it is past its deadline (once). */
  overdue: boolean;
  version: number;
  openedAt: Date;
  closedAt?: Date;
}

export type RectificationEventType =
  | 'RectificationOpened'
  | 'RectificationAssigned'
  | 'CallBackRecorded'
  | 'RectificationConcluded'
  | 'AppealDecided'
  | 'RectificationOverdue';

export interface RectificationEvent {
  type: RectificationEventType;
  rectification: Rectification;
  /** When it happened, on the service's clock (the envelope's occurredAt). */
  at: Date;
}

/** A member of staff: their login and display name. */
export interface StaffMember {
  username: string;
  name: string;
}

/** The rectification a bad rating opens, due `deadline` (RECTIFICATION_WORKING_DAYS working days on). */
export function openRectification(
  rating: Rating,
  deadline: string,
  now: Date,
): { rectification: Rectification; events: RectificationEvent[] } {
  const rectification: Rectification = {
    id: rating.id,
    tenant: rating.tenant,
    ratingId: rating.id,
    subject: rating.subject,
    caseId: rating.caseId,
    caseNumber: rating.caseNumber,
    visitId: rating.visitId,
    itemName: rating.itemName,
    department: rating.department,
    windowId: rating.windowId,
    level: rating.level,
    reason: rating.reason,
    channel: rating.channel,
    realName: rating.realName,
    raterName: rating.raterName,
    ratedAt: rating.ratedAt,
    status: 'open',
    handler: '',
    handlerName: '',
    deadline,
    callBacks: [],
    outcomeText: '',
    fixBy: '',
    overdue: false,
    version: 1,
    openedAt: now,
  };
  return { rectification, events: [{ type: 'RectificationOpened', rectification, at: now }] };
}

const STATUS_NAMES: Readonly<Record<RectificationStatus, string>> = {
  open: '整改中',
  appealed: '申诉中',
  closed: '已办结',
};

function requireStatus(r: Rectification, status: RectificationStatus, act: string): void {
  if (r.status !== status) {
    throw new PreconditionError('WRONG_STATUS', `该差评整改${STATUS_NAMES[r.status]}，不能${act}`);
  }
}

function changed(
  r: Rectification,
  type: RectificationEventType,
  patch: Partial<Rectification>,
  at: Date,
): { rectification: Rectification; events: RectificationEvent[] } {
  const rectification: Rectification = { ...r, ...patch, version: r.version + 1 };
  return { rectification, events: [{ type, rectification, at }] };
}

/** The department head names the handler (a member of staff of the department: the use case asked identity). */
export function assign(r: Rectification, handler: StaffMember, now: Date) {
  requireStatus(r, 'open', '指派处理人');
  return changed(r, 'RectificationAssigned', { handler: handler.username, handlerName: handler.name }, now);
}

/** A call to the rater, reached or not. */
export function recordCallBack(r: Rectification, input: { reached: boolean; notes: string }, by: string, now: Date) {
  const v: Violation[] = [];
  const notes = textOf('notes', '回访情况', input.notes, 2, 500, v);
  if (v.length > 0) throw new ValidationError(v);
  requireStatus(r, 'open', '记录回访');
  const call: CallBack = { at: now, by, reached: input.reached, notes };
  return changed(r, 'CallBackRecorded', { callBacks: [...r.callBacks, call] }, now);
}

/** What the handler concludes with. */
export interface ConclusionInput {
  outcome: RectificationOutcome | undefined;
  text: string;
  fixBy: string;
}

/**
 * The handler's outcome. Fixed, fix-by-a-date and explained close the rectification (the rater is told, when the
 * service knows who they are); an appeal goes to the supervision office. A real-name rating needs a call-back in
 * which the rater was reached first (100% 回访). A promised day is a real date, not before today.
 */
export function conclude(r: Rectification, input: ConclusionInput, today: string, now: Date) {
  const v: Violation[] = [];
  if (!input.outcome) v.push({ path: 'outcome', reason: 'REQUIRED', message: '请选择整改结果' });
  const text = textOf(
    'text',
    input.outcome && isAppeal(input.outcome) ? '申诉理由和证据' : '整改情况',
    input.text,
    2,
    1000,
    v,
  );
  let fixBy = '';
  if (input.outcome === 'fix_by_date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.fixBy ?? '') || Number.isNaN(Date.parse(`${input.fixBy}T00:00:00Z`))) {
      v.push({ path: 'fixBy', reason: 'INVALID', message: '请填写整改完成日期（年-月-日）' });
    } else if (input.fixBy < today) {
      v.push({ path: 'fixBy', reason: 'DATE_IN_PAST', message: '整改完成日期不能早于今天' });
    } else {
      fixBy = input.fixBy;
    }
  } else if (input.fixBy) {
    v.push({ path: 'fixBy', reason: 'NOT_ALLOWED', message: '只有“限期整改”需要填写整改完成日期' });
  }
  if (v.length > 0) throw new ValidationError(v);
  requireStatus(r, 'open', '办结');
  if (r.realName && !r.callBacks.some((c) => c.reached)) {
    throw new PreconditionError('CALL_BACK_REQUIRED', '实名差评须先回访到评价人，才能办结整改');
  }
  const outcome = input.outcome!;
  const base = { outcome, outcomeText: text, fixBy, concludedAt: now };
  if (isAppeal(outcome)) {
    return changed(r, 'RectificationConcluded', { ...base, status: 'appealed', appealDecision: undefined }, now);
  }
  return changed(r, 'RectificationConcluded', { ...base, ...closing(r, now) }, now);
}

/** Closing: when, and whether the rater is told (a real-name rating of a case: the applicant). */
function closing(r: Rectification, now: Date): Partial<Rectification> {
  return { status: 'closed', closedAt: now, ...(raterKnown(r) ? { raterToldAt: now } : {}) };
}

/**
 * Whether the rater is told: a real-name rating of a case (online or by telephone follow-up), whose applicant reads
 * the outcome with the case's rating. A visit's rating on the device is the visit's, not the case's: nobody to tell.
 */
export const raterKnown = (r: Pick<Rectification, 'realName' | 'subject'>): boolean =>
  r.realName && r.subject === 'case';

/** The supervision office's decision on an appeal: upheld closes it; not upheld sends it back to the handler. */
export function decideAppeal(r: Rectification, input: { upheld: boolean; notes: string }, by: string, now: Date) {
  const v: Violation[] = [];
  const notes = textOf('notes', '审核意见', input.notes, 2, 500, v);
  if (v.length > 0) throw new ValidationError(v);
  requireStatus(r, 'appealed', '审核申诉');
  const appealDecision: AppealDecision = { upheld: input.upheld, notes, decidedBy: by, decidedAt: now };
  if (input.upheld) return changed(r, 'AppealDecided', { appealDecision, ...closing(r, now) }, now);
  return changed(
    r,
    'AppealDecided',
    { appealDecision, status: 'open', outcome: undefined, outcomeText: '', fixBy: '', concludedAt: undefined },
    now,
  );
}

/** Past its deadline (China date `today` after it) and not closed, not reported before: reported now. */
export function markOverdue(r: Rectification, today: string, now: Date) {
  if (r.status === 'closed' || r.overdue || today <= r.deadline) return null;
  return changed(r, 'RectificationOverdue', { overdue: true }, now);
}

/** What the rater reads on their case: the state, and once closed the outcome they were told. */
export interface RectificationReply {
  status: RectificationStatus;
  outcome?: RectificationOutcome;
  text: string;
  fixBy: string;
  closedAt?: Date;
}

/**
 * The rater's view: while open or appealed only that it is being handled; once closed the outcome and its text.
 * An upheld appeal tells the rater that the rating was found mistaken or malicious, with the office's reasons.
 */
export function replyToRater(r: Rectification): RectificationReply {
  if (r.status !== 'closed') return { status: r.status === 'appealed' ? 'open' : r.status, text: '', fixBy: '' };
  const text = r.appealDecision?.upheld ? r.appealDecision.notes : r.outcomeText;
  return { status: 'closed', outcome: r.outcome, text, fixBy: r.fixBy, closedAt: r.closedAt };
}
