import type { Principal } from '@govhall/auth';
import { covers, mayRead, readSelector } from '../clocks.access';
import type { LiveFeed, LiveUpdate } from '../clocks.ports';

/**
 * Live clock and signal updates of a tenant the caller may see (and the tenants below it when asked): checked
 * once when the watch starts (bad input and scope refused then), and every update is filtered by tenant.
 * Returns the function that ends the watch.
 */
export function watchLiveUseCase(deps: { live: LiveFeed }) {
  return (
    request: { tenant: string; includeSubordinates: boolean },
    actor: Principal,
    send: (u: LiveUpdate) => void,
  ): (() => void) => {
    const selector = readSelector(actor, request);
    return deps.live.subscribe((u) => {
      if (covers(selector, u.tenant) && mayRead(actor, u.tenant)) send(u);
    });
  };
}
