import { maskText } from '@govhall/identifiers';
import { NotFoundError, PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { finishLeg, handLeg, pauseLeg, resumeLeg, startLeg, type LegCalendar } from '../legs/leg';
import { checkLines, claimedTask, decisionViolations, type Attachment, type Task } from '../tasks/task';
import {
  openLeg,
  replaceLeg,
  requireState,
  roundComplete,
  type EscalatedCase,
  type Escalation,
  type EscalationChange,
  type EscalationEvent,
  type EscalationFile,
  type EscalationUpdate,
  type TaskDecision,
  freeText,
} from './escalation';

/*
 * The parent center's side of an escalation (the RECEIVER record): it takes the forwarded case and its files, its
 * department handles it (one ESCALATION_DECISION task, the handling leg), returns it for supplement, reports its
 * progress and decides. Every such act appends an update with the tenant's next sequence: the status that flows
 * back down.
 */

const MAX_TEXT = 2000;
const MAX_REASON = 500;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const PROCEDURES = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'];
const DEFAULT_REMEDIES = [
  '如不服本决定，可自收到之日起六十日内依法申请行政复议',
  '或者自收到之日起六个月内依法向人民法院提起行政诉讼',
];

export interface ReceiveInput {
  id: string;
  sourceTenant: string;
  targetTenant: string;
  targetDepartment: string;
  sourceEscalationId: string;
  case: EscalatedCase;
  files: Omit<EscalationFile, 'round' | 'transferred'>[];
  note: string;
  forwardedByName: string;
  at: Date;
}

export const receiverKey = (sourceTenant: string, sourceEscalationId: string) =>
  `${sourceTenant}:${sourceEscalationId}`;

/** The parent takes a forwarded case: the receiver record, TRANSFERRING until every listed file arrived. */
export function receiveEscalation(input: ReceiveInput): EscalationChange {
  const escalation: Escalation = {
    id: input.id,
    side: 'receiver',
    tenant: input.targetTenant,
    sourceTenant: input.sourceTenant,
    targetTenant: input.targetTenant,
    counterpartId: input.sourceEscalationId,
    department: input.targetDepartment,
    targetDepartment: input.targetDepartment,
    state: 'transferring',
    case: input.case,
    files: input.files.map((f) => ({ ...f, round: 1, transferred: false })),
    round: 1,
    legs: [],
    updates: [],
    followUps: [],
    followUpBy: '',
    transferError: '',
    note: maskText(input.note),
    forwardedBy: '',
    forwardedByName: input.forwardedByName,
    forwardedAt: input.at,
    withdrawnReason: '',
    sourceKey: receiverKey(input.sourceTenant, input.sourceEscalationId),
    lastSequence: 0,
    createdAt: input.at,
    updatedAt: input.at,
    version: 1,
  };
  return { escalation, events: [{ type: 'EscalationOpened', escalation }] };
}

/** A listed file of the current round arrived (its checksum already checked). */
export function fileArrived(e: Escalation, fileId: string, at: Date): Escalation {
  const file = e.files.find((f) => f.id === fileId && f.round === e.round);
  if (!file) throw new NotFoundError('FILE_NOT_FOUND', '上报件中没有该文件');
  if (file.transferred) return e;
  requireState(e, ['transferring']);
  return { ...e, files: e.files.map((f) => (f === file ? { ...f, transferred: true } : f)), updatedAt: at };
}

/** What starting the handling needs: the next update sequence, the task, its assignee and budget. */
export interface HandlingStart {
  sequence: number;
  taskId: string;
  windowLead: string;
  /** Working days left until the case's promised due date, in the parent's calendar (at least 1). */
  budgetWorkingDays: number;
  at: Date;
}

function update(
  u: Omit<EscalationUpdate, 'reasons' | 'procedure' | 'plannedWorkingDays' | 'attachments' | 'text'> &
    Partial<EscalationUpdate>,
): EscalationUpdate {
  return { text: '', reasons: [], procedure: '', plannedWorkingDays: 0, attachments: [], ...u };
}

/**
 * When the round's last file is in: the first round starts the handling leg with the department's decision task
 * (assigned to its window lead, J5); a supplement resumes the leg paused for it. A RECEIVED update goes down.
 */
export function completeRoundIfDone(e: Escalation, start: HandlingStart, calendar: LegCalendar): EscalationChange {
  if (e.state !== 'transferring' || !roundComplete(e, e.round)) return { escalation: e, events: [] };
  const events: EscalationEvent[] = [];
  let legs = e.legs;
  let task = e.task;
  const paused = openLeg(e, 'escalation_handling');
  if (paused) {
    const resumed = resumeLeg(paused, start.at, calendar);
    legs = replaceLeg(e, resumed);
    events.push({ type: 'LegResumed', leg: resumed });
    if (task) task = { ...task, dueDate: resumed.dueDate };
  } else if (!task) {
    const leg = startLeg(
      {
        subject: {
          tenant: e.tenant,
          caseId: e.case.caseId,
          caseNumber: e.case.caseNumber,
          itemName: e.case.itemName,
          itemBasicCode: e.case.itemBasicCode,
          casePromisedDueDate: e.case.promisedDueDate,
        },
        kind: 'escalation_handling',
        aggregateId: e.id,
        sequence: 1,
        department: e.department,
        taskId: start.taskId,
        responsible: start.windowLead,
        budgetWorkingDays: Math.max(1, start.budgetWorkingDays),
        counterpartTenant: e.sourceTenant,
        at: start.at,
        by: 'system',
      },
      calendar,
    );
    task = decisionTask(e, leg.id, leg.dueDate, leg.budgetWorkingDays, start);
    legs = [...legs, leg];
    events.push({ type: 'TaskOpened', task }, { type: 'LegStarted', leg });
  }
  const u = update({ sequence: start.sequence, kind: 'received', by: 'system', at: start.at });
  const escalation: Escalation = {
    ...e,
    state: 'in_handling',
    legs,
    task,
    receivedAt: start.at,
    updates: [...e.updates, u],
    lastSequence: start.sequence,
    updatedAt: start.at,
  };
  return { escalation, events: [{ type: 'EscalationReceived', escalation }, ...events] };
}

function decisionTask(e: Escalation, legId: string, dueDate: string, budget: number, start: HandlingStart): Task {
  return {
    id: start.taskId,
    kind: 'escalation_decision',
    tenant: e.tenant,
    department: e.department,
    aggregateId: e.id,
    caseId: e.case.caseId,
    caseNumber: e.case.caseNumber,
    itemName: e.case.itemName,
    stage: 1,
    required: true,
    state: 'open',
    assignee: start.windowLead,
    assignmentBasis: start.windowLead ? 'window_lead' : undefined,
    budgetWorkingDays: budget,
    dueDate,
    legId,
    openedAt: start.at,
    note: '',
    version: 1,
  };
}

export interface ReturnInput {
  reasons: string[];
  /** Files given with the return (checked by the use case). */
  attachments?: Attachment[];
  sequence: number;
  by: string;
  at: Date;
}

/** 退回补充: IN_HANDLING → RETURNED; the handling leg waits for the lower center. */
export function returnEscalation(e: Escalation, input: ReturnInput): EscalationChange {
  requireState(e, ['in_handling']);
  const v: Violation[] = [];
  checkLines(v, 'reasons', input.reasons, '退回理由', true);
  if (v.length > 0) throw new ValidationError(v);
  const reasons = input.reasons.map(maskText);
  const events: EscalationEvent[] = [];
  let legs = e.legs;
  const leg = openLeg(e, 'escalation_handling');
  if (leg) {
    const waiting = pauseLeg(
      leg,
      { reason: 'waiting_for_sender', procedure: '', note: reasons.join('；'), plannedWorkingDays: 0 },
      input.at,
    );
    legs = replaceLeg(e, waiting);
    events.push({ type: 'LegPaused', leg: waiting });
  }
  const u = update({
    sequence: input.sequence,
    kind: 'returned',
    reasons,
    attachments: input.attachments ?? [],
    by: input.by,
    at: input.at,
  });
  const escalation: Escalation = {
    ...e,
    state: 'returned',
    legs,
    updates: [...e.updates, u],
    lastSequence: input.sequence,
    updatedAt: input.at,
  };
  return { escalation, events: [{ type: 'EscalationReturned', escalation, update: u }, ...events] };
}

export interface ResupplyReceived {
  round: number;
  note: string;
  files: Omit<EscalationFile, 'round' | 'transferred'>[];
  forwardedByName: string;
  at: Date;
}

/** The lower center's supplement: a new round (→ TRANSFERRING) listing its files. Idempotent on the round. */
export function receiveResupply(e: Escalation, input: ResupplyReceived): EscalationChange {
  if (input.round === e.round && e.round > 1) return { escalation: e, events: [] };
  requireState(e, ['returned']);
  if (input.round !== e.round + 1) {
    throw new ValidationError([{ path: 'round', message: `补充轮次应为${e.round + 1}`, reason: 'OUT_OF_RANGE' }]);
  }
  const escalation: Escalation = {
    ...e,
    state: 'transferring',
    round: input.round,
    note: maskText(input.note),
    forwardedByName: input.forwardedByName,
    forwardedAt: input.at,
    files: [...e.files, ...input.files.map((f) => ({ ...f, round: input.round, transferred: false }))],
    updatedAt: input.at,
  };
  return { escalation, events: [{ type: 'EscalationForwarded', escalation }] };
}

export interface StatusInput {
  kind: 'progress' | 'special_procedure_started' | 'special_procedure_ended' | undefined;
  text: string;
  procedure: string;
  plannedWorkingDays: number;
  sequence: number;
  by: string;
  at: Date;
}

/** A progress note, or a §45 procedure starting (the handling leg pauses) or ending (it resumes). */
export function reportStatus(e: Escalation, input: StatusInput, calendar: LegCalendar): EscalationChange {
  requireState(e, ['in_handling']);
  const v: Violation[] = [];
  if (!input.kind)
    v.push({ path: 'kind', message: '请选择报告类型：办理进展、特别程序开始或结束', reason: 'REQUIRED' });
  const text = freeText(v, 'text', input.text, { label: '报告内容', min: 1, max: MAX_TEXT, multiline: true });
  if (input.kind === 'special_procedure_started') {
    if (!PROCEDURES.includes(input.procedure)) {
      v.push({ path: 'procedure', message: `特别程序应为：${PROCEDURES.join('、')}`, reason: 'REQUIRED' });
    }
    if (input.plannedWorkingDays < 1 || input.plannedWorkingDays > 120) {
      v.push({ path: 'plannedWorkingDays', message: '特别程序的计划时长应为1至120个工作日', reason: 'OUT_OF_RANGE' });
    }
  }
  if (v.length > 0) throw new ValidationError(v);
  const leg = openLeg(e, 'escalation_handling');
  const events: EscalationEvent[] = [];
  let legs = e.legs;
  if (input.kind === 'special_procedure_started') {
    if (!leg || leg.state !== 'running') requireState(e, []);
    const paused = pauseLeg(
      leg!,
      {
        reason: 'special_procedure',
        procedure: input.procedure,
        note: text,
        plannedWorkingDays: input.plannedWorkingDays,
      },
      input.at,
    );
    legs = replaceLeg(e, paused);
    events.push({ type: 'LegPaused', leg: paused });
  } else if (input.kind === 'special_procedure_ended') {
    if (!leg || leg.state !== 'paused') requireState(e, []);
    const resumed = resumeLeg(leg!, input.at, calendar);
    legs = replaceLeg(e, resumed);
    events.push({ type: 'LegResumed', leg: resumed });
  }
  const u = update({
    sequence: input.sequence,
    kind: input.kind!,
    text,
    procedure: input.kind === 'special_procedure_started' ? input.procedure : '',
    plannedWorkingDays: input.kind === 'special_procedure_started' ? input.plannedWorkingDays : 0,
    by: input.by,
    at: input.at,
  });
  const escalation: Escalation = {
    ...e,
    legs,
    updates: [...e.updates, u],
    lastSequence: input.sequence,
    updatedAt: input.at,
  };
  return { escalation, events: [{ type: 'EscalationStatusReported', escalation, update: u }, ...events] };
}

/**
 * A department system takes the decision task (DepartmentSystemService.ClaimTask): the task and the handling leg then
 * belong to its account. Its own claim again changes nothing; another's claim is TASK_CLAIMED.
 */
export function claimDecisionTask(e: Escalation, claimant: string, at: Date, handlerName: string): EscalationChange {
  requireState(e, ['in_handling', 'returned']);
  const task = e.task;
  if (!task) throw new NotFoundError('TASK_NOT_FOUND', '找不到该任务');
  if (task.state === 'claimed' && task.assignee === claimant) return { escalation: e, events: [] };
  if (task.state === 'claimed') {
    throw new PreconditionError('TASK_CLAIMED', '该任务已由他人认领', { claimedBy: task.assignee });
  }
  if (task.state !== 'open') throw new PreconditionError('WRONG_STATE', '该任务已办结或已取消');
  const claimed = claimedTask(task, claimant, at, handlerName);
  const leg = openLeg(e, 'escalation_handling');
  const legs = leg ? replaceLeg(e, handLeg(leg, claimant)) : e.legs;
  return { escalation: { ...e, task: claimed, legs, updatedAt: at }, events: [{ type: 'TaskClaimed', task: claimed }] };
}

export interface DecideInput {
  outcome: 'approved' | 'denied' | undefined;
  reasons: string[];
  remedies: string[];
  documentNumber: string;
  handlerName: string;
  source: TaskDecision['source'];
  /** Files given with the decision (the decision document …), checked by the use case. */
  attachments?: Attachment[];
  sequence: number;
  by: string;
  at: Date;
}

/** The parent's department decides: → DECIDED, the task is done, the handling leg finishes, the decision goes down. */
export function decideEscalation(e: Escalation, input: DecideInput): EscalationChange {
  requireState(e, ['in_handling']);
  const v = decisionViolations(input);
  if (v.length > 0) throw new ValidationError(v);
  const decision: TaskDecision = {
    outcome: input.outcome!,
    reasons: input.reasons.map(maskText),
    remedies: input.remedies.length > 0 || input.outcome === 'approved' ? input.remedies : DEFAULT_REMEDIES,
    documentNumber: input.documentNumber,
    attachments: input.attachments ?? [],
    decidedBy: input.by,
    handlerName: input.handlerName,
    decidedAt: input.at,
    source: input.source,
  };
  const events: EscalationEvent[] = [];
  let legs = e.legs;
  const leg = openLeg(e, 'escalation_handling');
  if (leg) {
    const finished = finishLeg(leg, 'completed', input.at, input.by);
    legs = replaceLeg(e, finished);
    events.push({ type: 'LegFinished', leg: finished });
  }
  const task: Task | undefined = e.task && {
    ...e.task,
    state: 'done',
    closedAt: input.at,
    version: e.task.version + 1,
  };
  if (task) events.unshift({ type: 'TaskCompleted', task });
  const u = update({
    sequence: input.sequence,
    kind: 'decided',
    decision,
    attachments: decision.attachments,
    by: input.by,
    at: input.at,
  });
  const escalation: Escalation = {
    ...e,
    state: 'decided',
    decision,
    decidedAt: input.at,
    legs,
    task,
    updates: [...e.updates, u],
    lastSequence: input.sequence,
    updatedAt: input.at,
  };
  return { escalation, events: [{ type: 'EscalationDecided', escalation, update: u }, ...events] };
}

/** The case ended at the lower center: → WITHDRAWN; the handling leg and the task are cancelled. Idempotent. */
export function withdrawReceiver(e: Escalation, reason: string, at: Date): EscalationChange {
  if (e.state === 'withdrawn') return { escalation: e, events: [] };
  requireState(e, ['transferring', 'in_handling', 'returned']);
  const v: Violation[] = [];
  const why = freeText(v, 'reason', reason, { label: '撤回原因', min: 1, max: MAX_REASON });
  if (v.length > 0) throw new ValidationError(v);
  const events: EscalationEvent[] = [];
  let legs = e.legs;
  const leg = openLeg(e, 'escalation_handling');
  if (leg) {
    const cancelled = finishLeg(leg, 'cancelled', at, 'system');
    legs = replaceLeg(e, cancelled);
    events.push({ type: 'LegFinished', leg: cancelled });
  }
  const task: Task | undefined = e.task && {
    ...e.task,
    state: 'cancelled',
    closedAt: at,
    note: why,
    version: e.task.version + 1,
  };
  if (task && e.task?.state !== 'done') events.unshift({ type: 'TaskCancelled', task, reason: why });
  const escalation: Escalation = { ...e, state: 'withdrawn', withdrawnReason: why, legs, task, updatedAt: at };
  return { escalation, events: [{ type: 'EscalationWithdrawn', escalation }, ...events] };
}
