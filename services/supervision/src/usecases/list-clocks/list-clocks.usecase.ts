import type { Principal } from '@govhall/auth';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import type { SignalLevel } from '../../domain/signals/signal-level';
import { checkId, covers, mayRead, readSelector } from '../clocks.access';
import type { MatterStore } from '../clocks.ports';

export interface ListClocksQuery {
  tenant: string;
  includeSubordinates: boolean;
  minSignal: SignalLevel;
  department: string;
  windowId: string;
  openOnly: boolean;
  pageSize?: number;
  pageToken?: string;
}

/** Clocks of a tenant the caller may see (and of the tenants below it when asked), one page at a time. */
export function listClocksUseCase(deps: { matters: Pick<MatterStore, 'query'> }) {
  return async (q: ListClocksQuery, actor: Principal): Promise<{ clocks: MatterClock[]; nextPageToken: string }> => {
    const selector = readSelector(actor, q);
    checkId(q.department, 'department', '部门代码', false);
    checkId(q.windowId, 'windowId', '窗口标识', false);
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const page = await deps.matters.query(
      { ...selector, minSignal: q.minSignal, department: q.department, windowId: q.windowId, openOnly: q.openOnly },
      { offset, limit: limit + 1 },
    );
    const clocks = page.slice(0, limit).filter((c) => covers(selector, c.tenant) && mayRead(actor, c.tenant));
    return { clocks, nextPageToken: page.length > limit ? encodePageToken(offset + limit) : '' };
  };
}
