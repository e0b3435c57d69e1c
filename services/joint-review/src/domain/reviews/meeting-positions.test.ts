import type { MeetingOnReview, MeetingPosition } from '../meetings/meeting';
import { concludeJointReview, type JointReview } from './joint-review';
import { applyMeeting } from './meeting-positions';
import { openedTestReview, testLegCalendar as calendar } from './opened-review.test-double';

const t0 = new Date('2026-06-04T02:00:00Z');
const t1 = new Date('2026-06-08T02:00:00Z');
const XFJ = '620300-XFJ';
const HBJ = '620300-HBJ';
const leads = new Map([
  [XFJ, 'xfj.lead'],
  [HBJ, 'hbj.lead'],
]);

/** A review of SCJ with XFJ (stage 1) and HBJ (stage `hbjStage`). */
const review = (hbjStage = 1): JointReview =>
  openedTestReview(
    [
      { department: XFJ, stage: 1 },
      { department: HBJ, stage: hbjStage },
    ],
    leads,
    t0,
  );

const position = (department: string, kind: MeetingPosition['kind'] = 'agree'): MeetingPosition => ({
  agendaItemId: '1',
  department,
  kind,
  text: kind === 'agree' ? '同意' : '附条件同意',
  reasons: [],
  conditions: kind === 'agree' ? [] : ['整改后开业'],
  recordedBy: 'center.admin',
  recordedAt: t1,
});
const on = (positions: MeetingPosition[], deferred = false): MeetingOnReview => ({
  reviewId: 'jr-1',
  deferred,
  positions,
});

describe('a concluded meeting written on a joint review', () => {
  it("answers the departments' open tasks with their positions (source MEETING), finishing their legs", () => {
    const { review: next, events } = applyMeeting(
      review(),
      'm-1',
      on([position(XFJ), position(HBJ, 'agree_with_conditions')]),
      leads,
      t1,
      calendar,
    );
    expect(next.meetingIds).toEqual(['m-1']);
    expect(next.state).toBe('awaiting_conclusion');
    expect(
      next.tasks.map((t) => [t.department, t.state, t.opinion?.kind, t.opinion?.source, t.opinion?.meetingId]),
    ).toEqual([
      [HBJ, 'done', 'agree_with_conditions', 'meeting', 'm-1'],
      [XFJ, 'done', 'agree', 'meeting', 'm-1'],
    ]);
    expect(next.legs.map((l) => [l.department, l.state, l.end])).toEqual([
      [HBJ, 'finished', 'completed'],
      [XFJ, 'finished', 'completed'],
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'TaskCompleted',
      'LegFinished',
      'TaskCompleted',
      'LegFinished',
      'JointReviewAwaitingConclusion',
    ]);
  });

  it('answers a later stage opened by the meeting too, and leaves departments without a position open', () => {
    const serial = applyMeeting(review(2), 'm-1', on([position(XFJ), position(HBJ)]), leads, t1, calendar).review;
    expect(serial.tasks.map((t) => [t.department, t.state])).toEqual([
      [XFJ, 'done'],
      [HBJ, 'done'],
    ]);
    const partial = applyMeeting(review(), 'm-1', on([position(XFJ)]), leads, t1, calendar).review;
    expect(partial.tasks.map((t) => [t.department, t.state])).toEqual([
      [HBJ, 'open'],
      [XFJ, 'done'],
    ]);
  });

  it('only lists a deferred meeting, or one on a concluded review, and writes a meeting once', () => {
    const deferred = applyMeeting(review(), 'm-1', on([], true), leads, t1, calendar);
    expect([deferred.review.meetingIds, deferred.events, deferred.review.tasks.map((t) => t.state)]).toEqual([
      ['m-1'],
      [],
      ['open', 'open'],
    ]);
    const denied = concludeJointReview(
      review(),
      { outcome: 'denied', reasons: ['选址不符合规划'], conditions: [], attachments: [], concludedBy: 'scj.head' },
      t0,
    ).review;
    const late = applyMeeting(denied, 'm-1', on([position(XFJ)]), leads, t1, calendar);
    expect([late.review.meetingIds, late.events]).toEqual([['m-1'], []]);
    const again = applyMeeting(deferred.review, 'm-1', on([position(XFJ)]), leads, t1, calendar);
    expect(again.review).toBe(deferred.review);
  });
});
