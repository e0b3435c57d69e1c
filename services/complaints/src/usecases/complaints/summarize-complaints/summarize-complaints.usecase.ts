import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import { summarizeComplaints, type ComplaintSummary } from '../../../domain/complaints/complaint-summary';
import type { Clock } from '../../ports';
import { oversees } from '../complaint-access';
import { checkComplaintPeriod } from '../complaint-pages';
import type { ComplaintRepository } from '../ports';

/**
 * How many complaints one summary reads. The figures are counted in the service, not by an aggregation pipeline:
 * whether a clock ran out depends on the service's clock (CLOCK_FILE in tests) against each complaint's state and
 * days, which FerretDB 1.x's `$group` cannot express without `$cond` over several fields, and the rule already lives
 * in the pure domain. One tenant's period holds hundreds of complaints (a county gets a few a day); past the cap the
 * answer says it counted the first ones only.
 */
export const SUMMARY_CAP = 5000;

const REGION = /^\d{6}$/;

/**
 * 投诉统计 (C13, C16) for the supervision office: a period's complaints of a tenant counted by state, kind, finding
 * and the complainant's vote, and the open ones whose clock ran out (no complainant, no content). The tenant's
 * overseers read it (supervisors and center administrators, of the tenant or above), as they read every complaint
 * of it in ListComplaints; anyone else is refused.
 */
export function summarizeComplaintsUseCase(deps: { complaints: ComplaintRepository; clock: Clock }) {
  return async (
    request: { tenant: string; from: string; to: string },
    actor: Principal,
  ): Promise<ComplaintSummary & { today: string; truncated: boolean }> => {
    if (actor.kind !== 'user') throw new ForbiddenError('ROLE_REQUIRED', '只有监察人员和中心管理员可以查看投诉统计');
    if (request.tenant && !REGION.test(request.tenant)) {
      throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '地区应为6位行政区划代码' }]);
    }
    checkComplaintPeriod(request);
    const tenant = request.tenant || actor.tenant;
    if (!oversees(actor, tenant)) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有监察人员和中心管理员可以查看投诉统计');
    }
    const read = await deps.complaints.inPeriod(tenant, request.from, request.to, SUMMARY_CAP + 1);
    const today = chinaDate(deps.clock.now());
    return {
      ...summarizeComplaints(read.slice(0, SUMMARY_CAP), today),
      today,
      truncated: read.length > SUMMARY_CAP,
    };
  };
}
