import { randomUUID } from 'node:crypto';
import { complaintsV1, supervisionV1, type eventsV1 } from '@govhall/proto';
import { userToken, waitFor, type MongoClient } from '@govhall/testing';
import { publishedComplaint } from '../src/adapters/kafka/published-complaint.test-double';
import { complaintsEvent, startDetectionWorld, type DetectionWorld } from './detection-world';
import { COMPLAINT_TOPIC, type SupervisionUnderTest } from './violation-world';

// 投诉和举报: the complaints service publishes each change of a complaint on govhall.complaints.complaint (key = the
// complaint's id; the complainant removed, the content masked); its sweep sends ComplaintAcceptanceOverdue and
// ComplaintReplyOverdue once each. The test publishes those events itself (in the shared envelope, as the complaints
// service's relay would); supervision, its own process, records one complaint_late violation per clock past its day
// (of the handling office) and one complaint_justified for an answer classed 合理 (of the target), and announces
// each once. Filing, accepting, and answers classed 无效 or 错误 record nothing; a replay records nothing new (a
// justified answer to another complaint, sent under the first one's key and so on the same partition, is the
// barrier).
let w: DetectionWorld;
let s: SupervisionUnderTest;
let mongo: MongoClient;

beforeAll(async () => {
  w = await startDetectionWorld('complaint-violations-test');
  ({ s, mongo } = w);
}, 180_000);

afterAll(() => w?.stop());

const recorded = (id: string) => w.recorded(id);
const pb = complaintsV1;
const V = supervisionV1.ViolationKind;

/** The complaint's next version, changed by `patch`. */
const next = (c: complaintsV1.Complaint, patch: Partial<complaintsV1.Complaint>): complaintsV1.Complaint => ({
  ...c,
  ...patch,
  version: c.version + 1,
});

/** Accepted by yc-sup on 12-08, due to be answered by 12-16. */
const accepted = (c: complaintsV1.Complaint) =>
  next(c, {
    status: pb.ComplaintStatus.COMPLAINT_STATUS_ACCEPTED,
    acceptedAt: new Date('2026-12-08T03:00:00Z'),
    acceptedBy: 'yc-sup',
    replyBy: '2026-12-16',
  });

/** Answered by yc-sup on 2026-12-18 (China), classed `finding`. */
const answered = (c: complaintsV1.Complaint, finding: complaintsV1.ComplaintFinding) =>
  next(c, {
    status: pb.ComplaintStatus.COMPLAINT_STATUS_REPLIED,
    reply: {
      finding,
      text: '经调查，反映的情况属实，已对当事人批评教育',
      repliedBy: 'yc-sup',
      repliedAt: new Date('2026-12-18T02:00:00Z'),
    },
  });

const CODECS = {
  ComplaintFiled: pb.ComplaintFiled,
  ComplaintAcceptanceOverdue: pb.ComplaintAcceptanceOverdue,
  ComplaintAccepted: pb.ComplaintAccepted,
  ComplaintReplyOverdue: pb.ComplaintReplyOverdue,
  ComplaintReplied: pb.ComplaintReplied,
};

/** The event `type` carrying the complaint, at `at`, by `by` (the service itself when none). */
const event = (type: keyof typeof CODECS, c: complaintsV1.Complaint, at: string, by?: string) =>
  complaintsEvent(type, CODECS[type], { complaint: c }, c, at, by);

const replied = (c: complaintsV1.Complaint, finding: complaintsV1.ComplaintFinding) =>
  event('ComplaintReplied', answered(accepted(c), finding), '2026-12-18T02:00:00Z', 'yc-sup');

const send = (envelope: eventsV1.EventEnvelope, key?: string) => w.send(COMPLAINT_TOPIC, envelope, key);

const announced = (id: string) => supervisionV1.ViolationRecorded.decode(recorded(id)[0]!.envelope.payload).violation!;

describe('complaint_late (投诉办理超时) and complaint_justified (有效投诉)', () => {
  it('each clock past its day and a justified answer are one violation each; the rest and a replay record nothing', async () => {
    const id = randomUUID();
    const c1 = publishedComplaint(id);
    const c2 = next(c1, { acceptanceOverdue: true });
    const c3 = accepted(c2);
    const c4 = next(c3, { replyOverdue: true });
    const c5 = answered(c4, pb.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED);
    const events = [
      event('ComplaintFiled', c1, '2026-12-07T01:00:00Z'),
      // The sweep, 00:10 on 12-09 in China.
      event('ComplaintAcceptanceOverdue', c2, '2026-12-08T16:10:00Z'),
      event('ComplaintAccepted', c3, '2026-12-08T03:00:00Z', 'yc-sup'),
      event('ComplaintReplyOverdue', c4, '2026-12-16T16:10:00Z'),
      event('ComplaintReplied', c5, '2026-12-18T02:00:00Z', 'yc-sup'),
    ];
    for (const e of events) await send(e);
    const ids = {
      acceptance: `${id}.complaint-acceptance-late`,
      reply: `${id}.complaint-reply-late`,
      justified: `${id}.complaint-justified`,
    };
    await waitFor(async () => Object.values(ids).every((v) => recorded(v).length > 0), {
      timeoutMs: 60_000,
      what: 'the three violations of the complaint',
    });

    expect(announced(ids.acceptance)).toMatchObject({
      tenant: '620321',
      kind: V.VIOLATION_KIND_COMPLAINT_LATE,
      state: supervisionV1.ViolationState.VIOLATION_STATE_OPEN,
      department: '',
      person: '',
      occurredDate: '2026-12-09',
      recordedBy: 'automatic',
      summary: '投诉TS6203212026120700001（行政效能和工作作风）的受理期限为2026-12-08，效能监察室逾期仍未受理',
    });
    const reply = announced(ids.reply);
    expect(reply).toMatchObject({
      kind: V.VIOLATION_KIND_COMPLAINT_LATE,
      person: 'yc-sup',
      occurredDate: '2026-12-17',
    });
    expect(Object.fromEntries(reply.evidence.map((e) => [e.label, e.value]))).toMatchObject({
      投诉编号: 'TS6203212026120700001',
      办理单位: '效能监察室',
      受理日期: '2026-12-08',
      答复期限: '2026-12-16',
      超期时间: '2026-12-17',
      承办人: 'yc-sup',
    });
    expect(reply.evidence.every((e) => e.eventId === events[3]!.id)).toBe(true);
    const justified = announced(ids.justified);
    expect(justified).toMatchObject({
      kind: V.VIOLATION_KIND_COMPLAINT_JUSTIFIED,
      department: '620321-SCJG',
      person: 'yc-clerk',
      occurredDate: '2026-12-18',
    });
    expect(Object.fromEntries(justified.evidence.map((e) => [e.label, e.value]))).toMatchObject({
      被投诉对象: '工作人员王清（yc-clerk）',
      认定结果: '合理投诉',
    });
    // Neither the complaint's content nor the answer's text goes into a violation.
    for (const v of Object.values(ids)) expect(JSON.stringify(announced(v))).not.toMatch(/态度恶劣|5678|属实/);

    // Read back over gRPC, by a center administrator of the tenant (the database is this run's own).
    const admin = await userToken('yc-admin');
    const list = async (req: Partial<supervisionV1.ListViolationsRequest>) =>
      (
        await s.call<supervisionV1.ListViolationsRequest, supervisionV1.ListViolationsResponse>(
          'listViolations',
          supervisionV1.ListViolationsRequest.fromPartial({ tenant: '620321', ...req }),
          admin,
        )
      ).violations.map((v) => v.id);
    expect((await list({ kind: V.VIOLATION_KIND_COMPLAINT_LATE })).sort()).toEqual([ids.acceptance, ids.reply].sort());
    expect(await list({ kind: V.VIOLATION_KIND_COMPLAINT_JUSTIFIED, person: 'yc-clerk' })).toEqual([ids.justified]);

    // The journal keeps the complaint's events.
    await waitFor(
      async () =>
        (await mongo
          .db(s.db)
          .collection('recorded_events')
          .countDocuments({ _id: { $in: events.map((e) => e.id) } as never })) === events.length,
      { timeoutMs: 30_000, what: 'the journal entries of the complaint events' },
    );

    // The replay of the three, answers classed 无效 and 错误 to two other complaints, then a justified answer to a
    // fourth complaint about a window: all under the first complaint's key (so on one partition, in this order).
    // The fourth's violation recorded shows detection has read past the rest.
    for (const e of events.slice(1)) await send(e, id);
    const invalid = publishedComplaint(randomUUID(), {
      kind: pb.ComplaintKind.COMPLAINT_KIND_LAW_ENFORCEMENT,
      office: pb.HandlingOffice.HANDLING_OFFICE_LEGAL_AFFAIRS,
      officeDepartment: '620321-SFJ',
    });
    const mistaken = publishedComplaint(randomUUID());
    const barrier = publishedComplaint(randomUUID(), {
      target: {
        kind: pb.TargetKind.TARGET_KIND_WINDOW,
        id: 'w-3',
        name: '3号窗口（综合窗口）',
        department: '620321-SCJG',
      },
    });
    await send(replied(invalid, pb.ComplaintFinding.COMPLAINT_FINDING_INVALID), id);
    await send(replied(mistaken, pb.ComplaintFinding.COMPLAINT_FINDING_MISTAKEN), id);
    await send(replied(barrier, pb.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED), id);
    const barrierId = `${barrier.id}.complaint-justified`;
    await waitFor(async () => recorded(barrierId).length > 0, { timeoutMs: 60_000, what: 'the barrier’s violation' });
    expect(announced(barrierId)).toMatchObject({ windowId: 'w-3', department: '620321-SCJG', person: '' });
    await s.events.caughtUp();
    for (const v of Object.values(ids)) expect(recorded(v)).toHaveLength(1);
    const stored = await mongo
      .db(s.db)
      .collection('violations')
      .find({ kind: { $in: ['complaint_late', 'complaint_justified'] } })
      .toArray();
    expect(stored.map((v) => [v._id, v.kind, v.version]).sort()).toEqual(
      [
        [ids.acceptance, 'complaint_late', 1],
        [ids.reply, 'complaint_late', 1],
        [ids.justified, 'complaint_justified', 1],
        [barrierId, 'complaint_justified', 1],
      ].sort(),
    );
  });
});
