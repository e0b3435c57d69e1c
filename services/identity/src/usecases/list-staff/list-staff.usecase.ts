import { DEPARTMENT_SCOPED_ROLES, type Authorizer, type Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import type { Staff } from '../../domain/staff';
import type { StaffRepository } from '../staff.ports';
import { READ_STAFF, visibleStaff } from '../staff.policies';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';

export interface ListStaffQuery {
  tenant: string;
  department?: string;
  pageSize?: number;
  pageToken?: string;
}

/** Staff of a tenant (optionally one department), ordered by username. */
export function listStaffUseCase(deps: { staff: StaffRepository; authorizer: Authorizer }) {
  return async (
    query: ListStaffQuery,
    actor: Principal,
  ): Promise<{ staff: Staff[]; total: number; nextPageToken: string }> => {
    if (!/^(\d{6}|\d{9}|\d{12})$/.test(query.tenant)) {
      throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }]);
    }
    // Department-bound callers (department roles only, or a department system) list their own department.
    const department = query.department ?? (departmentBound(actor) ? actor.department : undefined);
    deps.authorizer.ensure(
      actor,
      'read',
      { type: 'staff', tenant: query.tenant, ...(department ? { department } : {}) },
      { roles: READ_STAFF.roles },
    );
    const limit = pageSize(query.pageSize);
    const offset = decodePageToken(query.pageToken);
    const { staff, total } = await deps.staff.list(query.tenant, department, offset, limit);
    return {
      staff: staff.map((s) => visibleStaff(s, actor)),
      total,
      nextPageToken: offset + staff.length < total ? encodePageToken(offset + staff.length) : '',
    };
  };
}

function departmentBound(actor: Principal): boolean {
  if (!actor.department) return false;
  if (actor.kind === 'service') return true;
  const readerRoles = actor.roles.filter((r) => READ_STAFF.roles.includes(r));
  return readerRoles.length > 0 && readerRoles.every((r) => DEPARTMENT_SCOPED_ROLES.includes(r));
}
