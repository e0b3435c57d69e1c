import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ConflictError } from '@govhall/errors';
import { failpoint } from '@govhall/lifecycle';
import { activateStaff, type Staff } from '../../domain/staff';
import type { IdentityDirectory } from '../directory.port';
import type { Clock } from '../ports';
import type { StaffRepository } from '../staff.ports';

export interface ProvisionDeps {
  staff: StaffRepository;
  directory: IdentityDirectory;
  clock: Clock;
}

export const staffRef = (staff: Pick<Staff, 'id'>) => `staff:${staff.id}`;

/**
 * Second and third steps of the staff saga (the first inserted the record as `provisioning`): make sure the
 * Keycloak account exists and carries this record's reference, then mark the record active.
 *
 * - An account with this username and our reference is adopted (a crash after Keycloak created it, or a retry).
 * - An account with this username and any other reference (or none) belongs to someone else: the record is
 *   removed again and the request refused, so no half-made staff member stays behind.
 * - No account and no password (the reconciler after a crash before Keycloak was called): the record is
 *   removed (compensation); the administrator creates the person again.
 * Returns the active record, or null when it was compensated.
 */
export async function provisionStaffAccount(
  deps: ProvisionDeps,
  record: Staff,
  password: { value: string; temporary: boolean } | undefined,
  actor: Principal,
): Promise<Staff | null> {
  failpoint('staff.after-record');
  const ref = staffRef(record);
  const attributes = {
    tenant: record.tenant,
    ...(record.department ? { department: record.department } : {}),
    govhall_ref: ref,
  };
  const existing = await deps.directory.findUserByUsername(record.username);
  let subject: string;
  if (existing) {
    if (existing.attributes.govhall_ref !== ref) {
      await deps.staff.removeProvisioning(record.id, record.version);
      throw new ConflictError('USERNAME_TAKEN', `用户名 ${record.username} 已被其他账号使用`);
    }
    await deps.directory.updateUser(existing.id, {
      attributes,
      roles: record.roles,
      displayName: record.displayName,
    });
    subject = existing.id;
  } else {
    if (!password) {
      // Refused when a retry touched the record meanwhile: that retry creates the account.
      if (!(await deps.staff.removeProvisioning(record.id, record.version))) throw new ConcurrencyError();
      return null;
    }
    subject = await deps.directory.createUser({
      username: record.username,
      displayName: record.displayName,
      attributes,
      roles: record.roles,
      password: password.value,
      temporaryPassword: password.temporary,
    });
  }
  failpoint('staff.after-directory-create');
  const { staff, events } = activateStaff(record, subject, deps.clock.now());
  await deps.staff.update(staff, record.version, events, actor);
  return staff;
}
