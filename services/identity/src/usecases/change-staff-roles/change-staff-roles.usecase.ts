import type { Authorizer, Principal } from '@govhall/auth';
import { ConcurrencyError, PreconditionError, ValidationError } from '@govhall/errors';
import { changeStaffAccess, isStaffRole, staffAccessViolations, type Staff } from '../../domain/staff';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import type { StaffRepository, TenancyLookup, WindowPosts } from '../staff.ports';
import { MANAGE_STAFF, requireVisibleStaff, staffResource } from '../staff.policies';
import { expectedVersionViolations } from '../tenancy.access';

export interface ChangeStaffRolesCommand {
  staffId: string;
  roles: string[];
  /** '' or undefined: no department (only for roles outside departments). */
  department?: string;
  /** The version the caller read. */
  expectedVersion: number;
}

/**
 * The center administrator changes a member of staff's roles and department. Keycloak first (realm roles and the
 * department attribute set, every session ended so the new roles apply at the next login), then the record with
 * StaffRolesChanged (before and after, with the actor) on the staff topic. A retry repeats both (both idempotent).
 */
export function changeStaffRolesUseCase(deps: {
  staff: StaffRepository;
  directory: IdentityDirectory;
  tenancy: TenancyLookup;
  windows: WindowPosts;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (command: ChangeStaffRolesCommand, actor: Principal): Promise<Staff> => {
    const department = command.department?.trim() || undefined;
    const current = await requireVisibleStaff(deps, command.staffId, actor);
    deps.authorizer.ensure(actor, 'write', { ...staffResource(current), ownerSubject: undefined }, MANAGE_STAFF);
    const violations = [
      ...staffAccessViolations({ tenant: current.tenant, department, roles: command.roles }),
      ...expectedVersionViolations(command.expectedVersion),
    ];
    if (violations.length === 0 && department && !(await deps.tenancy.departmentExists(department))) {
      violations.push({ path: 'department', reason: 'NOT_FOUND', message: `部门 ${department} 不是本中心的进驻部门` });
    }
    if (violations.length > 0) throw new ValidationError(violations);
    if (current.version !== command.expectedVersion) throw new ConcurrencyError();
    if (current.status !== 'active' || !current.subject) {
      throw new PreconditionError('STAFF_NOT_ACTIVE', '该工作人员账号未启用或已停用，不能调整岗位角色');
    }
    if (current.subject === actor.subject) {
      throw new PreconditionError('CANNOT_CHANGE_OWN_ROLES', '不能调整自己的岗位角色，请由本中心其他管理员办理');
    }
    if (department !== current.department) {
      const posts = await deps.windows.heldBy(current.id);
      if (posts.length > 0) {
        const list = posts.map((p) => `${p.number}窗口${p.post}岗`).join('、');
        throw new PreconditionError('HOLDS_WINDOW_POST', `该工作人员仍在${list}，请先调整窗口岗位再调换部门`);
      }
    }
    const roles = command.roles.filter(isStaffRole);
    await deps.directory.setUserAccess(current.subject, { roles, department });
    const { staff, events } = changeStaffAccess(current, roles, department, deps.clock.now());
    await deps.staff.update(staff, current.version, events, actor);
    return staff;
  };
}
