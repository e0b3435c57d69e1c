import type { Logger } from '@govhall/logging';
import { EVALUATION_CHUNK, evaluateMatters, type ClockDeps } from '../clocks.shared';

/**
 * The timer over open clocks: every open matter recomputed for supervision's "now", so signals are raised and
 * cleared as days pass with no new event; an imported historical matter (S31) never is. Evaluated a chunk at a
 * time (evaluateMatters); a chunk that fails is logged and the others go on. Returns how many were recomputed.
 */
export function refreshClocksUseCase(deps: ClockDeps & { logger?: Pick<Logger, 'error'> }) {
  return async (tenant?: string): Promise<number> => {
    const open = (await deps.matters.listOpen(tenant)).filter((s) => !s.matter.imported);
    let done = 0;
    for (let i = 0; i < open.length; i += EVALUATION_CHUNK) {
      const chunk = open.slice(i, i + EVALUATION_CHUNK);
      try {
        await evaluateMatters(
          deps,
          chunk.map((s) => ({ matter: s.matter, previous: s.clock })),
        );
        done += chunk.length;
      } catch (err) {
        deps.logger?.error(
          { err, matterIds: chunk.map((s) => s.matter.matterId).slice(0, 20) },
          'clock refresh failed',
        );
      }
    }
    return done;
  };
}
