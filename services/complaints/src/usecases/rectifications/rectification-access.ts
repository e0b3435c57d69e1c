import { hasAnyRole, tenantScope, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import type { Rectification, RectificationStatus } from '../../domain/rectifications/rectification';
import type { RectificationFilter } from './ports';

/** Roles that read every rectification of a tenant they reach (their own; supervisors and center administrators, below). */
const WHOLE_TENANT: readonly Role[] = ['center_admin', 'supervisor', 'complaint_handler'];

const isHead = (actor: Principal, r: Pick<Rectification, 'tenant' | 'department'>) =>
  actor.kind === 'user' &&
  hasAnyRole(actor, ['department_head']) &&
  actor.tenant === r.tenant &&
  !!actor.department &&
  actor.department === r.department;

const isHandler = (actor: Principal, r: Pick<Rectification, 'tenant' | 'handler'>) =>
  actor.kind === 'user' && actor.tenant === r.tenant && !!r.handler && actor.username === r.handler;

/** Whether `actor` reads `r`: the tenant's supervision office, administrators, complaint handlers; the head; the handler. */
export function mayRead(actor: Principal, r: Rectification): boolean {
  if (actor.kind !== 'user') return false;
  const whole = WHOLE_TENANT.filter((role) => actor.roles.includes(role));
  if (whole.length > 0 && tenantScope(actor, whole, 'read', r.tenant)) return true;
  return isHead(actor, r) || isHandler(actor, r);
}

/** Naming the handler: the rated department's head, or a center administrator of the tenant. */
export function requireMayAssign(actor: Principal, r: Rectification): void {
  const admin =
    hasAnyRole(actor, ['center_admin']) && tenantScope(actor, ['center_admin'], 'write', r.tenant) === 'OWN_TENANT';
  if (!isHead(actor, r) && !admin) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有被评价部门的负责人或中心管理员可以指派整改处理人');
  }
}

/** Calling back and concluding: the assigned handler, or the department's head. */
export function requireMayWork(actor: Principal, r: Rectification): void {
  if (!isHead(actor, r) && !isHandler(actor, r)) {
    throw new ForbiddenError('NOT_HANDLER', '只有整改处理人或被评价部门的负责人可以办理该差评整改');
  }
}

/** Deciding an appeal: the supervision office (supervisors) of the tenant. */
export function requireMayDecideAppeal(actor: Principal, r: Rectification): void {
  const supervisor = hasAnyRole(actor, ['supervisor']) && tenantScope(actor, ['supervisor'], 'write', r.tenant);
  if (actor.kind !== 'user' || supervisor !== 'OWN_TENANT') {
    throw new ForbiddenError('ROLE_REQUIRED', '只有本地区的监察人员（效能监督部门）可以审核申诉');
  }
}

/** What a list asks for. */
export interface RectificationListRequest {
  /** Empty: the caller's tenant. */
  tenant: string;
  statuses: RectificationStatus[];
  department: string;
  handler: string;
  overdueOnly: boolean;
}

/**
 * The list `actor` may read: the whole tenant for the supervision office, administrators and complaint handlers (and
 * those below, supervising); a department head their department; anyone else the rectifications assigned to them.
 * Asking beyond that is refused, not narrowed silently.
 */
export function listFilterFor(actor: Principal, request: RectificationListRequest, today: string): RectificationFilter {
  if (actor.kind !== 'user') throw new ForbiddenError('ROLE_REQUIRED', '只有工作人员可以查看差评整改');
  const tenant = request.tenant || actor.tenant;
  const filter: RectificationFilter = {
    tenant,
    statuses: [...new Set(request.statuses)],
    department: request.department,
    handler: request.handler,
    ...(request.overdueOnly ? { overdueOn: today } : {}),
  };
  const whole = WHOLE_TENANT.filter((role) => actor.roles.includes(role));
  if (whole.length > 0) {
    if (!tenantScope(actor, whole, 'read', tenant)) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区（及下级地区）的差评整改');
    }
    return filter;
  }
  if (tenant !== actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区的差评整改');
  if (hasAnyRole(actor, ['department_head']) && actor.department) {
    if (request.department && request.department !== actor.department) {
      throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '部门负责人只能查看本部门的差评整改');
    }
    return { ...filter, department: actor.department };
  }
  if (request.handler && request.handler !== actor.username) {
    throw new ForbiddenError('STAFF_OUT_OF_SCOPE', '只能查看指派给本人的差评整改');
  }
  return { ...filter, handler: actor.username };
}
