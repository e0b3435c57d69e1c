import { PreconditionError, type Violation as FieldViolation } from '@govhall/errors';
import { textViolations } from '@govhall/identifiers';

/** What a 督办 order is about (S9): a case, a seated department or a window. */
export type OrderTargetKind = 'case' | 'department' | 'window';

/**
 * issued (待办理, the clock runs) → replied (已答复, the clock stops) → closed (已办结), or → returned (已退回: the
 * reply was not enough, the clock runs again) → replied … (ADR 0044).
 */
export type OrderState = 'issued' | 'replied' | 'returned' | 'closed';

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  issued: '待办理',
  replied: '已答复',
  returned: '已退回',
  closed: '已办结',
};

export interface OrderReply {
  text: string;
  by: string;
  at: Date;
  /** China date of the reply: the day the clock stops. */
  date: string;
}

export interface OrderReturn {
  reason: string;
  by: string;
  at: Date;
}

/** A 督办 order (跟踪督办, S9): a supervisor's order with a deadline in working days, its replies and its closure. */
export interface SupervisionOrder {
  id: string;
  tenant: string;
  targetKind: OrderTargetKind;
  targetId: string;
  subject: string;
  requirement: string;
  deadlineWorkingDays: number;
  responsibleDepartment: string;
  /** Username; empty: the heads of the responsible department answer. */
  responsiblePerson: string;
  state: OrderState;
  issuedBy: string;
  issuedAt: Date;
  issuedDate: string;
  replies: OrderReply[];
  returns: OrderReturn[];
  closedBy: string;
  closedAt?: Date;
  closingNote: string;
  version: number;
}

/** Which event a change of the order publishes. */
export type OrderEvent = 'issued' | 'replied' | 'returned' | 'closed';

export interface OrderChange {
  order: SupervisionOrder;
  event: OrderEvent;
}

export const MAX_DEADLINE_WORKING_DAYS = 60;
const TARGET_ID = /^[A-Za-z0-9._-]{1,64}$/;
const DEPARTMENT = /^\d{6}(\d{3}){0,2}-[A-Z0-9]{1,16}$/;
const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;

export interface IssueInput {
  tenant: string;
  targetKind: OrderTargetKind | undefined;
  targetId: string;
  subject: string;
  requirement: string;
  deadlineWorkingDays: number;
  responsibleDepartment: string;
  responsiblePerson: string;
}

/** Every problem of an order's form, with its field, in Chinese (nothing is read yet). */
export function issueProblems(input: IssueInput): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (!input.targetKind) {
    problems.push({ path: 'targetKind', reason: 'REQUIRED', message: '请选择督办对象类型（办件、部门或窗口）' });
  }
  if (!TARGET_ID.test(input.targetId)) {
    problems.push({
      path: 'targetId',
      reason: 'PATTERN',
      message: '督办对象标识应为1至64位字母、数字、点、下划线或连字符',
    });
  } else if (input.targetKind === 'department' && input.targetId !== input.responsibleDepartment) {
    problems.push({ path: 'targetId', reason: 'MISMATCH', message: '督办部门时，督办对象应与责任部门一致' });
  }
  problems.push(...textViolations('subject', input.subject, { label: '督办事由', min: 1, max: 100 }));
  problems.push(
    ...textViolations('requirement', input.requirement, { label: '督办要求', min: 1, max: 2000, multiline: true }),
  );
  if (
    !Number.isInteger(input.deadlineWorkingDays) ||
    input.deadlineWorkingDays < 1 ||
    input.deadlineWorkingDays > MAX_DEADLINE_WORKING_DAYS
  ) {
    problems.push({
      path: 'deadlineWorkingDays',
      reason: 'RANGE',
      message: `办理期限应为1至${MAX_DEADLINE_WORKING_DAYS}个工作日`,
    });
  }
  if (!DEPARTMENT.test(input.responsibleDepartment)) {
    problems.push({ path: 'responsibleDepartment', reason: 'PATTERN', message: '责任部门代码格式不正确' });
  } else if (!input.responsibleDepartment.startsWith(`${input.tenant}-`)) {
    problems.push({ path: 'responsibleDepartment', reason: 'OTHER_TENANT', message: '责任部门应为本级进驻部门' });
  }
  if (input.responsiblePerson && !USERNAME.test(input.responsiblePerson)) {
    problems.push({ path: 'responsiblePerson', reason: 'PATTERN', message: '责任人账号格式不正确' });
  }
  return problems;
}

/** A new order, issued now (version 1). The form must have passed `issueProblems`. */
export function issueOrder(
  input: IssueInput & { targetKind: OrderTargetKind },
  at: { id: string; by: string; now: Date; today: string },
): OrderChange {
  return {
    event: 'issued',
    order: {
      id: at.id,
      tenant: input.tenant,
      targetKind: input.targetKind,
      targetId: input.targetId,
      subject: input.subject.normalize('NFC').trim(),
      requirement: input.requirement.normalize('NFC').replace(/\r\n?/g, '\n').trim(),
      deadlineWorkingDays: input.deadlineWorkingDays,
      responsibleDepartment: input.responsibleDepartment,
      responsiblePerson: input.responsiblePerson,
      state: 'issued',
      issuedBy: at.by,
      issuedAt: at.now,
      issuedDate: at.today,
      replies: [],
      returns: [],
      closedBy: '',
      closingNote: '',
      version: 1,
    },
  };
}

function wrongState(order: SupervisionOrder, code: string, expected: string): PreconditionError {
  return new PreconditionError(code, `督办事项当前为「${ORDER_STATE_LABELS[order.state]}」，${expected}`, {
    state: order.state,
  });
}

/** Text of a reply, a return or a closing note: every problem at `path`. */
export function noteProblems(path: string, text: string, label: string, required: boolean): FieldViolation[] {
  return textViolations(path, text, { label, min: required ? 1 : 0, max: 2000, multiline: true });
}

/** 办理情况: the addressee replies to an order waiting for it (issued or returned); the clock stops. */
export function replyToOrder(order: SupervisionOrder, text: string, at: { by: string; now: Date; today: string }) {
  if (order.state !== 'issued' && order.state !== 'returned') {
    throw wrongState(order, 'ORDER_NOT_AWAITING_REPLY', '只有待办理或已退回的督办事项可以答复');
  }
  const reply: OrderReply = { text: text.normalize('NFC').trim(), by: at.by, at: at.now, date: at.today };
  return change(order, 'replied', { state: 'replied', replies: [...order.replies, reply] });
}

/** The supervisor finds the reply not enough: the order waits for another reply and its clock runs again. */
export function returnOrder(order: SupervisionOrder, reason: string, at: { by: string; now: Date }) {
  if (order.state !== 'replied') throw wrongState(order, 'ORDER_NOT_REPLIED', '只有已答复的督办事项可以退回');
  const back: OrderReturn = { reason: reason.normalize('NFC').trim(), by: at.by, at: at.now };
  return change(order, 'returned', { state: 'returned', returns: [...order.returns, back] });
}

/** The supervisor accepts the reply and closes the order (办结). */
export function closeOrder(order: SupervisionOrder, note: string, at: { by: string; now: Date }) {
  if (order.state !== 'replied') throw wrongState(order, 'ORDER_NOT_REPLIED', '只有已答复的督办事项可以办结');
  return change(order, 'closed', {
    state: 'closed',
    closedBy: at.by,
    closedAt: at.now,
    closingNote: note.normalize('NFC').trim(),
  });
}

function change(order: SupervisionOrder, event: OrderEvent, patch: Partial<SupervisionOrder>): OrderChange {
  return { event, order: { ...order, ...patch, version: order.version + 1 } };
}
