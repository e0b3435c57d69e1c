import type { StaffRole } from '@govhall/auth';
import type { ItemContent } from '../item-content';
import type { HandlingCategory } from '../item';
import { filled, Violations } from './violations';

/**
 * @govhall/auth's STAFF_ROLES with their Chinese names. The domain may not import values from @govhall/auth (it
 * loads the token verifier), so the list is restated as a record the compiler checks against StaffRole: a role
 * missing here or unknown there does not compile.
 */
export const STEP_ROLES: Record<StaffRole, string> = {
  window_clerk: '窗口受理人员',
  reviewer: '审查人员',
  approver: '审批人员',
  department_head: '部门负责人',
  center_admin: '中心管理员',
  supervisor: '监察人员',
  complaint_handler: '投诉处理人员',
  finance_reconciler: '财务对账人员',
  ops_admin: '运维管理员',
};

/** Mobile (1[3-9] + 9 digits) or landline with area code (0 + 2-3 digits, optional hyphen, 7-8 digits). */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const MAX_STEPS = 20;

export function checkWorkflowShape(content: ItemContent, v: Violations): void {
  v.maxEntries('content.workflow', content.workflow, '办理环节', MAX_STEPS);
  content.workflow.forEach((step, i) => {
    const path = `content.workflow.${i}`;
    v.maxLength(`${path}.name`, step.name, '环节名称', 50);
    if (step.role !== '') v.oneOf(`${path}.role`, step.role, '环节角色', STEP_ROLES);
    v.integerIn(`${path}.budgetWorkingDays`, step.budgetWorkingDays, '环节时限（工作日）', 0, 1000);
    v.maxLength(`${path}.responsibleName`, step.responsibleName, '环节责任人', 50);
    v.maxLength(`${path}.responsiblePhone`, step.responsiblePhone, '责任人电话', 20);
  });
}

/**
 * Every step has a role, a budget (at least one working day unless the item is immediate) and a named person
 * with a phone; the budgets fit in the promised limit. Budgets are working days: against a promise in natural
 * days the comparison is necessary, not sufficient (N working days never take fewer than N natural days).
 */
export function checkWorkflowComplete(
  item: { handlingCategory: HandlingCategory; content: ItemContent },
  v: Violations,
): void {
  const { workflow, promisedLimit } = item.content;
  const immediate = item.handlingCategory === 'immediate';
  if (workflow.length === 0) {
    v.add('content.workflow', 'REQUIRED', '请至少填写一个办理环节（如受理、审查、决定、制证、送达）');
    return;
  }
  workflow.forEach((step, i) => {
    const path = `content.workflow.${i}`;
    if (!filled(step.name)) v.add(`${path}.name`, 'REQUIRED', '请填写环节名称');
    if (step.role === '') v.add(`${path}.role`, 'REQUIRED', '请选择承办该环节的角色');
    if (!immediate && step.budgetWorkingDays === 0) {
      v.add(`${path}.budgetWorkingDays`, 'RANGE', '承诺件各环节时限应至少为1个工作日');
    }
    if (!filled(step.responsibleName)) v.add(`${path}.responsibleName`, 'REQUIRED', '请填写该环节的责任人姓名');
    if (!filled(step.responsiblePhone)) {
      v.add(`${path}.responsiblePhone`, 'REQUIRED', '请填写责任人联系电话');
    } else if (!PHONE.test(step.responsiblePhone.trim())) {
      v.add(`${path}.responsiblePhone`, 'PATTERN', '责任人电话应为11位手机号或带区号的固定电话（如 0935-7521234）');
    }
  });
  const total = workflow.reduce((sum, step) => sum + step.budgetWorkingDays, 0);
  if (Number.isSafeInteger(total) && total > promisedLimit.days) {
    v.add(
      'content.workflow',
      'BUDGET_EXCEEDS_PROMISE',
      `各环节时限合计${total}个工作日，超过承诺时限${promisedLimit.days}天，请压缩环节时限或调整承诺时限`,
    );
  }
}
