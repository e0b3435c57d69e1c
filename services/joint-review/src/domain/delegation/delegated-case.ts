import { NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { finishLeg, handLeg, startLeg, type Leg, type LegCalendar, type LegKind, type LegSubject } from '../legs/leg';
import type { SharedCase } from '../cases/shared-case';
import type { TaskDossier } from '../reviews/shared-view';
import { claimedTask, type Task, type TaskDecision } from '../tasks/task';

/**
 * A case accepted by the center's comprehensive window under an agreement (代受理, J7): the window transfers it
 * (转办, DELEGATED_TRANSFER leg), the department decides (DELEGATED_DEPARTMENT leg, with its DELEGATED_DECISION
 * task), the center replies to the applicant (DELEGATED_REPLY leg, until the case is delivered).
 */
export type DelegatedCaseState = 'at_center' | 'at_department' | 'replying' | 'replied' | 'cancelled';

export interface DelegatedCase {
  id: string;
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  department: string;
  agreementId: string;
  windowId: string;
  state: DelegatedCaseState;
  preReviewOpinion: string;
  transferredBy: string;
  transferredAt?: Date;
  task?: Task;
  decision?: TaskDecision;
  repliedAt?: Date;
  legs: Leg[];
  cancelledReason: string;
  acceptedAt: Date;
  updatedAt: Date;
  version: number;
  /** The case's promised due date (the legs fit inside it). */
  casePromisedDueDate: string;
  /** The agreement's reply budget, fixed when the case was opened. */
  replyWorkingDays: number;
}

export type DelegatedCaseEvent =
  | { type: 'DelegatedCaseOpened' | 'DelegatedCaseTransferred' | 'DelegatedCaseDecided'; delegatedCase: DelegatedCase }
  | { type: 'DelegatedCaseReplied' | 'DelegatedCaseCancelled'; delegatedCase: DelegatedCase }
  | { type: 'TaskOpened' | 'TaskClaimed' | 'TaskCompleted'; task: Task }
  | { type: 'TaskCancelled'; task: Task; reason: string }
  | { type: 'LegStarted' | 'LegFinished'; leg: Leg };

export interface DelegatedCaseChange {
  delegatedCase: DelegatedCase;
  events: DelegatedCaseEvent[];
}

const STATE_NAMES: Record<DelegatedCaseState, string> = {
  at_center: '待转办',
  at_department: '部门办理中',
  replying: '待回复',
  replied: '已回复',
  cancelled: '已撤销',
};

const MAX_OPINION = 2000;

function wrongState(dc: DelegatedCase): PreconditionError {
  return new PreconditionError('WRONG_STATE', `代受理件当前状态为“${STATE_NAMES[dc.state]}”，不能执行此操作`, {
    currentState: dc.state,
  });
}

const subjectOf = (dc: DelegatedCase): LegSubject => ({
  tenant: dc.tenant,
  caseId: dc.caseId,
  caseNumber: dc.caseNumber,
  itemName: dc.itemName,
  itemBasicCode: dc.itemBasicCode,
  casePromisedDueDate: dc.casePromisedDueDate,
});

const runningLeg = (dc: DelegatedCase, kind: LegKind): Leg | undefined =>
  dc.legs.find((l) => l.kind === kind && l.state !== 'finished');

/** The same case with the leg replaced (by id). */
const withLeg = (legs: Leg[], leg: Leg): Leg[] => legs.map((l) => (l.id === leg.id ? leg : l));

export interface OpenDelegatedCaseInput {
  id: string;
  subject: LegSubject;
  department: string;
  agreementId: string;
  windowId: string;
  /** Who serves the accepting window today ('' when nobody). */
  windowResponsible: string;
  transferWorkingDays: number;
  replyWorkingDays: number;
  at: Date;
}

/** The case accepted under an agreement: AT_CENTER, its transfer leg running at the accepting window. */
export function openDelegatedCase(input: OpenDelegatedCaseInput, calendar: LegCalendar): DelegatedCaseChange {
  const leg = startLeg(
    {
      subject: input.subject,
      kind: 'delegated_transfer',
      aggregateId: input.id,
      sequence: 1,
      department: input.department,
      windowId: input.windowId,
      responsible: input.windowResponsible,
      budgetWorkingDays: input.transferWorkingDays,
      at: input.at,
      by: 'system',
    },
    calendar,
  );
  const delegatedCase: DelegatedCase = {
    id: input.id,
    tenant: input.subject.tenant,
    caseId: input.subject.caseId,
    caseNumber: input.subject.caseNumber,
    itemName: input.subject.itemName,
    itemBasicCode: input.subject.itemBasicCode,
    department: input.department,
    agreementId: input.agreementId,
    windowId: input.windowId,
    state: 'at_center',
    preReviewOpinion: '',
    transferredBy: '',
    legs: [leg],
    cancelledReason: '',
    acceptedAt: input.at,
    updatedAt: input.at,
    version: 1,
    casePromisedDueDate: input.subject.casePromisedDueDate,
    replyWorkingDays: input.replyWorkingDays,
  };
  return {
    delegatedCase,
    events: [
      { type: 'DelegatedCaseOpened', delegatedCase },
      { type: 'LegStarted', leg },
    ],
  };
}

export interface TransferInput {
  preReviewOpinion: string;
  taskId: string;
  /** J5: the department's window lead, who the decision task is assigned to ('' when none). */
  windowLead: string;
  departmentWorkingDays: number;
  by: string;
  at: Date;
}

/** 转办: the transfer leg finishes, the department leg starts with its DELEGATED_DECISION task. */
export function transferDelegatedCase(
  dc: DelegatedCase,
  input: TransferInput,
  calendar: LegCalendar,
): DelegatedCaseChange {
  const opinion = input.preReviewOpinion.trim();
  if (opinion === '') {
    throw new ValidationError([{ path: 'preReviewOpinion', message: '请填写初审意见', reason: 'REQUIRED' }]);
  }
  if (input.preReviewOpinion.length > MAX_OPINION) {
    throw new ValidationError([
      { path: 'preReviewOpinion', message: `初审意见最多${MAX_OPINION}个字符`, reason: 'TOO_LONG' },
    ]);
  }
  if (dc.state !== 'at_center') throw wrongState(dc);
  const transfer = runningLeg(dc, 'delegated_transfer');
  const finished = transfer ? finishLeg(transfer, 'completed', input.at, input.by) : undefined;
  const leg = startLeg(
    {
      subject: subjectOf(dc),
      kind: 'delegated_department',
      aggregateId: dc.id,
      sequence: 1,
      department: dc.department,
      taskId: input.taskId,
      responsible: input.windowLead,
      budgetWorkingDays: input.departmentWorkingDays,
      at: input.at,
      by: input.by,
    },
    calendar,
  );
  const task: Task = {
    id: input.taskId,
    kind: 'delegated_decision',
    tenant: dc.tenant,
    department: dc.department,
    aggregateId: dc.id,
    caseId: dc.caseId,
    caseNumber: dc.caseNumber,
    itemName: dc.itemName,
    stage: 0,
    required: true,
    state: 'open',
    assignee: input.windowLead,
    ...(input.windowLead ? { assignmentBasis: 'window_lead' as const } : {}),
    budgetWorkingDays: input.departmentWorkingDays,
    dueDate: leg.dueDate,
    legId: leg.id,
    openedAt: input.at,
    note: '',
    version: 1,
  };
  const legs = [...(finished ? withLeg(dc.legs, finished) : dc.legs), leg];
  const delegatedCase: DelegatedCase = {
    ...dc,
    state: 'at_department',
    preReviewOpinion: opinion,
    transferredBy: input.by,
    transferredAt: input.at,
    task,
    legs,
    updatedAt: input.at,
  };
  return {
    delegatedCase,
    events: [
      { type: 'DelegatedCaseTransferred', delegatedCase },
      ...(finished ? [{ type: 'LegFinished' as const, leg: finished }] : []),
      { type: 'TaskOpened', task },
      { type: 'LegStarted', leg },
    ],
  };
}

/**
 * A department system takes the DELEGATED_DECISION task (DepartmentSystemService.ClaimTask): the task and the
 * department leg then belong to its account. Its own claim again changes nothing; another's is TASK_CLAIMED.
 */
export function claimDelegatedTask(
  dc: DelegatedCase,
  claimant: string,
  at: Date,
  handlerName: string,
): DelegatedCaseChange {
  const task = dc.task;
  if (!task) throw new NotFoundError('TASK_NOT_FOUND', '找不到该任务');
  if (task.state === 'claimed' && task.assignee === claimant) return { delegatedCase: dc, events: [] };
  if (task.state === 'claimed') {
    throw new PreconditionError('TASK_CLAIMED', '该任务已由他人认领', { claimedBy: task.assignee });
  }
  if (dc.state !== 'at_department' || task.state !== 'open') {
    throw new PreconditionError('WRONG_STATE', '该任务已办结或已取消');
  }
  const claimed = claimedTask(task, claimant, at, handlerName);
  const leg = runningLeg(dc, 'delegated_department');
  const legs = leg ? withLeg(dc.legs, handLeg(leg, claimant)) : dc.legs;
  return {
    delegatedCase: { ...dc, task: claimed, legs, updatedAt: at },
    events: [{ type: 'TaskClaimed', task: claimed }],
  };
}

/**
 * The department decided (seen on the case stream: the case's DECIDED transition): the task is DONE with the
 * decision, the department leg finishes and the reply leg starts at the accepting window. Only an AT_DEPARTMENT case
 * takes a decision; any other state answers null (nothing to record).
 */
export function recordDelegatedDecision(
  dc: DelegatedCase,
  decision: TaskDecision,
  windowResponsible: string,
  calendar: LegCalendar,
): DelegatedCaseChange | null {
  if (dc.state !== 'at_department' || !dc.task) return null;
  const at = decision.decidedAt;
  const by = decision.decidedBy || 'system';
  const department = runningLeg(dc, 'delegated_department');
  const finished = department ? finishLeg(department, 'completed', at, by) : undefined;
  const task: Task = { ...dc.task, state: 'done', decision, closedAt: at, version: dc.task.version + 1 };
  const reply = startLeg(
    {
      subject: subjectOf(dc),
      kind: 'delegated_reply',
      aggregateId: dc.id,
      sequence: 1,
      department: dc.department,
      windowId: dc.windowId,
      responsible: windowResponsible,
      budgetWorkingDays: dc.replyWorkingDays,
      at,
      by,
    },
    calendar,
  );
  const legs = [...(finished ? withLeg(dc.legs, finished) : dc.legs), reply];
  const delegatedCase: DelegatedCase = { ...dc, state: 'replying', task, decision, legs, updatedAt: at };
  return {
    delegatedCase,
    events: [
      { type: 'DelegatedCaseDecided', delegatedCase },
      { type: 'TaskCompleted', task },
      ...(finished ? [{ type: 'LegFinished' as const, leg: finished }] : []),
      { type: 'LegStarted', leg: reply },
    ],
  };
}

/** The center replied (the case's DELIVERED transition): the reply leg finishes. Null unless REPLYING. */
export function recordDelegatedReply(dc: DelegatedCase, at: Date): DelegatedCaseChange | null {
  if (dc.state !== 'replying') return null;
  const reply = runningLeg(dc, 'delegated_reply');
  const finished = reply ? finishLeg(reply, 'completed', at, 'system') : undefined;
  const delegatedCase: DelegatedCase = {
    ...dc,
    state: 'replied',
    repliedAt: at,
    legs: finished ? withLeg(dc.legs, finished) : dc.legs,
    updatedAt: at,
  };
  return {
    delegatedCase,
    events: [
      { type: 'DelegatedCaseReplied', delegatedCase },
      ...(finished ? [{ type: 'LegFinished' as const, leg: finished }] : []),
    ],
  };
}

/** The case ended otherwise (withdrawn, voided): open legs and the open task are cancelled. Null once ended. */
export function cancelDelegatedCase(dc: DelegatedCase, reason: string, at: Date): DelegatedCaseChange | null {
  if (dc.state === 'replied' || dc.state === 'cancelled') return null;
  const cancelled = dc.legs.filter((l) => l.state !== 'finished').map((l) => finishLeg(l, 'cancelled', at, 'system'));
  const legs = cancelled.reduce(withLeg, dc.legs);
  const openTask = dc.task && (dc.task.state === 'open' || dc.task.state === 'claimed');
  const task: Task | undefined =
    dc.task && openTask
      ? { ...dc.task, state: 'cancelled', note: reason, closedAt: at, version: dc.task.version + 1 }
      : dc.task;
  const delegatedCase: DelegatedCase = {
    ...dc,
    state: 'cancelled',
    cancelledReason: reason,
    legs,
    ...(task ? { task } : {}),
    updatedAt: at,
  };
  return {
    delegatedCase,
    events: [
      { type: 'DelegatedCaseCancelled', delegatedCase },
      ...(task && openTask ? [{ type: 'TaskCancelled' as const, task, reason }] : []),
      ...cancelled.map((leg) => ({ type: 'LegFinished' as const, leg })),
    ],
  };
}

/**
 * What the entrusting department's system sees of a delegated case (J15 with J7): the whole case as the cases service
 * holds it — the department decides it — and its decision task; without the case (the cases service does not know
 * it any more), the task alone.
 */
export function delegatedDossier(dc: DelegatedCase, shared: SharedCase | null): TaskDossier {
  return {
    caseId: dc.caseId,
    caseNumber: dc.caseNumber,
    itemName: dc.itemName,
    casePromisedDueDate: dc.casePromisedDueDate,
    acceptedAt: shared?.acceptedAt ?? dc.acceptedAt,
    ...(shared ? { applicant: shared.applicant } : {}),
    materials: (shared?.materials ?? []).map((m) => ({ ...m, files: [...m.files], markedFor: [] })),
    formData: shared?.formData ?? '',
    formParts: [],
    results: dc.task ? [dc.task] : [],
  };
}
