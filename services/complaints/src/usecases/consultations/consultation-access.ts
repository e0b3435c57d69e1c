import { hasAnyRole, tenantScope, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { maskedForReaders, type Consultation } from '../../domain/consultations/consultation';

/** Roles of a department's staff who answer its items' questions. */
export const ANSWERING_ROLES: readonly Role[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];
/** Roles that read every consultation of a tenant they reach. */
const OVERSEERS: readonly Role[] = ['center_admin', 'supervisor'];

const isUser = (actor: Principal | undefined): actor is Principal => actor?.kind === 'user';

/** Whether `actor` answers `c`: the item's department's staff (and the center); the center for the mailbox. */
export function answers(actor: Principal | undefined, c: Consultation): boolean {
  if (!isUser(actor) || actor.tenant !== c.tenant) return false;
  if (hasAnyRole(actor, ['center_admin'])) return true;
  return c.kind === 'question' && hasAnyRole(actor, ANSWERING_ROLES) && actor.department === c.department;
}

const isAsker = (actor: Principal | undefined, c: Consultation) =>
  isUser(actor) && !!c.asker.subject && actor.subject === c.asker.subject;

/** Whether `actor` reads `c` (C21): its asker and answering staff, overseers; a public answered one any user. */
export function mayRead(actor: Principal | undefined, c: Consultation): boolean {
  if (!isUser(actor)) return false;
  if (isAsker(actor, c) || answers(actor, c)) return true;
  const overseer = OVERSEERS.filter((r) => actor.roles.includes(r));
  if (overseer.length > 0 && tenantScope(actor, overseer, 'read', c.tenant)) return true;
  return c.visibility === 'public' && c.status === 'answered';
}

/** `c` as `actor` reads it: whole for its asker and answering staff, the asker's name masked for anyone else. */
export function visibleTo(actor: Principal | undefined, c: Consultation): Consultation {
  return isAsker(actor, c) || answers(actor, c) ? c : maskedForReaders(c);
}

export function requireAnswerer(actor: Principal | undefined, c: Consultation): Principal {
  if (!answers(actor, c)) {
    throw new ForbiddenError(
      'NOT_ANSWERER',
      c.kind === 'mailbox' ? '领导信箱的来信由中心管理员答复' : '只有该事项所属部门的工作人员可以答复',
    );
  }
  return actor!;
}

/** Curating into the FAQ: the item's department head, or the center. */
export function requireCurator(actor: Principal | undefined, c: Consultation): Principal {
  const ok =
    isUser(actor) &&
    actor.tenant === c.tenant &&
    (hasAnyRole(actor, ['center_admin']) ||
      (hasAnyRole(actor, ['department_head']) && actor.department === c.department));
  if (!ok) throw new ForbiddenError('NOT_CURATOR', '只有该事项所属部门的负责人或中心管理员可以整理常见问题');
  return actor!;
}
