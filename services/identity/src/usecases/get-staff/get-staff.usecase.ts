import type { Authorizer, Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { Staff } from '../../domain/staff';
import type { StaffRepository } from '../staff.ports';
import { READ_STAFF, staffResource, visibleStaff } from '../staff.policies';

/** A member of staff's record, for staff of their tenant (and supervisors above it) and the person. */
export function getStaffUseCase(deps: { staff: StaffRepository; authorizer: Authorizer }) {
  return async (id: string, actor: Principal): Promise<Staff> => {
    const staff = await deps.staff.findById(id);
    if (!staff) throw new NotFoundError('STAFF_NOT_FOUND', '未找到该工作人员');
    deps.authorizer.ensure(actor, 'read', staffResource(staff), READ_STAFF);
    return visibleStaff(staff, actor);
  };
}
