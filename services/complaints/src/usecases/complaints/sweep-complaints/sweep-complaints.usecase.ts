import { chinaDate } from '@govhall/identifiers';
import { markAcceptanceOverdue, markReplyOverdue } from '../../../domain/complaints/complaint';
import type { Clock } from '../../ports';
import type { ComplaintRepository } from '../ports';

const BATCH = 50;

/**
 * The complaints' clocks, on the service's clock: each complaint still waiting to be accepted after its day, or
 * accepted and still unanswered after its day, is reported once (ComplaintAcceptanceOverdue, ComplaintReplyOverdue:
 * supervision turns them into violations of the handling office). Returns how many it changed.
 */
export function sweepComplaintsUseCase(deps: { complaints: ComplaintRepository; clock: Clock }) {
  return async (): Promise<number> => {
    const now = deps.clock.now();
    const today = chinaDate(now);
    let changed = 0;
    for (const c of await deps.complaints.dueOverdue(today, BATCH)) {
      const next = markAcceptanceOverdue(c, today, now) ?? markReplyOverdue(c, today, now);
      if (!next) continue;
      await deps.complaints.save(next.complaint, c.version, next.events, undefined);
      changed += 1;
    }
    return changed;
  };
}
