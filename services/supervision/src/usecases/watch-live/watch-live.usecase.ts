import type { Principal } from '@govhall/auth';
import { hallScreenClock } from '../../domain/clocks/hall-screen-clock';
import { covers, hallReadSelector, isHallScreen, mayRead } from '../clocks.access';
import type { LiveFeed, LiveUpdate } from '../clocks.ports';

/**
 * Live clock and signal updates of a tenant the caller may see (and the tenants below it when asked): checked
 * once when the watch starts (bad input and scope refused then), and every update is filtered by tenant.
 * Returns the function that ends the watch. A hall screen's device account (ADR 0049) watches its own tenant's
 * clocks alone, as the screen shows them: no signals (their reasons and recipients name people).
 */
export function watchLiveUseCase(deps: { live: LiveFeed }) {
  return (
    request: { tenant: string; includeSubordinates: boolean },
    actor: Principal,
    send: (u: LiveUpdate) => void,
  ): (() => void) => {
    const selector = hallReadSelector(actor, request);
    if (isHallScreen(actor)) {
      return deps.live.subscribe((u) => {
        if (u.kind === 'clock' && u.tenant === actor.tenant) send({ ...u, clock: hallScreenClock(u.clock) });
      });
    }
    return deps.live.subscribe((u) => {
      if (covers(selector, u.tenant) && mayRead(actor, u.tenant)) send(u);
    });
  };
}
