import type { Authorizer, Principal } from '@govhall/auth';
import { ConflictError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { newStaff, sameStaffRequest, validateNewStaff, type NewStaffInput, type Staff } from '../../domain/staff';
import type { IdentityDirectory } from '../directory.port';
import type { Clock, IdGenerator } from '../ports';
import type { StaffRepository, TenancyLookup } from '../staff.ports';
import { MANAGE_STAFF } from '../staff.policies';
import { provisionStaffAccount } from './provision-staff-account';

export interface CreateStaffCommand extends NewStaffInput {
  /** Demo seeds only: the password need not be changed at first login. */
  permanentPassword?: boolean;
}

/**
 * A center administrator adds a member of staff: record first (provisioning), then the Keycloak account, then
 * the record is activated. Idempotent per username: repeating the same request completes a half-done one.
 */
export function createStaffUseCase(deps: {
  staff: StaffRepository;
  directory: IdentityDirectory;
  tenancy: TenancyLookup;
  authorizer: Authorizer;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (command: CreateStaffCommand, actor: Principal): Promise<Staff> => {
    const violations = validateNewStaff(command);
    if (violations.length > 0) throw new ValidationError(violations);
    deps.authorizer.ensure(actor, 'write', { type: 'staff', tenant: command.tenant }, MANAGE_STAFF);
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${command.tenant}`);
    }
    if (!(await deps.tenancy.tenantExists(command.tenant))) {
      throw new NotFoundError('TENANT_NOT_FOUND', `租户 ${command.tenant} 不存在`);
    }
    if (command.department && !(await deps.tenancy.departmentExists(command.department))) {
      throw new ValidationError([
        { path: 'department', reason: 'NOT_FOUND', message: `部门 ${command.department} 未进驻该中心` },
      ]);
    }
    const password = { value: command.initialPassword, temporary: !command.permanentPassword };

    let record = newStaff(command, deps.ids.newId(), deps.clock.now());
    if (!(await deps.staff.insert(record))) {
      const previous = await deps.staff.findByUsername(command.username);
      if (!previous) throw new ConflictError('USERNAME_TAKEN', `用户名 ${command.username} 已被使用`);
      if (!sameStaffRequest(previous, command)) {
        throw new ConflictError('USERNAME_TAKEN', `用户名 ${command.username} 已被使用`);
      }
      if (previous.status !== 'provisioning') return previous;
      // A retry: touch the record first, so the reconciler leaves it to this request (it only compensates records
      // untouched for a while, and only at the version it read).
      record = { ...previous, updatedAt: deps.clock.now(), version: previous.version + 1 };
      await deps.staff.update(record, previous.version, [], actor);
    }
    const done = await provisionStaffAccount(deps, record, password, actor);
    if (!done) throw new Error('a staff record with a password cannot be compensated');
    return done;
  };
}
