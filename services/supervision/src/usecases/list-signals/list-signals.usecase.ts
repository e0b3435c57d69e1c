import type { Principal } from '@govhall/auth';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Signal } from '../../domain/signals/signal';
import type { SignalLevel } from '../../domain/signals/signal-level';
import { checkMatterId, covers, mayRead, readSelector } from '../clocks.access';
import type { SignalStore } from '../clocks.ports';

export interface ListSignalsQuery {
  tenant: string;
  includeSubordinates: boolean;
  matterId: string;
  activeOnly: boolean;
  minLevel: SignalLevel;
  pageSize?: number;
  pageToken?: string;
}

/** Signals, active and past, newest first, of the tenants the caller may see. */
export function listSignalsUseCase(deps: { signals: Pick<SignalStore, 'list'> }) {
  return async (q: ListSignalsQuery, actor: Principal): Promise<{ signals: Signal[]; nextPageToken: string }> => {
    const selector = readSelector(actor, q);
    checkMatterId(q.matterId, 'matterId', false);
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const page = await deps.signals.list(
      { ...selector, matterId: q.matterId, activeOnly: q.activeOnly, minLevel: q.minLevel },
      { offset, limit: limit + 1 },
    );
    const signals = page.slice(0, limit).filter((s) => covers(selector, s.tenant) && mayRead(actor, s.tenant));
    return { signals, nextPageToken: page.length > limit ? encodePageToken(offset + limit) : '' };
  };
}
