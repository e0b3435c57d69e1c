import { randomUUID } from 'node:crypto';
import { buildEnvelope, encodeEnvelope, type Producer } from '@govhall/kafka';
import { commonV1, paymentsV1, supervisionV1 } from '@govhall/proto';
import { waitFor, type MongoClient } from '@govhall/testing';
import { startDetectionWorld, type DetectionWorld } from './detection-world';
import { PAYMENT_NOTICE_TOPIC, type SupervisionUnderTest } from './violation-world';

// 收缴分离: the payments service refuses a member of staff who tries to mark a notice paid and publishes
// StaffMarkPaidRefused on govhall.payments.notice. The test publishes that event itself (in the shared envelope, as
// the payments service's relay would); supervision, its own process, records one payment_marked_by_staff violation
// per attempt and announces it once; a replayed event records nothing new (the next attempt, on the same notice and
// so the same partition, is the barrier that shows the replay was handled).
let w: DetectionWorld;
let s: SupervisionUnderTest;
let producer: Producer;
let mongo: MongoClient;

beforeAll(async () => {
  w = await startDetectionWorld('payment-violations-test');
  ({ s, producer, mongo } = w);
}, 180_000);

afterAll(() => w?.stop());

const recorded = (id: string) => w.recorded(id);

/** StaffMarkPaidRefused of notice `noticeId` of the case, attempt `attempt`, by yc-clerk (a window clerk). */
function refused(caseId: string, noticeId: string, attempt: number) {
  return buildEnvelope({
    type: 'govhall.payments.v1.StaffMarkPaidRefused',
    codec: paymentsV1.StaffMarkPaidRefused,
    payload: paymentsV1.StaffMarkPaidRefused.fromPartial({
      notice: {
        id: noticeId,
        tenant: '620321',
        caseId,
        caseNumber: '620321202611020007',
        itemName: '食品经营许可',
        state: paymentsV1.NoticeState.NOTICE_STATE_ISSUED,
        number: '永昌县政务服务中心缴〔2026〕00031号',
        paymentCode: '62032126110200003117',
        totalFen: 1_000,
      },
      actor: 'yc-clerk',
      roles: ['window_clerk'],
      department: '620321-SCJG',
      attempt,
      reason: '收缴分离：缴款以银行确认为准，工作人员不能标记为已缴费',
    }),
    tenant: '620321',
    aggregateId: noticeId,
    aggregateVersion: attempt + 1,
    actor: {
      kind: commonV1.ActorKind.ACTOR_KIND_USER,
      subject: 'subject-yc-clerk',
      username: 'yc-clerk',
      tenant: '620321',
      roles: ['window_clerk'],
      department: '620321-SCJG',
      onBehalfOf: '',
    },
    occurredAt: new Date('2026-11-02T04:00:00Z'),
  });
}

const send = (envelope: ReturnType<typeof buildEnvelope>) =>
  producer.send({
    topic: PAYMENT_NOTICE_TOPIC,
    messages: [{ key: envelope.aggregateId, value: encodeEnvelope(envelope) }],
  });

describe('payment_marked_by_staff (收缴分离)', () => {
  it('a refused mark-paid attempt is one violation of the person who tried, with evidence; a replay records nothing new', async () => {
    const caseId = randomUUID();
    const noticeId = randomUUID();
    const first = refused(caseId, noticeId, 1);
    await send(first);
    const id = `${caseId}.payment-marked-by-staff.1`;
    await waitFor(async () => recorded(id).length > 0, { timeoutMs: 60_000, what: 'the violation of attempt 1' });
    const announced = supervisionV1.ViolationRecorded.decode(recorded(id)[0]!.envelope.payload).violation!;
    expect(announced).toMatchObject({
      id,
      tenant: '620321',
      kind: supervisionV1.ViolationKind.VIOLATION_KIND_PAYMENT_MARKED_BY_STAFF,
      state: supervisionV1.ViolationState.VIOLATION_STATE_OPEN,
      matterId: caseId,
      caseNumber: '620321202611020007',
      department: '620321-SCJG',
      person: 'yc-clerk',
      occurredDate: '2026-11-02',
      recordedBy: 'automatic',
    });
    expect(announced.summary).toContain('收缴分离');
    expect(Object.fromEntries(announced.evidence.map((e) => [e.label, e.value]))).toMatchObject({
      缴款通知书编号: '永昌县政务服务中心缴〔2026〕00031号',
      操作人员: 'yc-clerk',
      尝试次数: '1',
    });
    expect(announced.evidence.every((e) => e.eventId === first.id)).toBe(true);
    const stored = await mongo
      .db(s.db)
      .collection('violations')
      .findOne({ _id: id as never });
    expect(stored).toMatchObject({ kind: 'payment_marked_by_staff', version: 1 });

    // The journal keeps the notice event too (govhall.payments.notice is watched).
    await waitFor(
      async () =>
        (await mongo
          .db(s.db)
          .collection('recorded_events')
          .countDocuments({ _id: first.id as never })) > 0,
      { timeoutMs: 30_000, what: 'the journal entry of the notice event' },
    );

    // Replay (the same envelope again), then the second attempt on the same notice: the barrier.
    await send(first);
    await send(refused(caseId, noticeId, 2));
    const second = `${caseId}.payment-marked-by-staff.2`;
    await waitFor(async () => recorded(second).length > 0, { timeoutMs: 60_000, what: 'the violation of attempt 2' });
    await s.events.caughtUp();
    expect(recorded(id)).toHaveLength(1);
    const violations = await mongo.db(s.db).collection('violations').find({ matterId: caseId }).toArray();
    expect(violations.map((v) => v._id).sort()).toEqual([id, second].sort());
    const again = await mongo
      .db(s.db)
      .collection('violations')
      .findOne({ _id: id as never });
    // Kept as first recorded (its outbox aside, which the relay empties).
    const kept = (v: typeof stored) => ({ version: v?.version, recordedAt: v?.recordedAt, evidence: v?.evidence });
    expect(kept(again)).toEqual(kept(stored));
  });
});
