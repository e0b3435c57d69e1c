import type { Principal } from '@govhall/auth';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import type { SignalLevel } from '../../domain/signals/signal-level';
import { hallScreenClock } from '../../domain/clocks/hall-screen-clock';
import { checkId, covers, hallReadSelector, isHallScreen, mayRead } from '../clocks.access';
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

/**
 * Clocks of a tenant the caller may see (and of the tenants below it when asked), one page at a time. A hall
 * screen's device account (ADR 0049) reads its own tenant's clocks as the screen shows them (hallScreenClock).
 */
export function listClocksUseCase(deps: { matters: Pick<MatterStore, 'query'> }) {
  return async (q: ListClocksQuery, actor: Principal): Promise<{ clocks: MatterClock[]; nextPageToken: string }> => {
    const selector = hallReadSelector(actor, q);
    const screen = isHallScreen(actor);
    checkId(q.department, 'department', '部门代码', false);
    checkId(q.windowId, 'windowId', '窗口标识', false);
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const page = await deps.matters.query(
      { ...selector, minSignal: q.minSignal, department: q.department, windowId: q.windowId, openOnly: q.openOnly },
      { offset, limit: limit + 1 },
    );
    const clocks = page
      .slice(0, limit)
      .filter((c) => covers(selector, c.tenant) && (screen ? c.tenant === actor.tenant : mayRead(actor, c.tenant)))
      .map((c) => (screen ? hallScreenClock(c) : c));
    return { clocks, nextPageToken: page.length > limit ? encodePageToken(offset + limit) : '' };
  };
}
