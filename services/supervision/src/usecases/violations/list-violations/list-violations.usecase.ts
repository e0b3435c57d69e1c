import type { Principal } from '@govhall/auth';
import { ValidationError, type Violation as FieldViolation } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Violation } from '../../../domain/violations/violation';
import { listedTenant } from '../violation.access';
import type { ViolationFilter, ViolationStore } from '../violation.ports';

export interface ListViolationsQuery extends Omit<ViolationFilter, 'tenant'> {
  tenant: string;
  pageSize?: number;
  pageToken?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT = /^[^\s]{1,64}$/;

function checkFilter(q: ListViolationsQuery): void {
  const problems: FieldViolation[] = [];
  for (const path of ['fromDate', 'toDate'] as const) {
    const value = q[path];
    if (value && !DATE.test(value)) problems.push({ path, reason: 'PATTERN', message: '日期格式应为YYYY-MM-DD' });
  }
  if (q.fromDate && q.toDate && DATE.test(q.fromDate) && DATE.test(q.toDate) && q.fromDate > q.toDate) {
    problems.push({ path: 'toDate', reason: 'RANGE', message: '结束日期不能早于开始日期' });
  }
  for (const path of ['matterId', 'department', 'windowId', 'person'] as const) {
    const value = q[path];
    if (value && !TEXT.test(value)) problems.push({ path, reason: 'PATTERN', message: '筛选条件格式不正确' });
  }
  if (problems.length) throw new ValidationError(problems);
}

/** Violations of the caller's tenant (or one below it), optionally with the tenants below, newest first, paged. */
export function listViolationsUseCase(deps: { violations: ViolationStore }) {
  return async (
    q: ListViolationsQuery,
    actor: Principal,
  ): Promise<{ violations: Violation[]; nextPageToken: string }> => {
    checkFilter(q);
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const tenant = listedTenant(actor, q.tenant);
    const page = await deps.violations.list({ ...q, tenant }, offset, limit + 1);
    const more = page.length > limit;
    return { violations: page.slice(0, limit), nextPageToken: more ? encodePageToken(offset + limit) : '' };
  };
}
