import type { Principal } from '@govhall/auth';
import { ValidationError, type Violation as FieldViolation } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Inspection } from '../../../domain/inspections/inspection';
import { listedTenant } from '../../violations/violation.access';
import type { InspectionStore } from '../inspection.ports';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A tenant's inspections (its own or one below it), newest first, optionally of one window and a date range. */
export function listInspectionsUseCase(deps: { inspections: InspectionStore }) {
  return async (
    q: { tenant: string; windowId?: string; fromDate?: string; toDate?: string; pageSize?: number; pageToken?: string },
    actor: Principal,
  ): Promise<{ inspections: Inspection[]; nextPageToken: string }> => {
    const problems: FieldViolation[] = [];
    for (const path of ['fromDate', 'toDate'] as const) {
      if (q[path] && !DATE.test(q[path])) problems.push({ path, reason: 'PATTERN', message: '日期格式应为YYYY-MM-DD' });
    }
    if (q.windowId && !/^[A-Za-z0-9_-]{1,64}$/.test(q.windowId)) {
      problems.push({ path: 'windowId', reason: 'PATTERN', message: '窗口标识格式不正确' });
    }
    if (problems.length) throw new ValidationError(problems);
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const tenant = listedTenant(actor, q.tenant);
    const page = await deps.inspections.list({ ...q, tenant }, offset, limit + 1);
    return {
      inspections: page.slice(0, limit),
      nextPageToken: page.length > limit ? encodePageToken(offset + limit) : '',
    };
  };
}
