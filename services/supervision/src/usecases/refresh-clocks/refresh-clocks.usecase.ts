import type { Logger } from '@govhall/logging';
import { evaluateMatter, type ClockDeps } from '../clocks.shared';

/**
 * The timer over open clocks: every open matter recomputed for supervision's "now", so signals are raised and
 * cleared as days pass with no new event; an imported historical matter (S31) never is. A matter that fails is
 * logged and the others go on. Returns how many were recomputed.
 */
export function refreshClocksUseCase(deps: ClockDeps & { logger?: Pick<Logger, 'error'> }) {
  return async (tenant?: string): Promise<number> => {
    let done = 0;
    for (const stored of await deps.matters.listOpen(tenant)) {
      if (stored.matter.imported) continue;
      try {
        await evaluateMatter(deps, stored.matter, stored.clock);
        done += 1;
      } catch (err) {
        deps.logger?.error({ err, matterId: stored.matter.matterId }, 'clock refresh failed');
      }
    }
    return done;
  };
}
