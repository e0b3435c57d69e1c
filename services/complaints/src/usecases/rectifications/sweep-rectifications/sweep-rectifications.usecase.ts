import { chinaDate } from '@govhall/identifiers';
import { markOverdue } from '../../../domain/rectifications/rectification';
import type { Clock } from '../../ports';
import type { RatingRepository } from '../../ratings/ports';
import { excludeRating } from '../decide-appeal/decide-appeal.usecase';
import type { OpenRectification } from '../open-rectification/open-rectification';
import type { RectificationRepository } from '../ports';

const BATCH = 50;

/**
 * The rectifications' sweep, on the service's clock: opens those of bad ratings still waiting for theirs (a process
 * died between the two writes, or the calendar was unreachable), then reports once each open or appealed one past its
 * deadline (RectificationOverdue, which supervision turns into a violation), and finishes an upheld appeal whose
 * rating still counts. Returns how many it changed.
 */
export function sweepRectificationsUseCase(deps: {
  ratings: Pick<RatingRepository, 'pendingRectifications' | 'markAppealUpheld'>;
  rectifications: RectificationRepository;
  open: OpenRectification;
  clock: Clock;
}) {
  return async (): Promise<number> => {
    let changed = 0;
    for (const rating of await deps.ratings.pendingRectifications(BATCH)) {
      if (await deps.open(rating)) changed += 1;
    }
    const now = deps.clock.now();
    const today = chinaDate(now);
    for (const r of await deps.rectifications.dueOverdue(today, BATCH)) {
      const next = markOverdue(r, today, now);
      if (!next) continue;
      await deps.rectifications.save(next.rectification, r.version, next.events, undefined);
      changed += 1;
    }
    for (const r of await deps.rectifications.upheldNotExcluded(BATCH)) {
      await excludeRating(deps, r.id, r.ratingId);
      changed += 1;
    }
    return changed;
  };
}
