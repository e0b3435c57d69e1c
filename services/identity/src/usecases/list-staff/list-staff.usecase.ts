import type { Authorizer, Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import type { Staff } from '../../domain/staff';
import type { StaffRepository } from '../staff.ports';
import { READ_STAFF, visibleStaff } from '../staff.policies';
import { decodePageToken, encodePageToken, pageSize } from '../paging';

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
    deps.authorizer.ensure(
      actor,
      'read',
      { type: 'staff', tenant: query.tenant, ...(query.department ? { department: query.department } : {}) },
      { roles: READ_STAFF.roles },
    );
    const limit = pageSize(query.pageSize);
    const offset = decodePageToken(query.pageToken);
    const { staff, total } = await deps.staff.list(query.tenant, query.department, offset, limit);
    return {
      staff: staff.map((s) => visibleStaff(s, actor)),
      total,
      nextPageToken: offset + staff.length < total ? encodePageToken(offset + staff.length) : '',
    };
  };
}
