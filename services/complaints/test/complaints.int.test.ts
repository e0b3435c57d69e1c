import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import {
  bearer,
  grpcFailure,
  MongoClient,
  stack,
  stackMailbox,
  startEventReader,
  startGroupAtTopicEnd,
  waitFor,
  type EventReader,
  type RunningProcess,
} from '@govhall/testing';
import { CASE_TOPIC, CasesWorld, SCJG, TENANT, type Applicant } from '../../applications/test/cases-world';
import { startComplaintsService } from './complaints-world';
import { COMPLAINT_TOPIC } from '../src/adapters/kafka/complaint-events';

// 投诉和举报 against the real stack: identity (departments, windows, staff), the catalogue (the tenant's working
// calendar), the cases service and the complaints service, each its own process. A citizen files online about a
// window; the supervision office accepts, answers and classes it; the citizen votes on the answer; the public reads
// the outcome masked. A law-enforcement complaint entered by staff from a call goes to the legal-affairs window
// (620321-SFJ, made here). The complainant is told the answer by e-mail (the stack's Mailpit). Time passes by the
// service's clock file: an unaccepted complaint is reported overdue once.
const world = new CasesWorld({ name: 'complaints', tag: 'cp', events: false });
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-complaints-clock-'));
const clockFile = path.join(clockDir, 'now');
const database = `govhall_complaints_cp${world.suffix}`;
const notifierGroup = `complaints-notifier-cp${world.suffix}`;
let service: RunningProcess;
let client: complaintsV1.ComplaintServiceClient;
let topic: EventReader;
let mongo: MongoClient;
const mailbox = stackMailbox();
let citizen: Applicant;
let citizenToken: string;
let other: Applicant;
const people = { supervisor: '', legal: '', desk: '', head: '', clerk: '' };
let windowId = '';

const C = complaintsV1;
const rpc = <Req, Res>(method: keyof complaintsV1.ComplaintServiceClient, req: Req, token?: string) =>
  callUnary<Req, Res>(client[method].bind(client) as never, req, {
    ...(token ? bearer(token) : {}),
    deadlineMs: 15_000,
  });

/** A filing's fields, any of them left out. */
type Filing = Omit<Partial<complaintsV1.FileComplaintRequest>, 'target' | 'complainant'> & {
  target?: Partial<complaintsV1.ComplaintTarget>;
  complainant?: Partial<complaintsV1.Complainant>;
};
const file = (req: Filing, token?: string) =>
  rpc<complaintsV1.FileComplaintRequest, complaintsV1.FileComplaintResponse>(
    'fileComplaint',
    complaintsV1.FileComplaintRequest.fromPartial({
      tenant: TENANT,
      type: C.ComplaintType.COMPLAINT_TYPE_COMPLAINT,
      kind: C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY,
      channel: C.ComplaintChannel.COMPLAINT_CHANNEL_ONLINE,
      target: { kind: C.TargetKind.TARGET_KIND_WINDOW, id: windowId },
      content: '在投诉测试窗口办理时被要求反复补交同一份材料，我的手机13912345678。',
      complainant: { name: '钱投诉', phone: '13912345678' },
      requestId: randomUUID(),
      ...req,
    }),
    token,
  ).then((r) => r.complaint!);

const typesOf = (id: string) => topic.of(COMPLAINT_TOPIC, id).map((e) => e.envelope.type.split('.').pop());

beforeAll(async () => {
  writeFileSync(clockFile, '');
  mongo = await MongoClient.connect(stack.mongoUri);
  await world.start();
  const admin = await world.adminToken();
  // The legal-affairs window's department: the identity seed seats it (620321-SFJ); a bare identity gets it here.
  await world
    .identityCall('createDepartment', { tenant: TENANT, abbreviation: 'SFJ', name: '永昌县司法局' }, admin)
    .catch((e: unknown) => {
      if (!String(e).includes('DEPARTMENT_EXISTS')) throw e;
    });
  const [supervisor, legal, desk, head, a, b] = await Promise.all([
    world.createStaff('supervisor', { department: '', displayName: '投诉测试监察人员' }),
    world.createStaff('complaint_handler', { department: `${TENANT}-SFJ`, displayName: '法制办测试人员' }),
    world.createStaff('complaint_handler', { department: '', displayName: '协调办测试人员' }),
    world.createStaff('department_head', { displayName: '投诉测试部门负责人' }),
    world.createStaff('window_clerk', { displayName: '投诉窗口甲' }),
    world.createStaff('window_clerk', { displayName: '投诉窗口乙' }),
  ]);
  Object.assign(people, {
    supervisor: supervisor.username,
    legal: legal.username,
    desk: desk.username,
    head: head.username,
    clerk: a.username,
  });
  windowId = (await world.createWindow({ name: '投诉测试窗口', aPost: a, bPost: b })).id;
  [citizen, other] = await Promise.all([world.registerPerson('钱投诉'), world.registerPerson('孙旁人')]);
  // One login for the file (tokens live five minutes): a second password grant of the citizen moments after the
  // first was refused here ("Invalid user credentials"; the realm guards against brute force).
  citizenToken = await citizen.token();
  await world.startApplications({ GOVHALL_TENANTS: TENANT });
  topic = await startEventReader([{ topic: COMPLAINT_TOPIC, partitions: 3 }]);
  // The service's complainant notifier reads its own stream from where it ends now.
  await startGroupAtTopicEnd(notifierGroup, [COMPLAINT_TOPIC]);
  // The case stream is not read here: its group starts at the stream's end. From the beginning it would replay every
  // earlier test's cases (thousands in a CI run), and the process would be busy with them while the test waits.
  const caseStreamGroup = `complaints-cases-cp${world.suffix}`;
  await startGroupAtTopicEnd(caseStreamGroup, [CASE_TOPIC]);
  const started = await startComplaintsService(world, {
    name: 'cp',
    database,
    clockFile,
    caseStreamGroup,
    env: { COMPLAINT_SWEEP_MS: '200', COMPLAINT_NOTIFIER_GROUP_ID: notifierGroup },
  });
  service = started.process;
  client = createGrpcClient(complaintsV1.ComplaintServiceClient, started.address, {
    serviceName: 'govhall.complaints.v1.ComplaintService',
    idempotentMethods: ['GetComplaint', 'ListComplaints', 'ListMyComplaints'],
  });
}, 300_000);

afterAll(async () => {
  client?.close();
  await service?.stop();
  await topic?.stop();
  await mongo?.close();
  await world.stop([database]);
  rmSync(clockDir, { recursive: true, force: true });
});

/** A summary's counts by key (`status:1`, `kind:4`, …: the proto enums' values). */
const countsOf = (s: complaintsV1.ComplaintSummary) =>
  new Map<string, number>([
    ...s.byStatus.map((r) => [`status:${r.status}`, Number(r.count)] as const),
    ...s.byKind.map((r) => [`kind:${r.kind}`, Number(r.count)] as const),
    ...s.byFinding.map((r) => [`finding:${r.finding}`, Number(r.count)] as const),
    ...s.bySatisfaction.map((r) => [`satisfaction:${r.satisfaction}`, Number(r.count)] as const),
  ]);

describe('complaints (投诉和举报) against the real stack', () => {
  it('filed online about a window, accepted, answered and classed, voted on by the citizen, published masked', async () => {
    const token = citizenToken;
    const email = `cp-${world.suffix}@example.cn`;
    const filed = await file({ complainant: { name: '钱投诉', phone: '13912345678', email } }, token);
    expect(filed).toMatchObject({
      tenant: TENANT,
      status: C.ComplaintStatus.COMPLAINT_STATUS_RECEIVED,
      office: C.HandlingOffice.HANDLING_OFFICE_SUPERVISION,
      target: { name: expect.stringContaining('投诉测试窗口'), department: SCJG },
      complainant: { name: '钱投诉', subject: citizen.person.subject },
    });
    expect(filed.number).toMatch(new RegExp(`^TS${TENANT}\\d{13}$`));
    expect(filed.acceptBy > '').toBe(true);

    // The department head reads it with the complainant masked; another citizen does not see it at all.
    const byHead = await rpc<complaintsV1.GetComplaintRequest, complaintsV1.GetComplaintResponse>(
      'getComplaint',
      { id: filed.id, number: '' },
      await world.token(people.head),
    );
    expect(byHead.complaint!.complainant).toMatchObject({ name: '钱**', phone: '139****5678' });
    const stranger = await grpcFailure(rpc('getComplaint', { id: filed.id, number: '' }, await other.token()));
    expect([stranger.code, stranger.reason]).toEqual([status.NOT_FOUND, 'COMPLAINT_NOT_FOUND']);

    const sup = await world.token(people.supervisor);
    const notTheirs = await grpcFailure(
      rpc('acceptComplaint', { id: filed.id, expectedVersion: 1 }, await world.token(people.desk)),
    );
    // The coordination office does not handle (nor read) an efficiency complaint.
    expect([notTheirs.code, notTheirs.reason]).toEqual([status.NOT_FOUND, 'COMPLAINT_NOT_FOUND']);
    const accepted = (
      await rpc<complaintsV1.AcceptComplaintRequest, complaintsV1.AcceptComplaintResponse>(
        'acceptComplaint',
        { id: filed.id, expectedVersion: 1 },
        sup,
      )
    ).complaint!;
    expect(accepted).toMatchObject({
      status: C.ComplaintStatus.COMPLAINT_STATUS_ACCEPTED,
      acceptedBy: people.supervisor,
    });
    const noFinding = await grpcFailure(
      rpc('replyComplaint', { id: filed.id, expectedVersion: 2, finding: 0, text: '已处理' }, sup),
    );
    expect(noFinding.violations.map((v) => v.path)).toEqual(['finding']);
    const replied = (
      await rpc<complaintsV1.ReplyComplaintRequest, complaintsV1.ReplyComplaintResponse>(
        'replyComplaint',
        {
          id: filed.id,
          expectedVersion: 2,
          finding: C.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED,
          text: '经核实情况属实，已对窗口人员批评教育，并在窗口张贴一次性告知清单。',
        },
        sup,
      )
    ).complaint!;
    expect(replied.reply).toMatchObject({ finding: C.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED });
    const rated = (
      await rpc<complaintsV1.RateReplyRequest, complaintsV1.RateReplyResponse>(
        'rateReply',
        { id: filed.id, satisfaction: C.ReplySatisfaction.REPLY_SATISFACTION_SATISFIED },
        token,
      )
    ).complaint!;
    expect(rated.status).toBe(C.ComplaintStatus.COMPLAINT_STATUS_CLOSED);

    // The complainant is told the answer by e-mail (the contact given with the complaint), signed by the center.
    const told = await waitFor(
      async () => (await mailbox.to(email)).find((m) => m.Subject.includes(`投诉答复（${filed.number}）`)),
      // A fresh clone's CI run once waited over 20 s here (the process was then replaying the whole case stream).
      { timeoutMs: 60_000, what: 'the e-mail of the answer' },
    );
    const text = (await mailbox.message(told.ID)).Text;
    expect(text).toContain('钱投诉：');
    expect(text).toContain('认定为合理投诉');
    expect(text).toContain('已对窗口人员批评教育');

    // The public reads it with no name or phone (anonymous call).
    const published = await rpc<complaintsV1.ListPublishedOutcomesRequest, complaintsV1.ListPublishedOutcomesResponse>(
      'listPublishedOutcomes',
      { tenant: TENANT },
    );
    const outcome = published.outcomes.find((o) => o.number === filed.number)!;
    expect(outcome).toMatchObject({ finding: C.ComplaintFinding.COMPLAINT_FINDING_JUSTIFIED });
    expect(JSON.stringify(outcome)).not.toMatch(/钱投诉|13912345678/);

    // The events, in order, without the complainant's name or phone.
    await waitFor(async () => typesOf(filed.id).includes('ReplyRated') || undefined, { what: 'ReplyRated' });
    expect(typesOf(filed.id)).toEqual(['ComplaintFiled', 'ComplaintAccepted', 'ComplaintReplied', 'ReplyRated']);
    for (const e of topic.of(COMPLAINT_TOPIC, filed.id)) {
      expect(Buffer.from(e.envelope.payload).toString('utf8')).not.toMatch(/13912345678|钱投诉/);
    }
    const events = topic
      .of(COMPLAINT_TOPIC, filed.id)
      .map((e) => complaintsV1.ComplaintFiled.decode(e.envelope.payload).complaint!);
    expect(events.every((c) => c.complainant?.name === '' && c.complainant?.phone === '')).toBe(true);
  });

  it('a call entered by staff (首问责任人) about law enforcement goes to the legal-affairs window, not the office', async () => {
    const entered = await file(
      {
        channel: C.ComplaintChannel.COMPLAINT_CHANNEL_PHONE,
        kind: C.ComplaintKind.COMPLAINT_KIND_LAW_ENFORCEMENT,
        target: { kind: C.TargetKind.TARGET_KIND_STAFF, id: people.clerk },
        content: '来电反映：窗口在办理许可时适用的标准与公布的办事指南不一致。',
      },
      await world.token(people.clerk),
    );
    expect(entered).toMatchObject({
      receivedBy: people.clerk,
      office: C.HandlingOffice.HANDLING_OFFICE_LEGAL_AFFAIRS,
      officeDepartment: `${TENANT}-SFJ`,
      target: { name: '投诉窗口甲', department: SCJG },
    });
    // Yesterday to tomorrow (UTC): today in China whatever the hour.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const list = async (who: string) =>
      (
        await rpc<complaintsV1.ListComplaintsRequest, complaintsV1.ListComplaintsResponse>(
          'listComplaints',
          { tenant: TENANT, from: day(-1), to: day(1), statuses: [], kind: 0 },
          await world.token(who),
        )
      ).complaints.map((c) => c.id);
    expect(await list(people.legal)).toContain(entered.id);
    expect(await list(people.desk)).not.toContain(entered.id);
    // A citizen cannot enter a call; nobody can name a target elsewhere.
    const byCitizen = await grpcFailure(file({ channel: C.ComplaintChannel.COMPLAINT_CHANNEL_LETTER }, citizenToken));
    expect(byCitizen.code).toBe(status.PERMISSION_DENIED);
    const elsewhere = await grpcFailure(
      file({ target: { kind: C.TargetKind.TARGET_KIND_STAFF, id: 'jc-clerk' } }, citizenToken),
    );
    expect(elsewhere.violations.map((v) => [v.path, v.reason])).toEqual([['target.id', 'NOT_FOUND']]);
  });

  it('an anonymous 举报 is taken; a 投诉 without a name or a way to answer is refused at its fields, storing nothing', async () => {
    const before = await mongo.db(database).collection('complaints').countDocuments();
    const refused = await grpcFailure(file({ complainant: { name: '', phone: '', email: '', subject: '' } }));
    expect(refused.violations.map((v) => v.path)).toEqual(['complainant.name', 'complainant.phone']);
    expect(await mongo.db(database).collection('complaints').countDocuments()).toBe(before);
    const report = await file({
      type: C.ComplaintType.COMPLAINT_TYPE_REPORT,
      complainant: { name: '', phone: '', email: '', subject: '' },
    });
    expect(report.complainant).toMatchObject({ name: '', subject: '' });
  });

  it('attachments: the citizen uploads and files them, the office downloads; others’, used, wrong, big, many refused', async () => {
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
    const upload = (fileName: string, content: Buffer, token: string) =>
      rpc<complaintsV1.UploadComplaintAttachmentRequest, complaintsV1.UploadComplaintAttachmentResponse>(
        'uploadComplaintAttachment',
        { tenant: TENANT, fileName, content },
        token,
      ).then((r) => r.attachment!);
    const photo = await upload('窗口照片.png', PNG, citizenToken);
    expect(photo).toMatchObject({
      fileName: '窗口照片.png',
      contentType: 'image/png',
      size: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });
    const letter = await upload('情况说明.pdf', PDF, citizenToken);
    const theirs = await upload('旁人的照片.png', PNG, await other.token());
    const db = mongo.db(database);
    const complaintsBefore = await db.collection('complaints').countDocuments();
    const unused = () =>
      db
        .collection('complaint_attachments')
        .countDocuments({ _id: { $in: [photo.id, letter.id, theirs.id] } as never, usedBy: '' });

    // Refused, nothing changed: someone else's upload, more than five, a wrong type, too big (nothing stored).
    const foreign = await grpcFailure(file({ attachmentIds: [photo.id, theirs.id] }, citizenToken));
    expect(foreign.violations.map((v) => [v.path, v.reason])).toEqual([['attachmentIds[1]', 'NOT_FOUND']]);
    const many = await grpcFailure(
      file(
        { attachmentIds: [photo.id, letter.id, randomUUID(), randomUUID(), randomUUID(), randomUUID()] },
        citizenToken,
      ),
    );
    expect(many.violations.map((v) => [v.path, v.reason])).toEqual([['attachmentIds', 'MAX_ITEMS']]);
    const wrongType = await grpcFailure(upload('照片.png', Buffer.from('这不是图片，只是一段文字。'), citizenToken));
    expect(wrongType.violations.map((v) => [v.path, v.reason])).toEqual([['content', 'TYPE']]);
    const tooBig = await grpcFailure(
      upload('扫描件.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), citizenToken),
    );
    expect(tooBig.violations.map((v) => [v.path, v.reason])).toEqual([['content', 'TOO_LARGE']]);
    expect(await db.collection('complaints').countDocuments()).toBe(complaintsBefore);
    expect(await unused()).toBe(3);
    expect(await db.collection('complaint_attachments').countDocuments({ uploader: citizen.person.subject })).toBe(2);

    const filed = await file({ attachmentIds: [photo.id, letter.id] }, citizenToken);
    expect(filed.attachments.map((a) => [a.fileName, a.contentType])).toEqual([
      ['窗口照片.png', 'image/png'],
      ['情况说明.pdf', 'application/pdf'],
    ]);
    expect(filed.attachmentIds).toEqual([photo.id, letter.id]);
    // Used once: another filing with it is refused, and no complaint is added.
    const used = await grpcFailure(file({ attachmentIds: [photo.id] }, citizenToken));
    expect(used.violations.map((v) => [v.path, v.reason])).toEqual([['attachmentIds[0]', 'NOT_FOUND']]);
    expect(await db.collection('complaints').countDocuments()).toBe(complaintsBefore + 1);

    // The handling office (the supervision office) and the complainant download; the target's head sees none.
    const download = (attachmentId: string, token: string) =>
      rpc<complaintsV1.GetComplaintAttachmentRequest, complaintsV1.GetComplaintAttachmentResponse>(
        'getComplaintAttachment',
        { complaintId: filed.id, attachmentId },
        token,
      );
    const byOffice = await download(photo.id, await world.token(people.supervisor));
    expect(Buffer.from(byOffice.content).equals(PNG)).toBe(true);
    expect(byOffice.attachment).toMatchObject({ fileName: '窗口照片.png', contentType: 'image/png' });
    expect(Buffer.from((await download(letter.id, citizenToken)).content).equals(PDF)).toBe(true);
    const headToken = await world.token(people.head);
    const byHead = await rpc<complaintsV1.GetComplaintRequest, complaintsV1.GetComplaintResponse>(
      'getComplaint',
      { id: filed.id, number: '' },
      headToken,
    );
    expect(byHead.complaint!.attachments).toEqual([]);
    const headDownload = await grpcFailure(download(photo.id, headToken));
    expect([headDownload.code, headDownload.reason]).toEqual([status.NOT_FOUND, 'COMPLAINT_NOT_FOUND']);
    const strangerDownload = await grpcFailure(download(theirs.id, await other.token()));
    expect(strangerDownload.code).toBe(status.NOT_FOUND);

    // The event carries no attachment (a file name may be personal).
    await waitFor(async () => typesOf(filed.id).includes('ComplaintFiled') || undefined, { what: 'ComplaintFiled' });
    const event = complaintsV1.ComplaintFiled.decode(topic.of(COMPLAINT_TOPIC, filed.id)[0]!.envelope.payload);
    expect(event.complaint!.attachments).toEqual([]);
    expect(Buffer.from(topic.of(COMPLAINT_TOPIC, filed.id)[0]!.envelope.payload).toString('utf8')).not.toContain(
      '窗口照片',
    );
  });

  it('one not accepted by its day is reported overdue once, when the clock says so', async () => {
    const late = await file({ requestId: randomUUID() }, citizenToken);
    // Ten days on, the day to accept it has passed.
    writeFileSync(clockFile, new Date(Date.now() + 10 * 86_400_000).toISOString());
    try {
      await waitFor(async () => typesOf(late.id).includes('ComplaintAcceptanceOverdue') || undefined, {
        timeoutMs: 30_000,
        what: 'ComplaintAcceptanceOverdue',
      });
      const stored = await rpc<complaintsV1.GetComplaintRequest, complaintsV1.GetComplaintResponse>(
        'getComplaint',
        { id: late.id, number: '' },
        await world.token(people.supervisor),
      );
      expect(stored.complaint!.acceptanceOverdue).toBe(true);
      // The sweep runs every 200 ms: a later event of the complaint (its acceptance) is the barrier.
      await rpc(
        'acceptComplaint',
        { id: late.id, expectedVersion: Number(stored.complaint!.version) },
        await world.token(people.supervisor),
      );
      await waitFor(async () => typesOf(late.id).includes('ComplaintAccepted') || undefined, { what: 'the barrier' });
      await topic.caughtUp();
      expect(typesOf(late.id).filter((t) => t === 'ComplaintAcceptanceOverdue')).toHaveLength(1);
    } finally {
      writeFileSync(clockFile, '');
    }
  });

  it('SummarizeComplaints (投诉统计) counts the period for the supervision office, the overdue ones listed unnamed', async () => {
    const sup = await world.token(people.supervisor);
    // Yesterday to tomorrow (UTC): today in China whatever the hour; the earlier tests' complaints count too, so the
    // figures are compared with those before.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const period = { tenant: TENANT, from: day(-1), to: day(1) };
    const summarize = async (token = sup) =>
      (
        await rpc<complaintsV1.SummarizeComplaintsRequest, complaintsV1.SummarizeComplaintsResponse>(
          'summarizeComplaints',
          period,
          token,
        )
      ).summary!;
    const before = await summarize();

    // Four more: one answered 无效 and voted 不满意, one accepted and left unanswered, two left unaccepted (one for
    // the coordination office).
    const [answered, accepted, waiting, general] = await Promise.all([
      file({ requestId: randomUUID() }, citizenToken),
      file({ requestId: randomUUID() }),
      file({ requestId: randomUUID() }),
      file({
        kind: C.ComplaintKind.COMPLAINT_KIND_SERVICE,
        target: { kind: C.TargetKind.TARGET_KIND_NONE, id: '' },
        requestId: randomUUID(),
      }),
    ]);
    const act = <Req>(method: keyof complaintsV1.ComplaintServiceClient, req: Req) =>
      rpc<Req, { complaint?: complaintsV1.Complaint }>(method, req, sup).then((r) => r.complaint!);
    await act('acceptComplaint', { id: accepted.id, expectedVersion: 1 });
    const a = await act('acceptComplaint', { id: answered.id, expectedVersion: 1 });
    await act('replyComplaint', {
      id: answered.id,
      expectedVersion: Number(a.version),
      finding: C.ComplaintFinding.COMPLAINT_FINDING_INVALID,
      text: '经核实，窗口按办事指南要求补正材料，投诉不成立。',
    });
    await rpc(
      'rateReply',
      { id: answered.id, satisfaction: C.ReplySatisfaction.REPLY_SATISFACTION_DISSATISFIED },
      citizenToken,
    );

    const now = await summarize();
    expect(Number(now.total) - Number(before.total)).toBe(4);
    // The counts that changed, by key (the proto enums' values): those of the four, and nothing else.
    const after = countsOf(now);
    const prior = countsOf(before);
    const changed = Object.fromEntries(
      [...after].filter(([k, n]) => n !== (prior.get(k) ?? 0)).map(([k, n]) => [k, n - (prior.get(k) ?? 0)]),
    );
    expect(changed).toEqual({
      [`status:${C.ComplaintStatus.COMPLAINT_STATUS_RECEIVED}`]: 2,
      [`status:${C.ComplaintStatus.COMPLAINT_STATUS_ACCEPTED}`]: 1,
      [`status:${C.ComplaintStatus.COMPLAINT_STATUS_CLOSED}`]: 1,
      [`kind:${C.ComplaintKind.COMPLAINT_KIND_EFFICIENCY}`]: 3,
      [`kind:${C.ComplaintKind.COMPLAINT_KIND_SERVICE}`]: 1,
      [`finding:${C.ComplaintFinding.COMPLAINT_FINDING_INVALID}`]: 1,
      [`satisfaction:${C.ReplySatisfaction.REPLY_SATISFACTION_DISSATISFIED}`]: 1,
    });
    // Every state, kind, finding and vote is answered, zero included.
    expect(after.size).toBe(5 + 4 + 3 + 3);
    const mine = new Set([answered.id, accepted.id, waiting.id, general.id]);
    expect(now.overdue.filter((o) => mine.has(o.id))).toEqual([]);

    // Twenty days on (the service's clock), the two unaccepted ones are past their acceptance day and the accepted
    // one past its answer day; the answered one is not listed.
    const later = new Date(Date.now() + 20 * 86_400_000);
    writeFileSync(clockFile, later.toISOString());
    try {
      const late = await waitFor(
        async () => {
          const s = await summarize();
          return s.today === later.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) ? s : undefined;
        },
        { what: "the summary on the service's later clock" },
      );
      const listed = late.overdue.filter((o) => mine.has(o.id));
      expect(listed.map((o) => [o.number, o.clock]).sort()).toEqual(
        [
          [waiting.number, C.OverdueClock.OVERDUE_CLOCK_ACCEPT],
          [general.number, C.OverdueClock.OVERDUE_CLOCK_ACCEPT],
          [accepted.number, C.OverdueClock.OVERDUE_CLOCK_REPLY],
        ].sort(),
      );
      expect(listed.find((o) => o.id === general.id)).toMatchObject({
        kind: C.ComplaintKind.COMPLAINT_KIND_SERVICE,
        office: C.HandlingOffice.HANDLING_OFFICE_COORDINATION,
        status: C.ComplaintStatus.COMPLAINT_STATUS_RECEIVED,
        dueDay: general.acceptBy,
      });
      expect(listed.find((o) => o.id === waiting.id)!.target).toMatchObject({
        name: expect.stringContaining('投诉测试窗口'),
        department: SCJG,
      });
      expect(Number(late.lateAcceptance)).toBeGreaterThanOrEqual(2);
      expect(Number(late.lateReply)).toBeGreaterThanOrEqual(1);
      // No complainant, no content anywhere in the answer.
      expect(JSON.stringify(late)).not.toMatch(/钱投诉|13912345678|反复补交/);

      // A center administrator of the tenant reads it too.
      expect(Number((await summarize(await world.adminToken())).total)).toBe(Number(now.total));
    } finally {
      writeFileSync(clockFile, '');
    }
  });

  it('SummarizeComplaints refuses a reversed period, another region, a citizen and the handling desks', async () => {
    const sup = await world.token(people.supervisor);
    const ask = (req: Partial<complaintsV1.SummarizeComplaintsRequest>, token: string) =>
      grpcFailure(rpc('summarizeComplaints', { tenant: TENANT, from: '2026-12-01', to: '2026-12-31', ...req }, token));
    const reversed = await ask({ from: '2026-12-31', to: '2026-12-01' }, sup);
    expect([reversed.code, reversed.violations.map((v) => [v.path, v.reason])]).toEqual([
      status.INVALID_ARGUMENT,
      [['to', 'BEFORE_FROM']],
    ]);
    expect(reversed.violations[0]!.message).toBe('结束日期不能早于开始日期');
    const unknown = await ask({ tenant: '999999' }, sup);
    expect([unknown.code, unknown.reason]).toEqual([status.PERMISSION_DENIED, 'TENANT_OUT_OF_SCOPE']);
    const byCitizen = await ask({}, citizenToken);
    expect([byCitizen.code, byCitizen.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);
    const byDesk = await ask({}, await world.token(people.desk));
    expect([byDesk.code, byDesk.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);
    const anonymous = await grpcFailure(
      callUnary(
        client.summarizeComplaints.bind(client) as never,
        { tenant: TENANT, from: '2026-12-01', to: '2026-12-31' },
        { deadlineMs: 15_000 },
      ),
    );
    expect(anonymous.code).toBe(status.UNAUTHENTICATED);
  });
});
