import type { Principal } from '@govhall/auth';
import type { Notice } from '../../domain/notices/notice';
import type { Refund, RefundState } from '../../domain/refunds/refund';
import { requireFinanceOrSupervisor } from './refund-access';
import type { NoticeRepository, Page, PageQuery } from '../ports';

export interface RefundEntry {
  refund: Refund;
  notice: Notice;
}

/**
 * Finance's list: the refunds (in `states`, or all) of the tenant's notices, the latest changed notice first. A page
 * is a page of notices; a notice's refunds stay together.
 */
export function listRefundsUseCase(deps: { notices: NoticeRepository }) {
  return async (
    request: { tenant: string; states: RefundState[]; page: PageQuery },
    actor: Principal,
  ): Promise<Page<RefundEntry>> => {
    const tenant = request.tenant || actor.tenant || '';
    requireFinanceOrSupervisor(actor, tenant);
    const page = await deps.notices.listWithRefunds(tenant, request.states, request.page);
    const wanted = (r: Refund) => request.states.length === 0 || request.states.includes(r.state);
    return {
      items: page.items.flatMap((notice) =>
        notice.refunds
          .filter(wanted)
          .reverse()
          .map((refund) => ({ refund, notice })),
      ),
      nextPageToken: page.nextPageToken,
      total: page.total,
    };
  };
}
