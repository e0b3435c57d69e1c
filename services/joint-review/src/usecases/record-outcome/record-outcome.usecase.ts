import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import {
  meetingOnReviews,
  recordOutcome,
  type Meeting,
  type MeetingOnReview,
  type OutcomeInput,
} from '../../domain/meetings/meeting';
import { applyMeeting } from '../../domain/reviews/meeting-positions';
import { requireCenter, writeMeeting } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';
import { legCalendar } from '../reviews/leg-calendar';
import { windowLeadsOf } from '../reviews/review.deps';

type Deps = Pick<MeetingDeps, 'meetings' | 'reviews' | 'duty' | 'calendars' | 'clock'>;

/**
 * Writes the concluded meeting on one joint review it discussed (applyMeeting), retrying on the fresh review when
 * a department's write came in between. A review that lists the meeting already is left as it is, so a repeat of an
 * outcome whose meeting write failed answers no task twice.
 */
async function writeOnReview(deps: Deps, meeting: Meeting, on: MeetingOnReview, actor: Principal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const review = await deps.reviews.findById(on.reviewId);
    if (!review || review.meetingIds.includes(meeting.id)) return;
    const waiting = review.tasks.filter((t) => t.state === 'waiting').map((t) => t.department);
    const windowLeads = await windowLeadsOf(deps, review.tenant, waiting);
    const calendar = legCalendar(await deps.calendars.forTenant(review.tenant));
    const change = applyMeeting(review, meeting.id, on, windowLeads, deps.clock.now(), calendar);
    try {
      await deps.reviews.save(change.review, review.version, change.events, actor);
      return;
    } catch (e) {
      if (!(e instanceof ConcurrencyError) || attempt >= 5) throw e;
    }
  }
}

/**
 * The center records the outcome of every agenda item of a held meeting (CONCLUDED). On each joint review
 * discussed the meeting is listed and, unless its item was deferred, the recorded positions answer the
 * departments' open co-review tasks (source MEETING); the lead still concludes the review. The reviews are written
 * first, the meeting last.
 */
export function recordOutcomeUseCase(deps: Deps) {
  return (
    request: { id: string; expectedVersion: number; outcomes: OutcomeInput[] },
    actor: Principal,
  ): Promise<Meeting> =>
    writeMeeting(
      deps.meetings,
      request.id,
      request.expectedVersion,
      actor,
      (m) => requireCenter(actor, m),
      async (m) => {
        const change = recordOutcome(m, request.outcomes, deps.clock.now());
        for (const on of meetingOnReviews(change.meeting)) await writeOnReview(deps, change.meeting, on, actor);
        return change;
      },
    );
}
