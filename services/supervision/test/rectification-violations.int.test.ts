import { randomUUID } from 'node:crypto';
import { complaintsV1, supervisionV1, type eventsV1 } from '@govhall/proto';
import { waitFor, type MongoClient } from '@govhall/testing';
import { complaintsEvent, startDetectionWorld, type DetectionWorld } from './detection-world';
import { RECTIFICATION_TOPIC, type SupervisionUnderTest } from './violation-world';

// 差评整改超期: the complaints service's sweep publishes RectificationOverdue once for a rectification past its
// deadline and not closed (govhall.complaints.rectification, key = the rectification's id). The test publishes the
// events itself (in the shared envelope, as the complaints service's relay would); supervision, its own process,
// records one rectification_late violation of the rated department and announces it once. Only the overdue event is
// a violation: the opening before it records nothing, and a replayed overdue event records nothing new (a second
// rectification's overdue event, on the same key and so the same partition, is the barrier).
let w: DetectionWorld;
let s: SupervisionUnderTest;
let mongo: MongoClient;

beforeAll(async () => {
  w = await startDetectionWorld('rectification-violations-test');
  ({ s, mongo } = w);
}, 180_000);

afterAll(() => w?.stop());

const recorded = (id: string) => w.recorded(id);

/** The rectification of a case's bad rating, open (handled by yc-clerk), its deadline 2026-12-03. */
const rectification = (id: string, caseId: string): complaintsV1.Rectification =>
  complaintsV1.Rectification.fromPartial({
    id,
    tenant: '620321',
    ratingId: id,
    subject: complaintsV1.RatingSubject.RATING_SUBJECT_CASE,
    caseId,
    caseNumber: '620321202611100007',
    itemName: '食品经营许可',
    department: '620321-SCJG',
    windowId: 'w-3',
    level: complaintsV1.RatingLevel.RATING_LEVEL_DISSATISFIED,
    reason: '窗口让我跑了三趟',
    channel: complaintsV1.RatingChannel.RATING_CHANNEL_ONLINE,
    realName: true,
    raterName: '张*',
    ratedAt: new Date('2026-11-12T02:00:00Z'),
    status: complaintsV1.RectificationStatus.RECTIFICATION_STATUS_OPEN,
    handler: 'yc-clerk',
    handlerName: '王清',
    deadline: '2026-12-03',
    version: 2,
    openedAt: new Date('2026-11-12T02:00:05Z'),
  });

const overdue = (r: complaintsV1.Rectification) =>
  complaintsEvent(
    'RectificationOverdue',
    complaintsV1.RectificationOverdue,
    { rectification: { ...r, overdue: true } },
    r,
    '2026-12-04T00:10:00Z',
  );

const send = (envelope: eventsV1.EventEnvelope, key?: string) => w.send(RECTIFICATION_TOPIC, envelope, key);

describe('rectification_late (差评整改超期)', () => {
  it('an overdue rectification is one violation of the rated department and its handler; opening one and a replay record nothing', async () => {
    const caseId = randomUUID();
    const r = rectification(randomUUID(), caseId);
    const opened = complaintsEvent(
      'RectificationOpened',
      complaintsV1.RectificationOpened,
      { rectification: r },
      r,
      '2026-11-12T02:00:05Z',
    );
    const late = overdue(r);
    await send(opened);
    await send(late);
    const id = `${r.id}.rectification-late`;
    await waitFor(async () => recorded(id).length > 0, {
      timeoutMs: 60_000,
      what: 'the violation of the overdue case',
    });
    const announced = supervisionV1.ViolationRecorded.decode(recorded(id)[0]!.envelope.payload).violation!;
    expect(announced).toMatchObject({
      id,
      tenant: '620321',
      kind: supervisionV1.ViolationKind.VIOLATION_KIND_RECTIFICATION_LATE,
      state: supervisionV1.ViolationState.VIOLATION_STATE_OPEN,
      matterId: caseId,
      caseNumber: '620321202611100007',
      department: '620321-SCJG',
      windowId: 'w-3',
      person: 'yc-clerk',
      // 2026-12-04 08:10 in China.
      occurredDate: '2026-12-04',
      recordedBy: 'automatic',
    });
    expect(announced.summary).toBe(
      '办件620321202611100007（食品经营许可）的差评（不满意）整改期限为2026-12-03，逾期仍未办结',
    );
    expect(Object.fromEntries(announced.evidence.map((e) => [e.label, e.value]))).toMatchObject({
      整改编号: r.id,
      整改期限: '2026-12-03',
      承办人: '王清（yc-clerk）',
    });
    expect(announced.evidence.every((e) => e.eventId === late.id)).toBe(true);
    // Neither the rater's name nor the rating's reason goes into the violation.
    expect(JSON.stringify(announced)).not.toMatch(/张\*|三趟/);

    // The journal keeps the rectification's events.
    await waitFor(
      async () =>
        (await mongo
          .db(s.db)
          .collection('recorded_events')
          .countDocuments({ _id: { $in: [opened.id, late.id] } as never })) === 2,
      { timeoutMs: 30_000, what: 'the journal entries of the rectification events' },
    );

    // The replay, then another rectification's overdue event sent under this one's key (so on the same partition,
    // after the replay): the barrier. Its violation recorded shows detection has read past the replay.
    const other = rectification(randomUUID(), randomUUID());
    await send(late);
    await send(overdue(other), r.id);
    const barrier = `${other.id}.rectification-late`;
    await waitFor(async () => recorded(barrier).length > 0, { timeoutMs: 60_000, what: 'the barrier’s violation' });
    await s.events.caughtUp();
    expect(recorded(id)).toHaveLength(1);
    const violations = await mongo.db(s.db).collection('violations').find({ matterId: caseId }).toArray();
    expect(violations.map((v) => v._id)).toEqual([id]);
    expect(violations[0]).toMatchObject({ kind: 'rectification_late', version: 1, caseNumber: '620321202611100007' });
  });
});
