import type { Principal } from '@govhall/auth';
import { chinaDate } from '@govhall/identifiers';
import { isBad, type Rating } from '../../../domain/ratings/rating';
import { openRectification, type Rectification } from '../../../domain/rectifications/rectification';
import type { Clock } from '../../ports';
import type { RatingRepository } from '../../ratings/ports';
import type { Calendars, RectificationRepository } from '../ports';

export type OpenRectification = (rating: Rating, actor?: Principal) => Promise<Rectification | null>;

/**
 * Opens a bad rating's rectification, due `workingDays` working days after the rating's day on the tenant's
 * calendar, and marks the rating's rectification opened. Idempotent (the rectification's id is the rating's): the
 * rating use cases call it right after storing a bad rating; the sweep calls it again for a rating whose process
 * died before, or whose calendar could not be read then. A good rating opens nothing (null).
 */
export function rectificationOpener(deps: {
  rectifications: RectificationRepository;
  ratings: Pick<RatingRepository, 'markRectificationOpened'>;
  calendars: Calendars;
  clock: Clock;
  workingDays: number;
}): OpenRectification {
  return async (rating, actor) => {
    if (!isBad(rating.level)) return null;
    const calendar = await deps.calendars.forTenant(rating.tenant);
    const deadline = calendar.addWorkingDaysProvisional(chinaDate(rating.ratedAt), deps.workingDays).date;
    const { rectification, events } = openRectification(rating, deadline, deps.clock.now());
    const opened = await deps.rectifications.insert(rectification, events, actor);
    await deps.ratings.markRectificationOpened(rating.id);
    return opened ? rectification : deps.rectifications.find(rating.id);
  };
}

/**
 * For the rating use cases: opens the rectification at once, but a failure (the calendar or the database unreachable
 * for a moment) does not undo the rating the person gave: the sweep opens it later. `onError` hears of it.
 */
export function openSoon(open: OpenRectification, onError: (err: unknown) => void) {
  return async (rating: Rating, actor?: Principal): Promise<void> => {
    try {
      await open(rating, actor);
    } catch (err) {
      onError(err);
    }
  };
}
