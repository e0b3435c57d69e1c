import type { Authorizer, Principal } from '@govhall/auth';
import type { Staff } from '../../domain/staff';
import type { StaffRepository } from '../staff.ports';
import { requireVisibleStaff, visibleStaff } from '../staff.policies';

/** A member of staff's record, for staff of their tenant (and supervisors above it) and the person; 404 otherwise. */
export function getStaffUseCase(deps: { staff: StaffRepository; authorizer: Authorizer }) {
  return async (id: string, actor: Principal): Promise<Staff> => {
    return visibleStaff(await requireVisibleStaff(deps, id, actor), actor);
  };
}
