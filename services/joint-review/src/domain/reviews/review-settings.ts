import type { Violation } from '@govhall/errors';
import type { LeadRule } from './joint-review';

/** J3: where a lower center department's escalated cases go at the parent tenant. */
export interface EscalationRoute {
  department: string;
  targetDepartment: string;
}

/** What the center sets (JointReviewSettings without tenant, version and audit). */
export interface ReviewSettingsContent {
  /** J9: a lead designated per item (篇一, the default) or the first receiving window (篇六 首办责任制). */
  leadRule: LeadRule;
  /** A co-department's budget when the item has no flow configured (1 … 60 working days). */
  defaultReviewWorkingDays: number;
  /** J3: the lower center's forwarding budget; 0 = until the case's promised due date (ADR 0057). */
  escalationForwardWorkingDays: number;
  /** J3: a department's escalated cases go to this department of the parent tenant (fallback: same abbreviation). */
  escalationRoutes: EscalationRoute[];
  /** J7: the center's transfer and reply legs of a delegated case when the agreement sets none (1 … 10). */
  delegatedTransferWorkingDays: number;
  delegatedReplyWorkingDays: number;
}

/** Per-tenant settings of joint review (JointReviewSettings in the contract). */
export interface ReviewSettings extends ReviewSettingsContent {
  tenant: string;
  version: number;
  updatedBy: string;
  updatedAt?: Date;
}

export const DEFAULT_REVIEW_WORKING_DAYS = 5;
export const MAX_REVIEW_WORKING_DAYS = 60;
export const MAX_FORWARD_WORKING_DAYS = 60;
export const DEFAULT_DELEGATED_WORKING_DAYS = 1;
export const MAX_DELEGATED_WORKING_DAYS = 10;
export const MAX_ESCALATION_ROUTES = 200;

export function defaultReviewSettings(tenant: string): ReviewSettings {
  return {
    tenant,
    leadRule: 'designated_per_item',
    defaultReviewWorkingDays: DEFAULT_REVIEW_WORKING_DAYS,
    escalationForwardWorkingDays: 0,
    escalationRoutes: [],
    delegatedTransferWorkingDays: DEFAULT_DELEGATED_WORKING_DAYS,
    delegatedReplyWorkingDays: DEFAULT_DELEGATED_WORKING_DAYS,
    version: 0,
    updatedBy: '',
  };
}

/** What identity knows of the departments the routes name. */
export interface RouteFacts {
  /** Region code of the tenant's parent ('' at the top). */
  parentTenant: string;
  /** Whether the department belongs to the tenant / the target to the parent tenant. */
  isTenantDepartment(department: string): boolean;
  isParentDepartment(department: string): boolean;
}

function checkRange(v: Violation[], path: string, value: number, min: number, max: number, label: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    v.push({ path, message: `${label}应为${min}至${max}个工作日`, reason: 'OUT_OF_RANGE' });
  }
}

/**
 * The settings' rules: budgets in range; each route names a department of the tenant once, and a department of the
 * parent tenant as its target.
 */
export function validateReviewSettings(c: ReviewSettingsContent, facts: RouteFacts): Violation[] {
  const v: Violation[] = [];
  if (c.leadRule !== 'designated_per_item' && c.leadRule !== 'first_receiving_window') {
    v.push({ path: 'leadRule', message: '请选择牵头方式', reason: 'REQUIRED' });
  }
  checkRange(v, 'defaultReviewWorkingDays', c.defaultReviewWorkingDays, 1, MAX_REVIEW_WORKING_DAYS, '默认审查时限');
  checkRange(
    v,
    'escalationForwardWorkingDays',
    c.escalationForwardWorkingDays,
    0,
    MAX_FORWARD_WORKING_DAYS,
    '上报转报时限',
  );
  const delegated = MAX_DELEGATED_WORKING_DAYS;
  checkRange(v, 'delegatedTransferWorkingDays', c.delegatedTransferWorkingDays, 1, delegated, '代受理转办时限');
  checkRange(v, 'delegatedReplyWorkingDays', c.delegatedReplyWorkingDays, 1, delegated, '代受理回复时限');
  if (c.escalationRoutes.length > MAX_ESCALATION_ROUTES) {
    v.push({ path: 'escalationRoutes', message: `上报路由最多${MAX_ESCALATION_ROUTES}条`, reason: 'TOO_MANY' });
    return v;
  }
  if (c.escalationRoutes.length > 0 && !facts.parentTenant) {
    v.push({ path: 'escalationRoutes', message: '本地区没有上级政务服务中心，不能设置上报路由', reason: 'UNKNOWN' });
    return v;
  }
  const seen = new Set<string>();
  c.escalationRoutes.forEach((r, i) => {
    const at = `escalationRoutes.${i}`;
    if (!r.department || !facts.isTenantDepartment(r.department)) {
      v.push({ path: `${at}.department`, message: '该部门不是本地区的部门', reason: 'UNKNOWN' });
    } else if (seen.has(r.department)) {
      v.push({ path: `${at}.department`, message: '同一部门只能设置一条上报路由', reason: 'DUPLICATE' });
    }
    seen.add(r.department);
    if (!r.targetDepartment || !facts.isParentDepartment(r.targetDepartment)) {
      v.push({ path: `${at}.targetDepartment`, message: '接收部门不是上级地区的部门', reason: 'UNKNOWN' });
    }
  });
  return v;
}

/** The settings after the center's change: a new version, who and when. */
export function updateReviewSettings(
  current: ReviewSettings,
  content: ReviewSettingsContent,
  by: string,
  at: Date,
): ReviewSettings {
  return {
    tenant: current.tenant,
    leadRule: content.leadRule,
    defaultReviewWorkingDays: content.defaultReviewWorkingDays,
    escalationForwardWorkingDays: content.escalationForwardWorkingDays,
    escalationRoutes: content.escalationRoutes.map((r) => ({
      department: r.department,
      targetDepartment: r.targetDepartment,
    })),
    delegatedTransferWorkingDays: content.delegatedTransferWorkingDays,
    delegatedReplyWorkingDays: content.delegatedReplyWorkingDays,
    version: current.version + 1,
    updatedBy: by,
    updatedAt: at,
  };
}

/** J3: the configured route of a forwarding department ('' when none is set). */
export function configuredRoute(settings: Pick<ReviewSettings, 'escalationRoutes'>, department: string): string {
  return settings.escalationRoutes.find((r) => r.department === department)?.targetDepartment ?? '';
}
