import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { validateOpinion, type Attachment, type OpinionInput, type OpinionKind } from '../tasks/task';

/** Joint meetings (会议联审 and 联席会议, J10; meeting.proto). */
export type MeetingKind = 'case_review' | 'standing';
export type MeetingState = 'scheduled' | 'held' | 'concluded' | 'cancelled';
export type MeetingResolution = 'agreed' | 'agreed_with_conditions' | 'denied' | 'deferred';

export interface AgendaItem {
  /** "1", "2" … in order, given by the service. */
  id: string;
  title: string;
  /** The joint review discussed (case review meetings); '' for a standing meeting's item. */
  reviewId: string;
  caseNumber: string;
  note: string;
}

export interface MeetingParticipant {
  department: string;
  attendees: string[];
  attended: boolean;
}

export interface MeetingPosition {
  agendaItemId: string;
  department: string;
  kind: OpinionKind;
  text: string;
  reasons: string[];
  conditions: string[];
  recordedBy: string;
  recordedAt: Date;
}

export interface MeetingOutcome {
  agendaItemId: string;
  resolution: MeetingResolution;
  text: string;
  conditions: string[];
}

export interface Meeting {
  id: string;
  tenant: string;
  kind: MeetingKind;
  state: MeetingState;
  subject: string;
  scheduledAt: Date;
  location: string;
  convenedBy: string;
  agenda: AgendaItem[];
  participants: MeetingParticipant[];
  minutes: string;
  minutesAttachments: Attachment[];
  positions: MeetingPosition[];
  outcomes: MeetingOutcome[];
  projectId: string;
  note: string;
  /** The convening request's idempotency key, and what it asked for (a repeat must ask the same). */
  requestId: string;
  requestFingerprint: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type MeetingEvent =
  | { type: 'MeetingConvened'; meeting: Meeting }
  | { type: 'MeetingRescheduled'; meeting: Meeting }
  | { type: 'MeetingCancelled'; meeting: Meeting }
  | { type: 'MeetingMinutesRecorded'; meeting: Meeting }
  | { type: 'MeetingPositionRecorded'; meeting: Meeting; position: MeetingPosition }
  | { type: 'MeetingOutcomeRecorded'; meeting: Meeting };

export interface MeetingChange {
  meeting: Meeting;
  events: MeetingEvent[];
}

export const MAX_AGENDA_ITEMS = 30;
const MAX_SUBJECT = 200;
const MAX_LOCATION = 200;
const MAX_NOTE = 2000;
const MAX_REASON = 500;
const MAX_MINUTES = 20_000;
const MAX_ATTENDEES = 50;
const MAX_NAME = 50;
const MAX_PROJECT_ID = 64;
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

const STATE_NAMES: Record<MeetingState, string> = {
  scheduled: '待召开',
  held: '已召开',
  concluded: '已形成结论',
  cancelled: '已取消',
};

function wrongState(meeting: Meeting): PreconditionError {
  return new PreconditionError('WRONG_STATE', `会议当前状态为“${STATE_NAMES[meeting.state]}”，不能执行此操作`, {
    currentState: meeting.state,
  });
}

function checkText(v: Violation[], path: string, text: string, max: number, what: string, required: boolean): void {
  if (required && text.trim() === '') v.push({ path, message: `请填写${what}`, reason: 'REQUIRED' });
  else if (text.length > max) v.push({ path, message: `${what}最多${max}个字符`, reason: 'TOO_LONG' });
}

function checkFuture(v: Violation[], path: string, at: Date | undefined, now: Date): void {
  if (!at) v.push({ path, message: '请选择会议时间', reason: 'REQUIRED' });
  else if (at.getTime() <= now.getTime()) v.push({ path, message: '会议时间应晚于当前时间', reason: 'OUT_OF_RANGE' });
}

/** What the convening use case learnt of a joint review named on the agenda (null: none of the tenant). */
export interface AgendaReviewFacts {
  state: 'open' | 'awaiting_conclusion' | 'concluded' | 'cancelled';
  caseNumber: string;
  /** The lead and every department with a task: all are invited. */
  departments: string[];
}

export interface ConveneInput {
  id: string;
  tenant: string;
  requestId: string;
  kind: MeetingKind | undefined;
  subject: string;
  scheduledAt: Date | undefined;
  location: string;
  agenda: { title: string; reviewId: string; note: string }[];
  departments: string[];
  projectId: string;
  /** The reviews the agenda names, as found in the tenant. */
  reviews: ReadonlyMap<string, AgendaReviewFacts | null>;
  /** Whether the tenant has the department (identity). */
  departmentKnown: (department: string) => boolean;
  by: string;
  at: Date;
}

function checkAgenda(v: Violation[], input: ConveneInput): void {
  const { agenda } = input;
  if (agenda.length === 0) v.push({ path: 'agenda', message: '请至少列出一项议题', reason: 'REQUIRED' });
  if (agenda.length > MAX_AGENDA_ITEMS) {
    v.push({ path: 'agenda', message: `议题最多${MAX_AGENDA_ITEMS}项`, reason: 'TOO_MANY' });
  }
  const seen = new Set<string>();
  agenda.forEach((item, i) => {
    checkText(v, `agenda.${i}.title`, item.title, MAX_SUBJECT, '议题名称', true);
    checkText(v, `agenda.${i}.note`, item.note, MAX_NOTE, '议题说明', false);
    const path = `agenda.${i}.reviewId`;
    if (input.kind === 'standing') {
      if (item.reviewId) v.push({ path, message: '联席会议的议题不关联联办件', reason: 'NOT_ALLOWED' });
      return;
    }
    if (input.kind !== 'case_review') return;
    const review = input.reviews.get(item.reviewId);
    if (!item.reviewId) v.push({ path, message: '请选择要审议的联办件', reason: 'REQUIRED' });
    else if (seen.has(item.reviewId)) v.push({ path, message: '该联办件已在议程中', reason: 'DUPLICATE' });
    else if (!review) v.push({ path, message: '本地区没有该联办件', reason: 'UNKNOWN' });
    else if (review.state !== 'open' && review.state !== 'awaiting_conclusion') {
      v.push({ path, message: '该联办件已办结或已撤销，不能提交会议审议', reason: 'WRONG_STATE' });
    }
    seen.add(item.reviewId);
  });
}

function checkDepartments(v: Violation[], input: ConveneInput): void {
  const seen = new Set<string>();
  input.departments.forEach((d, i) => {
    const path = `departments.${i}`;
    if (d.trim() === '') v.push({ path, message: '请选择部门', reason: 'REQUIRED' });
    else if (seen.has(d)) v.push({ path, message: '该部门已在参会名单中', reason: 'DUPLICATE' });
    else if (!input.departmentKnown(d)) v.push({ path, message: '本地区没有该部门', reason: 'UNKNOWN' });
    seen.add(d);
  });
}

/** Every field's problem of a convening request, in Chinese. */
function validateConvene(input: ConveneInput): Violation[] {
  const v: Violation[] = [];
  if (!REQUEST_ID.test(input.requestId)) {
    v.push({ path: 'requestId', message: '请求编号应为8至64位字母、数字、下划线或连字符', reason: 'PATTERN' });
  }
  if (!input.kind) v.push({ path: 'kind', message: '请选择会议类型：会议联审或联席会议', reason: 'REQUIRED' });
  checkText(v, 'subject', input.subject, MAX_SUBJECT, '会议名称', true);
  checkFuture(v, 'scheduledAt', input.scheduledAt, input.at);
  checkText(v, 'location', input.location, MAX_LOCATION, '会议地点', false);
  checkText(v, 'projectId', input.projectId, MAX_PROJECT_ID, '项目编号', false);
  checkAgenda(v, input);
  checkDepartments(v, input);
  return v;
}

/**
 * The center convenes a meeting (SCHEDULED). A case review meeting's items each name an open (or awaiting the
 * conclusion) joint review of the tenant, and every department of those reviews is invited, with the departments
 * named besides; a standing meeting's items name none. A meeting without any department to invite is refused.
 */
export function conveneMeeting(input: ConveneInput): MeetingChange {
  const v = validateConvene(input);
  const discussed = input.kind === 'case_review' ? input.agenda : [];
  const fromReviews = discussed.flatMap((item) => input.reviews.get(item.reviewId)?.departments ?? []);
  const departments = [...new Set([...fromReviews, ...input.departments.map((d) => d.trim())])].filter(Boolean);
  if (departments.length === 0 && !v.some((x) => x.path.startsWith('departments'))) {
    v.push({ path: 'departments', message: '请至少邀请一个部门参会', reason: 'REQUIRED' });
  }
  if (v.length > 0) throw new ValidationError(v);
  const meeting: Meeting = {
    id: input.id,
    tenant: input.tenant,
    kind: input.kind!,
    state: 'scheduled',
    subject: input.subject.trim(),
    scheduledAt: input.scheduledAt!,
    location: input.location.trim(),
    convenedBy: input.by,
    agenda: input.agenda.map((item, i) => ({
      id: String(i + 1),
      title: item.title.trim(),
      reviewId: input.kind === 'case_review' ? item.reviewId : '',
      caseNumber: input.kind === 'case_review' ? (input.reviews.get(item.reviewId)?.caseNumber ?? '') : '',
      note: item.note.trim(),
    })),
    participants: departments.map((department) => ({ department, attendees: [], attended: false })),
    minutes: '',
    minutesAttachments: [],
    positions: [],
    outcomes: [],
    projectId: input.projectId.trim(),
    note: '',
    requestId: input.requestId,
    requestFingerprint: '',
    version: 1,
    createdAt: input.at,
    updatedAt: input.at,
  };
  return { meeting, events: [{ type: 'MeetingConvened', meeting }] };
}

function bump(meeting: Meeting, at: Date): Meeting {
  return { ...meeting, version: meeting.version + 1, updatedAt: at };
}

/** Moves a scheduled meeting to another (future) time and, when given, another place. */
export function rescheduleMeeting(
  meeting: Meeting,
  input: { scheduledAt: Date | undefined; location: string; reason: string },
  at: Date,
): MeetingChange {
  const v: Violation[] = [];
  checkFuture(v, 'scheduledAt', input.scheduledAt, at);
  checkText(v, 'location', input.location, MAX_LOCATION, '会议地点', false);
  checkText(v, 'reason', input.reason, MAX_REASON, '原因', true);
  if (v.length > 0) throw new ValidationError(v);
  if (meeting.state !== 'scheduled') throw wrongState(meeting);
  const next = bump(
    {
      ...meeting,
      scheduledAt: input.scheduledAt!,
      location: input.location.trim() || meeting.location,
      note: input.reason.trim(),
    },
    at,
  );
  return { meeting: next, events: [{ type: 'MeetingRescheduled', meeting: next }] };
}

/** Calls off a scheduled meeting. */
export function cancelMeeting(meeting: Meeting, reason: string, at: Date): MeetingChange {
  const v: Violation[] = [];
  checkText(v, 'reason', reason, MAX_REASON, '原因', true);
  if (v.length > 0) throw new ValidationError(v);
  if (meeting.state !== 'scheduled') throw wrongState(meeting);
  const next = bump({ ...meeting, state: 'cancelled', note: reason.trim() }, at);
  return { meeting: next, events: [{ type: 'MeetingCancelled', meeting: next }] };
}

function invited(meeting: Meeting): Set<string> {
  return new Set(meeting.participants.map((p) => p.department));
}

export interface MinutesInput {
  /** The departments that attended, with who came; an invited department left out did not attend. */
  attendance: { department: string; attendees: string[] }[];
  minutes: string;
  /** Files given with the minutes (checked by the caller: uploaded by the recorder), replacing earlier ones. */
  attachments: Attachment[];
}

/**
 * Records attendance and the minutes with their attachments: a scheduled meeting is HELD; a held meeting's
 * attendance, minutes and attachments are replaced (a correction). Every department named must be invited.
 */
export function recordMinutes(meeting: Meeting, input: MinutesInput, at: Date): MeetingChange {
  const v: Violation[] = [];
  const departments = invited(meeting);
  const seen = new Set<string>();
  input.attendance.forEach((a, i) => {
    const path = `attendance.${i}.department`;
    if (!departments.has(a.department)) v.push({ path, message: '该部门未受邀参会', reason: 'UNKNOWN' });
    else if (seen.has(a.department)) v.push({ path, message: '该部门已登记', reason: 'DUPLICATE' });
    seen.add(a.department);
    if (a.attendees.length > MAX_ATTENDEES) {
      v.push({ path: `attendance.${i}.attendees`, message: `参会人员最多${MAX_ATTENDEES}人`, reason: 'TOO_MANY' });
    }
    a.attendees.forEach((name, j) =>
      checkText(v, `attendance.${i}.attendees.${j}`, name, MAX_NAME, '参会人员姓名', true),
    );
  });
  checkText(v, 'minutes', input.minutes, MAX_MINUTES, '会议纪要', true);
  if (v.length > 0) throw new ValidationError(v);
  if (meeting.state !== 'scheduled' && meeting.state !== 'held') throw wrongState(meeting);
  const byDepartment = new Map(input.attendance.map((a) => [a.department, a]));
  const participants = meeting.participants.map((p) => {
    const came = byDepartment.get(p.department);
    return { department: p.department, attendees: came ? came.attendees.map((n) => n.trim()) : [], attended: !!came };
  });
  const next = bump(
    {
      ...meeting,
      state: 'held',
      participants,
      minutes: input.minutes.trim(),
      minutesAttachments: input.attachments,
    },
    at,
  );
  return { meeting: next, events: [{ type: 'MeetingMinutesRecorded', meeting: next }] };
}

export interface PositionInput extends OpinionInput {
  agendaItemId: string;
  department: string;
}

/** Records (or replaces) one invited department's position on one agenda item of a held meeting. */
export function recordPosition(meeting: Meeting, input: PositionInput, by: string, at: Date): MeetingChange {
  const v: Violation[] = validateOpinion(input).map((x) => ({ ...x, path: `position.${x.path}` }));
  if (!input.agendaItemId) {
    v.push({ path: 'position.agendaItemId', message: '请选择议题', reason: 'REQUIRED' });
  } else if (!meeting.agenda.some((a) => a.id === input.agendaItemId)) {
    v.push({ path: 'position.agendaItemId', message: '会议没有该议题', reason: 'UNKNOWN' });
  }
  if (!input.department) {
    v.push({ path: 'position.department', message: '请选择部门', reason: 'REQUIRED' });
  } else if (!invited(meeting).has(input.department)) {
    v.push({ path: 'position.department', message: '该部门未受邀参会', reason: 'UNKNOWN' });
  }
  if (v.length > 0) throw new ValidationError(v);
  if (meeting.state !== 'held') throw wrongState(meeting);
  const position: MeetingPosition = {
    agendaItemId: input.agendaItemId,
    department: input.department,
    kind: input.kind!,
    text: input.text.trim(),
    reasons: input.reasons.map((r) => r.trim()),
    conditions: input.conditions.map((c) => c.trim()),
    recordedBy: by,
    recordedAt: at,
  };
  const order = (p: MeetingPosition) => Number(p.agendaItemId);
  const positions = [
    ...meeting.positions.filter(
      (p) => p.agendaItemId !== position.agendaItemId || p.department !== position.department,
    ),
    position,
  ].sort((a, b) => order(a) - order(b) || a.department.localeCompare(b.department));
  const next = bump({ ...meeting, positions }, at);
  return { meeting: next, events: [{ type: 'MeetingPositionRecorded', meeting: next, position }] };
}

export interface OutcomeInput {
  agendaItemId: string;
  resolution: MeetingResolution | undefined;
  text: string;
  conditions: string[];
}

function validateOutcomes(meeting: Meeting, outcomes: OutcomeInput[]): Violation[] {
  const v: Violation[] = [];
  const items = new Set(meeting.agenda.map((a) => a.id));
  const seen = new Set<string>();
  outcomes.forEach((o, i) => {
    const path = `outcomes.${i}`;
    if (!items.has(o.agendaItemId)) {
      v.push({ path: `${path}.agendaItemId`, message: '会议没有该议题', reason: 'UNKNOWN' });
    } else if (seen.has(o.agendaItemId)) {
      v.push({ path: `${path}.agendaItemId`, message: '该议题已有结论', reason: 'DUPLICATE' });
    }
    seen.add(o.agendaItemId);
    if (!o.resolution) v.push({ path: `${path}.resolution`, message: '请选择会议结论', reason: 'REQUIRED' });
    checkText(v, `${path}.text`, o.text, MAX_NOTE, '会议结论', true);
    if (o.resolution === 'agreed_with_conditions' && o.conditions.length === 0) {
      v.push({ path: `${path}.conditions`, message: '附条件同意的，应当写明条件', reason: 'REQUIRED' });
    }
    o.conditions.forEach((c, j) => checkText(v, `${path}.conditions.${j}`, c, MAX_REASON, '条件', true));
  });
  for (const item of meeting.agenda) {
    if (!seen.has(item.id)) {
      v.push({ path: 'outcomes', message: `议题${item.id}“${item.title}”尚无会议结论`, reason: 'REQUIRED' });
    }
  }
  return v;
}

/**
 * The departments that attended without a position on a case item that is not deferred (each such item needs every
 * attending department's position before the outcome is recorded).
 */
export function missingPositions(meeting: Meeting, outcomes: readonly OutcomeInput[]): string[] {
  const deferred = new Set(outcomes.filter((o) => o.resolution === 'deferred').map((o) => o.agendaItemId));
  const caseItems = meeting.agenda.filter((a) => a.reviewId && !deferred.has(a.id));
  const missing = meeting.participants
    .filter((p) => p.attended)
    .filter((p) =>
      caseItems.some((a) => !meeting.positions.some((x) => x.agendaItemId === a.id && x.department === p.department)),
    )
    .map((p) => p.department);
  return missing;
}

/** Records the outcome of every agenda item of a held meeting: CONCLUDED. */
export function recordOutcome(meeting: Meeting, outcomes: OutcomeInput[], at: Date): MeetingChange {
  const v = validateOutcomes(meeting, outcomes);
  if (v.length > 0) throw new ValidationError(v);
  if (meeting.state !== 'held') throw wrongState(meeting);
  const missing = missingPositions(meeting, outcomes);
  if (missing.length > 0) {
    throw new PreconditionError('POSITIONS_MISSING', `还有${missing.length}个参会部门未登记对议题的意见`, {
      departments: missing.join(','),
    });
  }
  const order = new Map(meeting.agenda.map((a, i) => [a.id, i]));
  const next = bump(
    {
      ...meeting,
      state: 'concluded',
      outcomes: outcomes
        .map((o) => ({
          agendaItemId: o.agendaItemId,
          resolution: o.resolution!,
          text: o.text.trim(),
          conditions: o.conditions.map((c) => c.trim()),
        }))
        .sort((a, b) => order.get(a.agendaItemId)! - order.get(b.agendaItemId)!),
    },
    at,
  );
  return { meeting: next, events: [{ type: 'MeetingOutcomeRecorded', meeting: next }] };
}

/** What a concluded meeting writes on a joint review it discussed: its id, and the positions unless deferred. */
export interface MeetingOnReview {
  reviewId: string;
  deferred: boolean;
  positions: MeetingPosition[];
}

export function meetingOnReviews(meeting: Meeting): MeetingOnReview[] {
  return meeting.agenda
    .filter((a) => a.reviewId)
    .map((a) => {
      const deferred = meeting.outcomes.find((o) => o.agendaItemId === a.id)?.resolution === 'deferred';
      return {
        reviewId: a.reviewId,
        deferred,
        positions: deferred ? [] : meeting.positions.filter((p) => p.agendaItemId === a.id),
      };
    });
}
