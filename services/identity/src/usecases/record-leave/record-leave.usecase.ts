import type { Authorizer, Principal } from '@govhall/auth';
import { ConflictError, PreconditionError, ValidationError } from '@govhall/errors';
import { leaveOverlaps, recordLeave, validateLeave, type Leave, type Staff } from '../../domain/staff';
import { localDate, type Clock } from '../ports';
import type { StaffRepository } from '../staff.ports';
import { RECORD_LEAVE, requireVisibleStaff, staffResource } from '../staff.policies';

/** Records a period of leave; while it lasts the person's window posts pass to the next in line. */
export function recordLeaveUseCase(deps: { staff: StaffRepository; authorizer: Authorizer; clock: Clock }) {
  return async (command: { staffId: string; leave: Leave }, actor: Principal): Promise<Staff> => {
    const violations = validateLeave(command.leave, localDate(deps.clock.now()));
    if (violations.length > 0) throw new ValidationError(violations);
    const staff = await requireVisibleStaff(deps, command.staffId, actor);
    deps.authorizer.ensure(actor, 'write', { ...staffResource(staff), ownerSubject: undefined }, RECORD_LEAVE);
    if (staff.status !== 'active') {
      throw new PreconditionError('STAFF_NOT_ACTIVE', '该工作人员账号未启用或已停用');
    }
    if (leaveOverlaps(staff, command.leave)) {
      throw new ConflictError('LEAVE_OVERLAPS', '该时段与已登记的请假重叠');
    }
    const { staff: next, events } = recordLeave(staff, command.leave, deps.clock.now());
    await deps.staff.update(next, staff.version, events, actor);
    return next;
  };
}
