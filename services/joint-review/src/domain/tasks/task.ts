import type { Violation } from '@govhall/errors';

/** The work handed to one department, whichever flow it comes from (tasks.proto). */
export type TaskKind = 'co_review' | 'delegated_decision' | 'escalation_decision';
export type TaskState = 'waiting' | 'open' | 'claimed' | 'done' | 'cancelled';
export type AssignmentBasis = 'window_lead' | 'assigned' | 'claimed';
export type OpinionKind = 'agree' | 'disagree' | 'agree_with_conditions';
export type WorkSource = 'workbench' | 'department_system' | 'meeting' | 'case_stream';
export type DecisionOutcome = 'approved' | 'denied';

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface Opinion {
  kind: OpinionKind;
  text: string;
  reasons: string[];
  conditions: string[];
  attachments: Attachment[];
  givenBy: string;
  handlerName: string;
  givenAt: Date;
  source: WorkSource;
  meetingId: string;
  /** A department system's idempotency key (DepartmentSystemService.SubmitOpinion); stored, never shown. */
  requestId?: string;
}

/** A department's decision on a delegated (or escalated) case (tasks.proto TaskDecision). */
export interface TaskDecision {
  outcome: DecisionOutcome;
  reasons: string[];
  remedies: string[];
  documentNumber: string;
  attachments: Attachment[];
  decidedBy: string;
  handlerName: string;
  decidedAt: Date;
  source: WorkSource;
}

export interface Task {
  id: string;
  kind: TaskKind;
  tenant: string;
  department: string;
  aggregateId: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  stage: number;
  required: boolean;
  state: TaskState;
  assignee: string;
  assignmentBasis?: AssignmentBasis;
  budgetWorkingDays: number;
  dueDate: string;
  legId: string;
  opinion?: Opinion;
  /** DELEGATED_DECISION / ESCALATION_DECISION: the decision, once DONE. */
  decision?: TaskDecision;
  openedAt?: Date;
  claimedAt?: Date;
  /** J11: the department's part of the consolidated form as its flow named it (dotted paths); absent: the whole. */
  formFields?: string[];
  /** J11: the materials marked for the department as its flow named them; absent: all. */
  materialIds?: string[];
  /** The person in the department system who claimed it (DepartmentSystemService.ClaimTask); stored, not shown. */
  claimHandlerName?: string;
  closedAt?: Date;
  note: string;
  version: number;
}

/** What a department says, before the service adds who, when and where. */
export interface OpinionInput {
  kind: OpinionKind | undefined;
  text: string;
  reasons: string[];
  conditions: string[];
}

const MAX_TEXT = 2000;
const MAX_LINE = 500;
const MAX_LINES = 20;

/** Lines of reasons, conditions …: at most 20, none blank, each at most 500 characters; `required`: at least one. */
export function checkLines(v: Violation[], path: string, lines: string[], what: string, required = false): void {
  if (required && lines.length === 0) v.push({ path, message: `请至少填写一条${what}`, reason: 'REQUIRED' });
  if (lines.length > MAX_LINES) v.push({ path, message: `${what}最多${MAX_LINES}条`, reason: 'TOO_MANY' });
  lines.forEach((line, i) => {
    if (line.trim() === '') v.push({ path: `${path}.${i}`, message: `${what}不能为空白`, reason: 'REQUIRED' });
    else if (line.length > MAX_LINE) {
      v.push({ path: `${path}.${i}`, message: `每条${what}最多${MAX_LINE}个字符`, reason: 'TOO_LONG' });
    }
  });
}

/** A decision (an escalation's at the parent, a delegated case's by its department): an outcome, reasons for a denial. */
export function decisionViolations(input: {
  outcome: DecisionOutcome | undefined;
  reasons: string[];
  remedies: string[];
  documentNumber: string;
}): Violation[] {
  const v: Violation[] = [];
  if (!input.outcome) v.push({ path: 'outcome', message: '请选择决定结果：准予或不予许可', reason: 'REQUIRED' });
  checkLines(v, 'reasons', input.reasons, '理由', input.outcome === 'denied');
  checkLines(v, 'remedies', input.remedies, '救济途径', false);
  if (input.documentNumber.length > 100) {
    v.push({ path: 'documentNumber', message: '决定文书编号最多100个字符', reason: 'TOO_LONG' });
  }
  return v;
}

/** J1: 同意 / 不同意 (with reasons) / 附条件同意 (with conditions); every problem with its field, in Chinese. */
export function validateOpinion(input: OpinionInput): Violation[] {
  const v: Violation[] = [];
  if (!input.kind) v.push({ path: 'kind', message: '请选择审查意见：同意、不同意或附条件同意', reason: 'REQUIRED' });
  if (input.text.trim() === '') {
    v.push({ path: 'text', message: '请填写审查意见', reason: 'REQUIRED' });
  } else if (input.text.length > MAX_TEXT) {
    v.push({ path: 'text', message: `审查意见最多${MAX_TEXT}个字符`, reason: 'TOO_LONG' });
  }
  checkLines(v, 'reasons', input.reasons, '理由');
  checkLines(v, 'conditions', input.conditions, '条件');
  if (input.kind === 'disagree' && input.reasons.length === 0) {
    v.push({ path: 'reasons', message: '不同意的，应当说明理由', reason: 'REQUIRED' });
  }
  if (input.kind === 'agree_with_conditions' && input.conditions.length === 0) {
    v.push({ path: 'conditions', message: '附条件同意的，应当写明条件', reason: 'REQUIRED' });
  }
  return v;
}

const MAX_HANDLER = 100;

/** The person a department system names for its act (name and staff number), 1-100 characters. */
export function validateHandlerName(handlerName: string, path = 'handlerName'): Violation[] {
  if (handlerName.trim() === '') {
    return [{ path, message: '请填写部门系统中的经办人（姓名和工号）', reason: 'REQUIRED' }];
  }
  if (handlerName.length > MAX_HANDLER) {
    return [{ path, message: `经办人最多${MAX_HANDLER}个字符`, reason: 'TOO_LONG' }];
  }
  return [];
}

export const isOpenTask = (t: Task): boolean => t.state === 'open' || t.state === 'claimed';

/** The task taken by `claimant` (a person, or a department system naming its handler). */
export function claimedTask(task: Task, claimant: string, at: Date, handlerName?: string): Task {
  return {
    ...task,
    state: 'claimed',
    assignee: claimant,
    assignmentBasis: 'claimed',
    claimedAt: at,
    claimHandlerName: handlerName?.trim() || undefined,
    version: task.version + 1,
  };
}

/** Earliest due date first (a task without one last), then by id: the order of every task list. */
export function byDueDate(a: Task, b: Task): number {
  const due = (t: Task) => t.dueDate || '9999-99-99';
  return due(a).localeCompare(due(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
