import type { Violation } from '@govhall/errors';

/** One co-department of an item's joint flow (J13). */
export interface FlowParticipant {
  department: string;
  /** 1 …: departments of a stage review in parallel, stages in order (all 1: 并联; 1, 2, 3: 串联). */
  stage: number;
  budgetWorkingDays: number;
  /** False: 征求意见 — asked for, not waited for. */
  required: boolean;
  /** J11: the department's part of the consolidated form (dotted paths); empty: the whole form. */
  formFields: string[];
  /** The materials marked for the department; empty: all. */
  materialIds: string[];
}

export interface JointFlow {
  tenant: string;
  itemSeriesId: string;
  itemName: string;
  leadDepartment: string;
  leadWindowId: string;
  participants: FlowParticipant[];
  meetingExpected: boolean;
  /** False: nothing configured, the default flow. */
  configured: boolean;
  version: number;
  updatedBy: string;
  updatedAt?: Date;
}

export const MAX_BUDGET_WORKING_DAYS = 60;
export const MAX_STAGES = 10;

/** The flow used when an item has none configured: every co-department at once, the tenant's default budget. */
export function defaultFlow(input: {
  tenant: string;
  itemSeriesId: string;
  itemName: string;
  leadDepartment: string;
  leadWindowId: string;
  coDepartments: readonly string[];
  defaultBudgetWorkingDays: number;
}): JointFlow {
  return {
    tenant: input.tenant,
    itemSeriesId: input.itemSeriesId,
    itemName: input.itemName,
    leadDepartment: input.leadDepartment,
    leadWindowId: input.leadWindowId,
    participants: [...new Set(input.coDepartments)]
      .filter((d) => d !== input.leadDepartment)
      .map((department) => ({
        department,
        stage: 1,
        budgetWorkingDays: input.defaultBudgetWorkingDays,
        required: true,
        formFields: [],
        materialIds: [],
      })),
    meetingExpected: false,
    configured: false,
    version: 0,
    updatedBy: '',
  };
}

/**
 * J13: a flow names only the item's co-departments, once each, in stages 1, 2, … without a gap, each budget 1 … 60
 * working days, and the stages (each as long as its longest budget) fit in the item's promised limit.
 */
export function validateFlowParticipants(
  participants: readonly FlowParticipant[],
  item: { coDepartments: readonly string[]; promisedWorkingDays: number },
): Violation[] {
  const v: Violation[] = [];
  if (participants.length === 0) {
    v.push({ path: 'participants', message: '联办流程至少应有一个协办部门', reason: 'REQUIRED' });
  }
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    const at = `participants.${i}`;
    if (!item.coDepartments.includes(p.department)) {
      v.push({ path: `${at}.department`, message: '该部门不是本事项的协办部门', reason: 'NOT_A_CO_DEPARTMENT' });
    } else if (seen.has(p.department)) {
      v.push({ path: `${at}.department`, message: '同一部门只能出现一次', reason: 'DUPLICATE' });
    }
    seen.add(p.department);
    if (!Number.isInteger(p.stage) || p.stage < 1 || p.stage > MAX_STAGES) {
      v.push({ path: `${at}.stage`, message: `环节序号应为1至${MAX_STAGES}`, reason: 'OUT_OF_RANGE' });
    }
    if (
      !Number.isInteger(p.budgetWorkingDays) ||
      p.budgetWorkingDays < 1 ||
      p.budgetWorkingDays > MAX_BUDGET_WORKING_DAYS
    ) {
      v.push({
        path: `${at}.budgetWorkingDays`,
        message: `审查时限应为1至${MAX_BUDGET_WORKING_DAYS}个工作日`,
        reason: 'OUT_OF_RANGE',
      });
    }
  });
  const stages = [...new Set(participants.map((p) => p.stage))].sort((a, b) => a - b);
  if (stages.some((s, i) => s !== i + 1)) {
    v.push({ path: 'participants', message: '环节序号应从1开始连续编排，不能跳号', reason: 'STAGE_GAP' });
  }
  const total = stages.reduce(
    (sum, s) => sum + Math.max(...participants.filter((p) => p.stage === s).map((p) => p.budgetWorkingDays)),
    0,
  );
  if (participants.length > 0 && total > item.promisedWorkingDays) {
    v.push({
      path: 'participants',
      message: `各环节审查时限合计${total}个工作日，超过事项承诺时限${item.promisedWorkingDays}个工作日`,
      reason: 'BUDGET_EXCEEDS_LIMIT',
    });
  }
  return v;
}

/** What the center sets on an item's flow (PutJointFlow). */
export interface JointFlowContent {
  leadDepartment: string;
  leadWindowId: string;
  participants: FlowParticipant[];
  meetingExpected: boolean;
}

/** What identity and the catalogue say of what a flow names. */
export interface FlowFacts {
  coDepartments: readonly string[];
  promisedWorkingDays: number;
  /** The item's implementing department: the lead when the flow designates none. */
  itemDepartment: string;
  /** Whether the designated lead department is one of the tenant's. */
  leadDepartmentKnown: boolean;
  /** The department of the designated lead window (null: no such window of the tenant). */
  leadWindowDepartment: string | null;
}

const FORM_FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export const MAX_LIST_ENTRIES = 100;

/** J13 on the whole flow: the participants' rules, the lead designated within the tenant, form parts well formed. */
export function validateJointFlow(content: JointFlowContent, facts: FlowFacts): Violation[] {
  const v = validateFlowParticipants(content.participants, facts);
  if (content.leadDepartment && !facts.leadDepartmentKnown) {
    v.push({ path: 'leadDepartment', message: '主办部门不是本地区的部门', reason: 'UNKNOWN' });
  }
  if (content.leadWindowId) {
    const lead = content.leadDepartment || facts.itemDepartment;
    if (facts.leadWindowDepartment === null || facts.leadWindowDepartment !== lead) {
      v.push({ path: 'leadWindowId', message: '主办窗口不是主办部门的窗口', reason: 'UNKNOWN' });
    }
  }
  content.participants.forEach((p, i) => {
    if (p.formFields.length > MAX_LIST_ENTRIES || p.formFields.some((f) => !FORM_FIELD.test(f))) {
      v.push({
        path: `participants.${i}.formFields`,
        message: '表单字段应为以点分隔的字段路径（如 fire.exits）',
        reason: 'PATTERN',
      });
    }
    if (p.materialIds.length > MAX_LIST_ENTRIES || p.materialIds.some((m) => m.trim() === '' || m.length > 64)) {
      v.push({ path: `participants.${i}.materialIds`, message: '材料编号不正确', reason: 'PATTERN' });
    }
  });
  return v;
}

/** The flow as the center set it: configured, a new version, who and when. */
export function putJointFlow(
  current: Pick<JointFlow, 'tenant' | 'itemSeriesId' | 'version'>,
  content: JointFlowContent,
  itemName: string,
  by: string,
  at: Date,
): JointFlow {
  return {
    tenant: current.tenant,
    itemSeriesId: current.itemSeriesId,
    itemName,
    leadDepartment: content.leadDepartment,
    leadWindowId: content.leadWindowId,
    participants: content.participants.map((p) => ({
      department: p.department,
      stage: p.stage,
      budgetWorkingDays: p.budgetWorkingDays,
      required: p.required,
      formFields: [...p.formFields],
      materialIds: [...p.materialIds],
    })),
    meetingExpected: content.meetingExpected,
    configured: true,
    version: current.version + 1,
    updatedBy: by,
    updatedAt: at,
  };
}
