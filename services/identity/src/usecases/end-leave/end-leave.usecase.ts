import type { Authorizer, Principal } from '@govhall/auth';
import { ConcurrencyError, PreconditionError, ValidationError } from '@govhall/errors';
import { endLeave, validateLeaveEnd, type Staff } from '../../domain/staff';
import { localDate, type Clock } from '../ports';
import type { StaffRepository } from '../staff.ports';
import { RECORD_LEAVE, requireVisibleStaff, staffResource } from '../staff.policies';
import { expectedVersionViolations } from '../tenancy.access';

export interface EndLeaveCommand {
  staffId: string;
  /** The first day of the leave, which names it. */
  fromDate: string;
  /** Undefined: cancel the leave; a date: its new last day. */
  toDate?: string;
  expectedVersion: number;
}

/**
 * Cancels a recorded leave, or ends it early (the person is back): whoever may record leave (RECORD_LEAVE). The
 * window posts follow at once, as GetWindowResponsible reads the leaves. StaffLeaveEnded records the leave as it was.
 */
export function endLeaveUseCase(deps: { staff: StaffRepository; authorizer: Authorizer; clock: Clock }) {
  return async (command: EndLeaveCommand, actor: Principal): Promise<Staff> => {
    const version = expectedVersionViolations(command.expectedVersion);
    if (version.length > 0) throw new ValidationError(version);
    const staff = await requireVisibleStaff(deps, command.staffId, actor);
    deps.authorizer.ensure(actor, 'write', { ...staffResource(staff), ownerSubject: undefined }, RECORD_LEAVE);
    if (staff.status !== 'active') {
      throw new PreconditionError('STAFF_NOT_ACTIVE', '该工作人员账号未启用或已停用');
    }
    if (staff.version !== command.expectedVersion) throw new ConcurrencyError();
    const toDate = command.toDate?.trim() || undefined;
    const violations = validateLeaveEnd(staff, command.fromDate, toDate, localDate(deps.clock.now()));
    if (violations.length > 0) throw new ValidationError(violations);
    const { staff: next, events } = endLeave(staff, command.fromDate, toDate, deps.clock.now());
    await deps.staff.update(next, staff.version, events, actor);
    return next;
  };
}
