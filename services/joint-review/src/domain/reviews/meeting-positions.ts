import type { LegCalendar } from '../legs/leg';
import type { MeetingOnReview } from '../meetings/meeting';
import { isOpenTask } from '../tasks/task';
import { submitOpinion, type Change, type JointReview, type JointReviewEvent } from './joint-review';

/**
 * A concluded joint meeting written on a review it discussed (MeetingService.RecordOutcome): the meeting is listed
 * on the review, and unless its item was deferred each recorded position answers its department's open co-review
 * task (opinion source MEETING, given by whoever recorded the position; the leg finishes). A stage completed this way
 * opens the next one, whose tasks the positions answer too. A review listing the meeting already, or no longer open,
 * answers nothing: the meeting is listed (when it is not yet) and the lead still concludes.
 */
export function applyMeeting(
  review: JointReview,
  meetingId: string,
  on: MeetingOnReview,
  windowLeads: ReadonlyMap<string, string>,
  at: Date,
  calendar: LegCalendar,
): Change {
  if (review.meetingIds.includes(meetingId)) return { review, events: [] };
  let next: JointReview = { ...review, meetingIds: [...review.meetingIds, meetingId], updatedAt: at };
  const events: JointReviewEvent[] = [];
  const active = review.state === 'open' || review.state === 'awaiting_conclusion';
  if (!active || on.deferred) return { review: next, events };
  for (;;) {
    const task = next.tasks.find(
      (t) => t.kind === 'co_review' && isOpenTask(t) && on.positions.some((p) => p.department === t.department),
    );
    if (!task) break;
    const position = on.positions.find((p) => p.department === task.department)!;
    const answered = submitOpinion(
      next,
      task.id,
      {
        opinion: {
          kind: position.kind,
          text: position.text,
          reasons: position.reasons,
          conditions: position.conditions,
        },
        attachments: [],
        givenBy: position.recordedBy,
        source: 'meeting',
        meetingId,
      },
      windowLeads,
      at,
      calendar,
    );
    next = answered.review;
    events.push(...answered.events);
  }
  return { review: next, events };
}
