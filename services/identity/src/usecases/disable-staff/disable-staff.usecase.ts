import type { Authorizer, Principal } from '@govhall/auth';
import { PreconditionError, ValidationError } from '@govhall/errors';
import { disableReasonViolations, disableStaff, type Staff } from '../../domain/staff';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import type { StaffRepository, WindowPosts } from '../staff.ports';
import { MANAGE_STAFF, requireVisibleStaff, staffResource } from '../staff.policies';

/**
 * Disables a member of staff: Keycloak first (account disabled, every session ended), then the record. If the
 * record update fails after Keycloak succeeded, a retry repeats both (both steps are idempotent).
 */
export function disableStaffUseCase(deps: {
  staff: StaffRepository;
  directory: IdentityDirectory;
  windows: WindowPosts;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (command: { staffId: string; reason: string }, actor: Principal): Promise<Staff> => {
    const reasonViolations = disableReasonViolations(command.reason);
    if (reasonViolations.length > 0) throw new ValidationError(reasonViolations);
    const reason = command.reason;
    const staff = await requireVisibleStaff(deps, command.staffId, actor);
    deps.authorizer.ensure(actor, 'write', { ...staffResource(staff), ownerSubject: undefined }, MANAGE_STAFF);
    if (staff.status === 'disabled') return staff;
    if (staff.status !== 'active' || !staff.subject) {
      throw new PreconditionError('STAFF_NOT_ACTIVE', '该工作人员账号尚未开通完成，请稍后再试');
    }
    if (staff.subject === actor.subject) {
      throw new PreconditionError('CANNOT_DISABLE_SELF', '不能停用自己的账号');
    }
    const posts = await deps.windows.heldBy(staff.id);
    if (posts.length > 0) {
      const list = posts.map((p) => `${p.number}窗口${p.post}岗`).join('、');
      throw new PreconditionError('HOLDS_WINDOW_POST', `该工作人员仍在${list}，请先调整窗口岗位`);
    }
    await deps.directory.disableUser(staff.subject);
    const { staff: next, events } = disableStaff(staff, reason, deps.clock.now());
    await deps.staff.update(next, staff.version, events, actor);
    return next;
  };
}
