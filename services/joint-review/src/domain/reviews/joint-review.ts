import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { finishLeg, handLeg, startLeg, type Leg, type LegCalendar, type LegSubject } from '../legs/leg';
import {
  isOpenTask,
  validateOpinion,
  type Attachment,
  type DecisionOutcome,
  type Opinion,
  type OpinionInput,
  type Task,
  type WorkSource,
} from '../tasks/task';
import type { FlowParticipant, JointFlow } from './joint-flow';

export type LeadRule = 'designated_per_item' | 'first_receiving_window';
export type JointReviewState = 'open' | 'awaiting_conclusion' | 'concluded' | 'cancelled';

export interface ReviewConclusion {
  outcome: DecisionOutcome;
  reasons: string[];
  conditions: string[];
  attachments: Attachment[];
  concludedBy: string;
  concludedAt: Date;
  /** When the cases service accepted it; absent while it is being retried. */
  reportedAt?: Date;
}

export interface JointReview {
  id: string;
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemId: string;
  itemSeriesId: string;
  itemName: string;
  itemBasicCode: string;
  leadDepartment: string;
  leadWindowId: string;
  leadRule: LeadRule;
  state: JointReviewState;
  tasks: Task[];
  /** The stage whose tasks run now; 0 once every stage is done. */
  currentStage: number;
  casePromisedDueDate: string;
  caseStatutoryDueDate: string;
  conclusion?: ReviewConclusion;
  meetingIds: string[];
  projectId: string;
  cancelledReason: string;
  openedBy: string;
  openedAt: Date;
  updatedAt: Date;
  version: number;
  legs: Leg[];
}

export type JointReviewEvent =
  | { type: 'JointReviewOpened'; review: JointReview }
  | { type: 'JointReviewStageAdvanced'; review: JointReview }
  | { type: 'JointReviewAwaitingConclusion'; review: JointReview }
  | { type: 'JointReviewConcluded'; review: JointReview }
  | { type: 'JointReviewReported'; review: JointReview }
  | { type: 'JointReviewCancelled'; review: JointReview }
  | { type: 'TaskOpened'; task: Task }
  | { type: 'TaskClaimed'; task: Task }
  | { type: 'TaskCompleted'; task: Task }
  | { type: 'TaskCancelled'; task: Task; reason: string }
  | { type: 'LegStarted'; leg: Leg }
  | { type: 'LegFinished'; leg: Leg };

export interface Change {
  review: JointReview;
  events: JointReviewEvent[];
}

/** The case as the cases service handed it to joint review. */
export interface CaseFacts extends LegSubject {
  itemId: string;
  itemSeriesId: string;
  casePromisedDueDate: string;
  caseStatutoryDueDate: string;
}

export interface OpenJointReviewInput {
  id: string;
  case: CaseFacts;
  flow: JointFlow;
  leadRule: LeadRule;
  /** The lead as the rule chose it (J9). */
  lead: { department: string; windowId: string };
  /** J5: each co-department's window lead (username), '' when it has none. */
  windowLeads: ReadonlyMap<string, string>;
  newTaskId: () => string;
  at: Date;
  by: string;
}

const STATE_NAMES: Record<JointReviewState, string> = {
  open: '审查中',
  awaiting_conclusion: '待主办部门办结',
  concluded: '已办结',
  cancelled: '已撤销',
};

function wrongState(review: JointReview): PreconditionError {
  return new PreconditionError('WRONG_STATE', `联办件当前状态为“${STATE_NAMES[review.state]}”，不能执行此操作`, {
    currentState: review.state,
  });
}

/** Opens a case's joint review: the first stage's tasks open (assigned to each window lead, J5), their legs start. */
export function openJointReview(input: OpenJointReviewInput, calendar: LegCalendar): Change {
  const participants = [...input.flow.participants].sort(
    (a, b) => a.stage - b.stage || a.department.localeCompare(b.department),
  );
  const tasks: Task[] = participants.map((p) => waitingTask(input, p));
  let review: JointReview = {
    id: input.id,
    tenant: input.case.tenant,
    caseId: input.case.caseId,
    caseNumber: input.case.caseNumber,
    itemId: input.case.itemId,
    itemSeriesId: input.case.itemSeriesId,
    itemName: input.case.itemName,
    itemBasicCode: input.case.itemBasicCode,
    leadDepartment: input.lead.department,
    leadWindowId: input.lead.windowId,
    leadRule: input.leadRule,
    state: 'open',
    tasks,
    currentStage: 0,
    casePromisedDueDate: input.case.casePromisedDueDate,
    caseStatutoryDueDate: input.case.caseStatutoryDueDate,
    meetingIds: [],
    projectId: '',
    cancelledReason: '',
    openedBy: input.by,
    openedAt: input.at,
    updatedAt: input.at,
    version: 1,
    legs: [],
  };
  const opened = openNextStage(review, input.windowLeads, input.at, input.by, calendar);
  review = opened.review;
  // The first stage opening is the opening itself, not an advance.
  const rest = opened.events.filter((e) => e.type !== 'JointReviewStageAdvanced');
  return { review, events: [{ type: 'JointReviewOpened', review }, ...rest] };
}

function waitingTask(input: OpenJointReviewInput, p: FlowParticipant): Task {
  return {
    id: input.newTaskId(),
    kind: 'co_review',
    tenant: input.case.tenant,
    department: p.department,
    aggregateId: input.id,
    caseId: input.case.caseId,
    caseNumber: input.case.caseNumber,
    itemName: input.case.itemName,
    stage: p.stage,
    required: p.required,
    state: 'waiting',
    assignee: '',
    budgetWorkingDays: p.budgetWorkingDays,
    dueDate: '',
    legId: '',
    note: '',
    version: 1,
  };
}

/**
 * Moves to the next stage that has tasks and opens them; with no stage left the review awaits the lead. A budget
 * never reaches past the case's promised due date: a task's due date is the earlier of the two.
 */
function openNextStage(
  review: JointReview,
  windowLeads: ReadonlyMap<string, string>,
  at: Date,
  by: string,
  calendar: LegCalendar,
): Change {
  const next = review.tasks
    .filter((t) => t.state === 'waiting' && t.stage > review.currentStage)
    .reduce((min, t) => Math.min(min, t.stage), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(next)) {
    const done: JointReview = { ...review, state: 'awaiting_conclusion', currentStage: 0 };
    return { review: done, events: [{ type: 'JointReviewAwaitingConclusion', review: done }] };
  }
  const events: JointReviewEvent[] = [];
  const legs = [...review.legs];
  const tasks = review.tasks.map((t) => {
    if (t.state !== 'waiting' || t.stage !== next) return t;
    const assignee = windowLeads.get(t.department) ?? '';
    const leg = startLeg(
      {
        subject: subjectOf(review),
        kind: 'co_review',
        aggregateId: review.id,
        sequence: legs.filter((l) => l.kind === 'co_review').length + 1,
        department: t.department,
        taskId: t.id,
        responsible: assignee,
        budgetWorkingDays: t.budgetWorkingDays,
        at,
        by,
      },
      calendar,
    );
    const capped: Leg =
      leg.dueDate > review.casePromisedDueDate && review.casePromisedDueDate !== ''
        ? { ...leg, dueDate: review.casePromisedDueDate }
        : leg;
    legs.push(capped);
    const task: Task = {
      ...t,
      state: 'open',
      assignee,
      ...(assignee ? { assignmentBasis: 'window_lead' as const } : {}),
      dueDate: capped.dueDate,
      legId: capped.id,
      openedAt: at,
      version: t.version + 1,
    };
    events.push({ type: 'TaskOpened', task }, { type: 'LegStarted', leg: capped });
    return task;
  });
  const advanced: JointReview = { ...review, tasks, legs, currentStage: next };
  return { review: advanced, events: [{ type: 'JointReviewStageAdvanced', review: advanced }, ...events] };
}

function subjectOf(review: JointReview): LegSubject {
  return {
    tenant: review.tenant,
    caseId: review.caseId,
    caseNumber: review.caseNumber,
    itemName: review.itemName,
    itemBasicCode: review.itemBasicCode,
    casePromisedDueDate: review.casePromisedDueDate,
  };
}

function findTask(review: JointReview, taskId: string): Task {
  const task = review.tasks.find((t) => t.id === taskId);
  if (!task) throw new PreconditionError('TASK_NOT_FOUND', '找不到该审查任务');
  return task;
}

function replaceTask(review: JointReview, task: Task): Task[] {
  return review.tasks.map((t) => (t.id === task.id ? task : t));
}

function replaceLeg(legs: Leg[], leg: Leg): Leg[] {
  return legs.map((l) => (l.id === leg.id ? leg : l));
}

function bump(review: JointReview, at: Date): JointReview {
  return { ...review, version: review.version + 1, updatedAt: at };
}

function checkActive(review: JointReview): void {
  if (review.state !== 'open' && review.state !== 'awaiting_conclusion') throw wrongState(review);
}

function taskWrongState(task: Task): PreconditionError {
  return new PreconditionError('WRONG_STATE', '该审查任务已办结或已取消，不能执行此操作', { currentState: task.state });
}

/** A member of staff (or the department's system) takes an open task; taking one's own again changes nothing. */
export function claimTask(review: JointReview, taskId: string, claimant: string, at: Date): Change {
  checkActive(review);
  const task = findTask(review, taskId);
  if (task.state === 'claimed' && task.assignee === claimant) return { review, events: [] };
  if (task.state === 'claimed') {
    throw new PreconditionError('TASK_CLAIMED', '该审查任务已由他人认领', { claimedBy: task.assignee });
  }
  if (task.state !== 'open') throw taskWrongState(task);
  const claimed: Task = {
    ...task,
    state: 'claimed',
    assignee: claimant,
    assignmentBasis: 'claimed',
    claimedAt: at,
    version: task.version + 1,
  };
  const leg = handLeg(
    review.legs.find((l) => l.id === task.legId)!,
    claimant,
  );
  const next = bump({ ...review, tasks: replaceTask(review, claimed), legs: replaceLeg(review.legs, leg) }, at);
  return { review: next, events: [{ type: 'TaskClaimed', task: claimed }] };
}

export interface GiveOpinionInput {
  opinion: OpinionInput;
  attachments: Attachment[];
  givenBy: string;
  handlerName?: string;
  source: WorkSource;
  meetingId?: string;
}

/**
 * The department's opinion: the task is done and its leg finished; when the stage's required tasks are all done,
 * the next stage opens, and with none left the review awaits the lead's conclusion. Who may give it is the use
 * case's to check (the assignee, or the department's system).
 */
export function submitOpinion(
  review: JointReview,
  taskId: string,
  input: GiveOpinionInput,
  windowLeads: ReadonlyMap<string, string>,
  at: Date,
  calendar: LegCalendar,
): Change {
  const violations = validateOpinion(input.opinion);
  if (violations.length > 0) throw new ValidationError(violations);
  checkActive(review);
  const task = findTask(review, taskId);
  if (task.kind !== 'co_review') throw new PreconditionError('WRONG_TASK_KIND', '该任务不是协办审查任务');
  if (!isOpenTask(task)) throw taskWrongState(task);
  const opinion: Opinion = {
    kind: input.opinion.kind!,
    text: input.opinion.text.trim(),
    reasons: input.opinion.reasons.map((r) => r.trim()),
    conditions: input.opinion.conditions.map((c) => c.trim()),
    attachments: input.attachments,
    givenBy: input.givenBy,
    handlerName: input.handlerName ?? '',
    givenAt: at,
    source: input.source,
    meetingId: input.meetingId ?? '',
  };
  const done: Task = { ...task, state: 'done', opinion, closedAt: at, version: task.version + 1 };
  const leg = finishLeg(
    review.legs.find((l) => l.id === task.legId)!,
    'completed',
    at,
    input.givenBy,
  );
  let next = bump({ ...review, tasks: replaceTask(review, done), legs: replaceLeg(review.legs, leg) }, at);
  const events: JointReviewEvent[] = [
    { type: 'TaskCompleted', task: done },
    { type: 'LegFinished', leg },
  ];
  const stageLeft = next.tasks.some((t) => t.stage === next.currentStage && t.required && isOpenTask(t));
  if (next.state === 'open' && !stageLeft) {
    const advanced = openNextStage(next, windowLeads, at, input.givenBy, calendar);
    next = advanced.review;
    events.push(...advanced.events);
  }
  return { review: next, events };
}

export interface ConcludeInput {
  outcome: DecisionOutcome | undefined;
  reasons: string[];
  conditions: string[];
  attachments: Attachment[];
  concludedBy: string;
}

function validateConclusion(input: ConcludeInput): Violation[] {
  const v: Violation[] = [];
  if (!input.outcome) v.push({ path: 'outcome', message: '请选择办结结论：同意或不同意', reason: 'REQUIRED' });
  if (input.outcome === 'denied' && input.reasons.length === 0) {
    v.push({ path: 'reasons', message: '不予许可的，应当说明理由', reason: 'REQUIRED' });
  }
  for (const [path, lines, what] of [
    ['reasons', input.reasons, '理由'],
    ['conditions', input.conditions, '条件'],
  ] as const) {
    lines.forEach((line, i) => {
      if (line.trim() === '') v.push({ path: `${path}.${i}`, message: `${what}不能为空白`, reason: 'REQUIRED' });
      else if (line.length > 500)
        v.push({ path: `${path}.${i}`, message: `每条${what}最多500个字符`, reason: 'TOO_LONG' });
    });
  }
  return v;
}

/**
 * The lead concludes (J1). Approved: every required task done and no opinion against; open optional tasks are
 * cancelled. Denied: at any time, with reasons; every open task is cancelled. Whether the caller is the lead is the
 * use case's to check.
 */
export function concludeJointReview(review: JointReview, input: ConcludeInput, at: Date): Change {
  const violations = validateConclusion(input);
  if (violations.length > 0) throw new ValidationError(violations);
  checkActive(review);
  if (input.outcome === 'approved') {
    const open = review.tasks.filter((t) => t.required && t.state !== 'done' && t.state !== 'cancelled');
    if (open.length > 0) {
      throw new PreconditionError('TASKS_OPEN', `还有${open.length}个协办部门未提出审查意见，不能办结为同意`, {
        openTasks: String(open.length),
      });
    }
    const against = review.tasks.filter((t) => t.state === 'done' && t.opinion?.kind === 'disagree');
    if (against.length > 0) {
      throw new PreconditionError('OPINION_DISAGREES', '有协办部门不同意，不能办结为同意；可协调后请其重新审查', {
        departments: against.map((t) => t.department).join(','),
      });
    }
  }
  const reason = input.outcome === 'denied' ? '主办部门已办结为不予许可' : '主办部门已办结';
  const cancelled = cancelOpenTasks(review, reason, at, input.concludedBy);
  const conclusion: ReviewConclusion = {
    outcome: input.outcome!,
    reasons: input.reasons.map((r) => r.trim()),
    conditions: input.conditions.map((c) => c.trim()),
    attachments: input.attachments,
    concludedBy: input.concludedBy,
    concludedAt: at,
  };
  const next = bump({ ...cancelled.review, state: 'concluded', currentStage: 0, conclusion }, at);
  return { review: next, events: [...cancelled.events, { type: 'JointReviewConcluded', review: next }] };
}

/** The cases service accepted the conclusion. */
export function markReported(review: JointReview, at: Date): Change {
  if (review.state !== 'concluded' || !review.conclusion || review.conclusion.reportedAt) return { review, events: [] };
  const next = bump({ ...review, conclusion: { ...review.conclusion, reportedAt: at } }, at);
  return { review: next, events: [{ type: 'JointReviewReported', review: next }] };
}

/** The case ended without a conclusion (withdrawn, voided): open tasks are cancelled, their legs closed. */
export function cancelJointReview(review: JointReview, reason: string, at: Date): Change {
  if (review.state === 'concluded' || review.state === 'cancelled') return { review, events: [] };
  const cancelled = cancelOpenTasks(review, reason, at, 'system');
  const next = bump({ ...cancelled.review, state: 'cancelled', currentStage: 0, cancelledReason: reason }, at);
  return { review: next, events: [...cancelled.events, { type: 'JointReviewCancelled', review: next }] };
}

function cancelOpenTasks(review: JointReview, reason: string, at: Date, by: string): Change {
  const events: JointReviewEvent[] = [];
  let legs = review.legs;
  const tasks = review.tasks.map((t) => {
    if (t.state === 'done' || t.state === 'cancelled') return t;
    const task: Task = { ...t, state: 'cancelled', note: reason, closedAt: at, version: t.version + 1 };
    events.push({ type: 'TaskCancelled', task, reason });
    const leg = legs.find((l) => l.id === t.legId);
    if (leg && leg.state !== 'finished') {
      const finished = finishLeg(leg, 'cancelled', at, by);
      legs = replaceLeg(legs, finished);
      events.push({ type: 'LegFinished', leg: finished });
    }
    return task;
  });
  return { review: { ...review, tasks, legs }, events };
}

/** Departments that take part: the lead and every department with a task. */
export function participatingDepartments(review: JointReview): Set<string> {
  return new Set([review.leadDepartment, ...review.tasks.map((t) => t.department)]);
}
