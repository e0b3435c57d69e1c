import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { finishLeg, handLeg, startLeg, type Leg, type LegCalendar, type LegSubject } from '../legs/leg';
import {
  claimedTask,
  isOpenTask,
  validateOpinion,
  type Attachment,
  type DecisionOutcome,
  type Opinion,
  type OpinionInput,
  type Task,
  type WorkSource,
} from '../tasks/task';
import { MAX_BUDGET_WORKING_DAYS, MAX_STAGES, type FlowParticipant, type JointFlow } from './joint-flow';

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
  | { type: 'TaskAssigned'; task: Task; previousAssignee: string }
  | { type: 'TaskClaimed'; task: Task }
  | { type: 'TaskCompleted'; task: Task }
  | { type: 'TaskReopened'; task: Task; reason: string }
  | { type: 'TaskCancelled'; task: Task; reason: string }
  | { type: 'JointReviewParticipantAdded'; review: JointReview; task: Task; reason: string }
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
    ...shareOf(p),
    version: 1,
  };
}

/** The form part and materials a flow marks for a department (J11); nothing when it marks all. */
function shareOf(p: Partial<Pick<FlowParticipant, 'formFields' | 'materialIds'>>): Partial<Task> {
  const formFields = (p.formFields ?? []).map((f) => f.trim()).filter((f) => f !== '');
  const materialIds = (p.materialIds ?? []).map((m) => m.trim()).filter((m) => m !== '');
  return {
    ...(formFields.length > 0 ? { formFields: [...new Set(formFields)] } : {}),
    ...(materialIds.length > 0 ? { materialIds: [...new Set(materialIds)] } : {}),
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
export function claimTask(
  review: JointReview,
  taskId: string,
  claimant: string,
  at: Date,
  /** The person a department system names (its ClaimTask); absent for staff. */
  handlerName?: string,
): Change {
  checkActive(review);
  const task = findTask(review, taskId);
  if (task.state === 'claimed' && task.assignee === claimant) return { review, events: [] };
  if (task.state === 'claimed') {
    throw new PreconditionError('TASK_CLAIMED', '该审查任务已由他人认领', { claimedBy: task.assignee });
  }
  if (task.state !== 'open') throw taskWrongState(task);
  const claimed = claimedTask(task, claimant, at, handlerName);
  const leg = handLeg(
    review.legs.find((l) => l.id === task.legId)!,
    claimant,
  );
  const next = bump({ ...review, tasks: replaceTask(review, claimed), legs: replaceLeg(review.legs, leg) }, at);
  return { review: next, events: [{ type: 'TaskClaimed', task: claimed }] };
}

const MAX_NOTE = 500;

/** A "why" line of a write: required (1-500 characters) or optional (at most 500). */
function checkNote(v: Violation[], path: string, text: string, required: boolean): void {
  if (required && text.trim() === '') v.push({ path, message: '请填写原因', reason: 'REQUIRED' });
  else if (text.length > MAX_NOTE) v.push({ path, message: `原因最多${MAX_NOTE}个字符`, reason: 'TOO_LONG' });
}

function checkBudget(v: Violation[], path: string, budget: number): void {
  if (!Number.isInteger(budget) || budget < 1 || budget > MAX_BUDGET_WORKING_DAYS) {
    v.push({ path, message: `审查时限应为1至${MAX_BUDGET_WORKING_DAYS}个工作日`, reason: 'OUT_OF_RANGE' });
  }
}

/** A new co-review leg of the task: its budget must end on or before the case's promised due date. */
function newCoReviewLeg(
  review: JointReview,
  task: Task,
  budgetWorkingDays: number,
  responsible: string,
  at: Date,
  by: string,
  calendar: LegCalendar,
): Leg {
  return startLeg(
    {
      subject: subjectOf(review),
      kind: 'co_review',
      aggregateId: review.id,
      sequence: review.legs.filter((l) => l.kind === 'co_review').length + 1,
      department: task.department,
      taskId: task.id,
      responsible,
      budgetWorkingDays,
      at,
      by,
    },
    calendar,
  );
}

function exceedsPromised(review: JointReview, leg: Leg): boolean {
  return review.casePromisedDueDate !== '' && leg.dueDate > review.casePromisedDueDate;
}

function budgetExceeds(review: JointReview, leg: Leg, path: string): Violation {
  return {
    path,
    message: `按该时限应于${leg.dueDate}前完成，晚于办件承诺办结日期${review.casePromisedDueDate}`,
    reason: 'BUDGET_EXCEEDS_LIMIT',
  };
}

export interface AssignInput {
  /** Username of the new assignee. */
  assignee: string;
  /** Whether identity knows the assignee as active staff of the task's department (the use case asks). */
  assigneeKnown: boolean;
  note: string;
}

/**
 * The department's head or window lead hands an open or claimed task to another member of staff of the department:
 * the task is OPEN again, assigned (not claimed) to that person, and the leg's responsible changes while its clock
 * runs on. Assigning it to its current assignee changes nothing. Who may assign is the use case's to check.
 */
export function assignTask(review: JointReview, taskId: string, input: AssignInput, at: Date): Change {
  const v: Violation[] = [];
  if (input.assignee.trim() === '') {
    v.push({ path: 'assignee', message: '请选择承办人', reason: 'REQUIRED' });
  } else if (!input.assigneeKnown) {
    v.push({ path: 'assignee', message: '该人员不是本部门在岗工作人员', reason: 'UNKNOWN' });
  }
  checkNote(v, 'note', input.note, false);
  if (v.length > 0) throw new ValidationError(v);
  checkActive(review);
  const task = findTask(review, taskId);
  if (!isOpenTask(task)) throw taskWrongState(task);
  if (task.assignee === input.assignee) return { review, events: [] };
  const assigned: Task = {
    ...task,
    state: 'open',
    assignee: input.assignee,
    assignmentBasis: 'assigned',
    claimedAt: undefined,
    claimHandlerName: undefined,
    note: input.note.trim() || task.note,
    version: task.version + 1,
  };
  const leg = handLeg(
    review.legs.find((l) => l.id === task.legId)!,
    input.assignee,
  );
  const next = bump({ ...review, tasks: replaceTask(review, assigned), legs: replaceLeg(review.legs, leg) }, at);
  return { review: next, events: [{ type: 'TaskAssigned', task: assigned, previousAssignee: task.assignee }] };
}

export interface ReopenInput {
  reason: string;
  budgetWorkingDays: number;
  /** J5: the department's window lead, whom the reopened task is assigned to ('' when none). */
  windowLead: string;
  by: string;
}

/**
 * 协调后重新审查: the lead asks a department to reconsider. Its DONE co-review task opens again with a new budget
 * (ending on or before the case's promised due date) and a new leg, assigned to the department's window lead; the
 * previous opinion leaves the task (it stays in the TaskCompleted event). A review awaiting the conclusion is open
 * again, at the task's stage. Whether the caller is the lead is the use case's to check.
 */
export function reopenTask(
  review: JointReview,
  taskId: string,
  input: ReopenInput,
  at: Date,
  calendar: LegCalendar,
): Change {
  const v: Violation[] = [];
  checkNote(v, 'reason', input.reason, true);
  checkBudget(v, 'budgetWorkingDays', input.budgetWorkingDays);
  if (v.length > 0) throw new ValidationError(v);
  checkActive(review);
  const task = findTask(review, taskId);
  if (task.kind !== 'co_review') throw new PreconditionError('WRONG_TASK_KIND', '该任务不是协办审查任务');
  if (task.state !== 'done') {
    throw new PreconditionError('WRONG_STATE', '只有已提出审查意见的任务可以重新审查', { currentState: task.state });
  }
  const leg = newCoReviewLeg(review, task, input.budgetWorkingDays, input.windowLead, at, input.by, calendar);
  if (exceedsPromised(review, leg)) throw new ValidationError([budgetExceeds(review, leg, 'budgetWorkingDays')]);
  const reopened: Task = {
    ...task,
    state: 'open',
    assignee: input.windowLead,
    assignmentBasis: input.windowLead ? 'window_lead' : undefined,
    budgetWorkingDays: input.budgetWorkingDays,
    dueDate: leg.dueDate,
    legId: leg.id,
    opinion: undefined,
    openedAt: at,
    claimedAt: undefined,
    claimHandlerName: undefined,
    closedAt: undefined,
    note: input.reason.trim(),
    version: task.version + 1,
  };
  const stage = review.state === 'awaiting_conclusion' ? task.stage : review.currentStage;
  const next = bump(
    {
      ...review,
      state: 'open',
      currentStage: stage,
      tasks: replaceTask(review, reopened),
      legs: [...review.legs, leg],
    },
    at,
  );
  return {
    review: next,
    events: [
      { type: 'TaskReopened', task: reopened, reason: reopened.note },
      { type: 'LegStarted', leg },
    ],
  };
}

export interface AddParticipantInput {
  participant: Pick<FlowParticipant, 'department' | 'stage' | 'budgetWorkingDays' | 'required'> &
    Partial<Pick<FlowParticipant, 'formFields' | 'materialIds'>>;
  reason: string;
  /** Whether identity knows the department as one of the review's tenant (the use case asks). */
  departmentKnown: boolean;
  /** J5: the department's window lead ('' when none), the new task's assignee when it opens at once. */
  windowLead: string;
  taskId: string;
  by: string;
}

/** The stages a department may be added to: the current one (the last one while awaiting the conclusion) or later. */
export function addableStages(review: JointReview): { min: number; max: number } {
  const last = review.tasks.reduce((max, t) => Math.max(max, t.stage), 1);
  const min = review.state === 'open' && review.currentStage > 0 ? review.currentStage : last;
  return { min, max: Math.min(MAX_STAGES, last + 1) };
}

/**
 * The lead adds a department the flow does not name, in the current stage or a later one, with a budget that ends
 * on or before the case's promised due date (counted from today). In the current stage — or any stage while the
 * review awaits the conclusion, which then is open again — its task opens at once, assigned to its window lead, and
 * its leg starts; in a later stage it waits for its turn. Whether the caller is the lead is the use case's to check.
 */
export function addParticipant(
  review: JointReview,
  input: AddParticipantInput,
  at: Date,
  calendar: LegCalendar,
): Change {
  checkActive(review);
  const p = input.participant;
  const department = p.department.trim();
  const v: Violation[] = [];
  if (department === '') {
    v.push({ path: 'participant.department', message: '请选择部门', reason: 'REQUIRED' });
  } else if (participatingDepartments(review).has(department)) {
    v.push({ path: 'participant.department', message: '该部门已参与本联办件', reason: 'DUPLICATE' });
  } else if (!input.departmentKnown) {
    v.push({ path: 'participant.department', message: '本地区没有该部门', reason: 'UNKNOWN' });
  }
  const stages = addableStages(review);
  if (!Number.isInteger(p.stage) || p.stage < stages.min || p.stage > stages.max) {
    const range = stages.min === stages.max ? `${stages.min}` : `${stages.min}至${stages.max}`;
    v.push({ path: 'participant.stage', message: `只能加入第${range}阶段`, reason: 'OUT_OF_RANGE' });
  }
  checkBudget(v, 'participant.budgetWorkingDays', p.budgetWorkingDays);
  checkNote(v, 'reason', input.reason, true);
  if (v.length > 0) throw new ValidationError(v);
  const waiting: Task = {
    id: input.taskId,
    kind: 'co_review',
    tenant: review.tenant,
    department,
    aggregateId: review.id,
    caseId: review.caseId,
    caseNumber: review.caseNumber,
    itemName: review.itemName,
    stage: p.stage,
    required: p.required,
    state: 'waiting',
    assignee: '',
    budgetWorkingDays: p.budgetWorkingDays,
    dueDate: '',
    legId: '',
    note: input.reason.trim(),
    ...shareOf(p),
    version: 1,
  };
  const opensNow = review.state === 'awaiting_conclusion' || p.stage === review.currentStage;
  const responsible = opensNow ? input.windowLead : '';
  const leg = newCoReviewLeg(review, waiting, p.budgetWorkingDays, responsible, at, input.by, calendar);
  if (exceedsPromised(review, leg)) {
    throw new ValidationError([budgetExceeds(review, leg, 'participant.budgetWorkingDays')]);
  }
  if (!opensNow) {
    const next = bump({ ...review, tasks: [...review.tasks, waiting] }, at);
    return {
      review: next,
      events: [{ type: 'JointReviewParticipantAdded', review: next, task: waiting, reason: waiting.note }],
    };
  }
  const task: Task = {
    ...waiting,
    state: 'open',
    assignee: responsible,
    ...(responsible ? { assignmentBasis: 'window_lead' as const } : {}),
    dueDate: leg.dueDate,
    legId: leg.id,
    openedAt: at,
    version: waiting.version + 1,
  };
  const next = bump(
    { ...review, state: 'open', currentStage: p.stage, tasks: [...review.tasks, task], legs: [...review.legs, leg] },
    at,
  );
  return {
    review: next,
    events: [
      { type: 'JointReviewParticipantAdded', review: next, task, reason: task.note },
      { type: 'TaskOpened', task },
      { type: 'LegStarted', leg },
    ],
  };
}

export interface GiveOpinionInput {
  opinion: OpinionInput;
  attachments: Attachment[];
  givenBy: string;
  handlerName?: string;
  source: WorkSource;
  meetingId?: string;
  /** A department system's idempotency key, kept with the opinion. */
  requestId?: string;
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
    ...(input.requestId ? { requestId: input.requestId } : {}),
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
