import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import type { SupervisionOrder } from '../../domain/orders/supervision-order';
import { canRead } from '../violations/violation.access';

/**
 * Who reaches a 督办 order: its readers (supervisors and center admins of its tenant or a tenant above, ops_admin,
 * service accounts; violation.access) and its addressee (below). Issuing, closing and returning: a supervisor of
 * the order's own tenant (requireHandler).
 */

/** The responsible person, or — with no person named — a head of the responsible department, of the order's tenant. */
export function isAddressee(actor: Principal, order: SupervisionOrder): boolean {
  if (actor.tenant !== order.tenant) return false;
  if (order.responsiblePerson) return actor.username === order.responsiblePerson;
  return actor.department === order.responsibleDepartment && hasAnyRole(actor, ['department_head']);
}

export const orderNotFound = () => new NotFoundError('ORDER_NOT_FOUND', '未找到该督办事项');

/** The order when the caller may read it; otherwise it answers as one that does not exist. */
export function readableOrder(actor: Principal, order: SupervisionOrder | null): SupervisionOrder {
  if (!order || !(canRead(actor, order.tenant) || isAddressee(actor, order))) throw orderNotFound();
  return order;
}

export function requireAddressee(actor: Principal, order: SupervisionOrder): void {
  if (!isAddressee(actor, order)) {
    throw new ForbiddenError('ORDER_REPLY_FORBIDDEN', '只有督办事项的责任人（未指定时为责任部门负责人）可以答复');
  }
}
