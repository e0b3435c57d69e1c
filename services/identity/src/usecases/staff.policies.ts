import {
  STAFF_ROLES,
  type AccessPolicy,
  type Authorizer,
  type Principal,
  type ResourceRef,
  type Role,
} from '@govhall/auth';
import { NotFoundError, concealForbidden } from '@govhall/errors';
import { maskPhone } from '@govhall/identifiers';
import type { Staff } from '../domain/staff';
import type { StaffRepository } from './staff.ports';

/** Every role a member of staff or a department's service account can hold. */
export const STAFF_OR_SERVICE: readonly Role[] = [...STAFF_ROLES, 'service'];

/** Who may create, disable and reassign staff and service accounts: the center's administrators. */
export const MANAGE_STAFF: AccessPolicy = { roles: ['center_admin', 'ops_admin'] };
/** Leave is recorded by the center administrator or the person's department head. */
export const RECORD_LEAVE: AccessPolicy = { roles: ['center_admin', 'department_head'] };
/** Staff records are read by staff and department systems (department roles only within their department) and by the person. */
export const READ_STAFF: AccessPolicy = { roles: STAFF_OR_SERVICE, owner: true };

export function staffResource(staff: Pick<Staff, 'id' | 'tenant' | 'department' | 'subject'>): ResourceRef {
  return {
    type: 'staff',
    id: staff.id,
    tenant: staff.tenant,
    ...(staff.department ? { department: staff.department } : {}),
    ...(staff.subject ? { ownerSubject: staff.subject } : {}),
  };
}

/** The full phone number is for the person and their own center's administrators; others see it masked. */
export function visibleStaff(staff: Staff, viewer: Principal): Staff {
  const self = staff.subject !== undefined && staff.subject === viewer.subject;
  const admin = viewer.tenant === staff.tenant && viewer.roles.some((r) => r === 'center_admin' || r === 'ops_admin');
  return self || admin ? staff : { ...staff, phone: maskPhone(staff.phone) };
}

const staffNotFound = () => new NotFoundError('STAFF_NOT_FOUND', '未找到该工作人员');

/**
 * The member of staff, if `actor` may read their record (READ_STAFF). One they may not read is STAFF_NOT_FOUND,
 * exactly like one that does not exist, for reads and writes alike; a write check comes after.
 */
export async function requireVisibleStaff(
  deps: { staff: Pick<StaffRepository, 'findById'>; authorizer: Authorizer },
  id: string,
  actor: Principal,
): Promise<Staff> {
  const staff = await deps.staff.findById(id);
  if (!staff) throw staffNotFound();
  concealForbidden(() => deps.authorizer.ensure(actor, 'read', staffResource(staff), READ_STAFF), staffNotFound());
  return staff;
}
