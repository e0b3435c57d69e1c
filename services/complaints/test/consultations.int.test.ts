import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Metadata, status, type ClientReadableStream } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import {
  bearer,
  grpcFailure,
  MongoClient,
  startEventReader,
  startGroupAtTopicEnd,
  stack,
  waitFor,
  type EventReader,
  type RunningProcess,
} from '@govhall/testing';
import { CASE_TOPIC, CasesWorld, SCJG, TENANT, testItem, type Applicant } from '../../applications/test/cases-world';
import { CONSULTATION_TOPIC } from '../src/adapters/kafka/consultation-events';
import { startComplaintsService } from './complaints-world';

// 咨询 against the real stack: identity (staff), the catalogue (an item published for the test: the question names
// it, its department answers), the cases service and the complaints service, each its own process. A citizen asks in
// public; the item's department answers; another citizen reads it in the public room, the asker masked; the head
// curates it into the item's FAQ, which anyone reads. Refusals change nothing.
const world = new CasesWorld({ name: 'consultations', tag: 'zx', events: false });
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-consultations-clock-'));
const database = `govhall_complaints_zx${world.suffix}`;
let service: RunningProcess;
let client: complaintsV1.ConsultationServiceClient;
let live: complaintsV1.LiveConsultationServiceClient;
let topic: EventReader;
let mongo: MongoClient;
let asker: Applicant;
let reader: Applicant;
const people = { clerk: '', head: '', otherClerk: '' };
let item = { id: '', code: '' };

const C = complaintsV1;
const rpc = <Req, Res>(method: keyof complaintsV1.ConsultationServiceClient, req: Req, token?: string) =>
  callUnary<Req, Res>(client[method].bind(client) as never, req, {
    ...(token ? bearer(token) : {}),
    deadlineMs: 15_000,
  });
const ask = (req: Partial<complaintsV1.AskConsultationRequest>, token?: string) =>
  rpc<complaintsV1.AskConsultationRequest, complaintsV1.AskConsultationResponse>(
    'askConsultation',
    complaintsV1.AskConsultationRequest.fromPartial({
      tenant: TENANT,
      kind: C.ConsultationKind.CONSULTATION_KIND_QUESTION,
      channel: C.ConsultationChannel.CONSULTATION_CHANNEL_ONLINE,
      itemId: item.id,
      visibility: C.ConsultationVisibility.CONSULTATION_VISIBILITY_PUBLIC,
      question: '个体户办理咨询测试许可需要现场核查吗？有事请打13912345678。',
      requestId: randomUUID(),
      ...req,
    }),
    token,
  ).then((r) => r.consultation!);
const stored = () => mongo.db(database).collection('consultations').countDocuments();

beforeAll(async () => {
  writeFileSync(path.join(clockDir, 'now'), '');
  mongo = await MongoClient.connect(stack.mongoUri);
  await world.start();
  const [reviewer, clerk, head, otherClerk] = await Promise.all([
    world.createStaff('reviewer', { displayName: '咨询测试审核人' }),
    world.createStaff('window_clerk', { displayName: '咨询测试窗口人员' }),
    world.createStaff('department_head', { displayName: '咨询测试负责人' }),
    world.createStaff('window_clerk', { department: `${TENANT}-RSJ`, displayName: '人社窗口人员' }),
  ]);
  Object.assign(people, { clerk: clerk.username, head: head.username, otherClerk: otherClerk.username });
  const published = await world.publishItem(testItem('咨询测试许可'), reviewer.username);
  item = { id: published.id, code: published.basicCode };
  [asker, reader] = await Promise.all([world.registerPerson('周咨询'), world.registerPerson('吴旁观')]);
  await world.startApplications({ GOVHALL_TENANTS: TENANT });
  topic = await startEventReader([{ topic: CONSULTATION_TOPIC, partitions: 3 }]);
  const caseStreamGroup = `complaints-cases-zx${world.suffix}`;
  await startGroupAtTopicEnd(caseStreamGroup, [CASE_TOPIC]);
  const started = await startComplaintsService(world, {
    name: 'zx',
    database,
    clockFile: path.join(clockDir, 'now'),
    caseStreamGroup,
  });
  service = started.process;
  client = createGrpcClient(complaintsV1.ConsultationServiceClient, started.address, {
    serviceName: 'govhall.complaints.v1.ConsultationService',
    idempotentMethods: ['GetConsultation', 'ListPublicConsultations', 'ListItemFaqs'],
  });
  live = createGrpcClient(complaintsV1.LiveConsultationServiceClient, started.address, {
    serviceName: 'govhall.complaints.v1.LiveConsultationService',
    idempotentMethods: [],
  });
}, 300_000);

afterAll(async () => {
  client?.close();
  live?.close();
  await service?.stop();
  await topic?.stop();
  await mongo?.close();
  await world.stop([database]);
  rmSync(clockDir, { recursive: true, force: true });
});

describe('consultations (咨询) against the real stack', () => {
  it('asked in public, answered by the item’s department, read in the room masked, curated into the FAQ anyone reads', async () => {
    const askerToken = await asker.token();
    const readerToken = await reader.token();
    const asked = await ask({}, askerToken);
    expect(asked).toMatchObject({
      status: C.ConsultationStatus.CONSULTATION_STATUS_OPEN,
      department: SCJG,
      itemName: '咨询测试许可',
      itemCode: item.code,
    });
    expect(asked.number).toMatch(new RegExp(`^ZX${TENANT}\\d{13}$`));

    // Not in the room before it is answered; another department's clerk does not answer it.
    const early = await grpcFailure(rpc('getConsultation', { id: asked.id }, readerToken));
    expect([early.code, early.reason]).toEqual([status.NOT_FOUND, 'CONSULTATION_NOT_FOUND']);
    const otherDepartment = await grpcFailure(
      rpc(
        'answerConsultation',
        { id: asked.id, text: '不归我们管。', expectedVersion: 1 },
        await world.token(people.otherClerk),
      ),
    );
    expect(otherDepartment.code).toBe(status.NOT_FOUND);

    const clerkToken = await world.token(people.clerk);
    const queue = await rpc<complaintsV1.ListConsultationQueueRequest, complaintsV1.ListConsultationQueueResponse>(
      'listConsultationQueue',
      { tenant: '', status: C.ConsultationStatus.CONSULTATION_STATUS_OPEN, page: { pageSize: 100, pageToken: '' } },
      clerkToken,
    );
    expect(queue.consultations.map((c) => c.id)).toContain(asked.id);
    const answered = (
      await rpc<complaintsV1.AnswerConsultationRequest, complaintsV1.AnswerConsultationResponse>(
        'answerConsultation',
        { id: asked.id, text: '需要。受理后5个工作日内现场核查，请保持电话畅通。', expectedVersion: 1 },
        clerkToken,
      )
    ).consultation!;
    expect(answered.answer).toMatchObject({ answeredBy: people.clerk, answererName: '咨询测试窗口人员' });

    const room = await rpc<complaintsV1.ListPublicConsultationsRequest, complaintsV1.ListPublicConsultationsResponse>(
      'listPublicConsultations',
      { tenant: TENANT, itemCode: item.code, page: { pageSize: 10, pageToken: '' } },
      readerToken,
    );
    expect(room.consultations.map((c) => c.id)).toEqual([asked.id]);
    expect(room.consultations[0]!.question).not.toContain('13912345678');

    const curated = (
      await rpc<complaintsV1.CurateConsultationRequest, complaintsV1.CurateConsultationResponse>(
        'curateConsultation',
        {
          id: asked.id,
          question: '个体户办理咨询测试许可需要现场核查吗？',
          answer: '需要，受理后5个工作日内现场核查。',
          expectedVersion: 2,
        },
        await world.token(people.head),
      )
    ).consultation!;
    expect(curated.faq).toMatchObject({ curatedBy: people.head });
    // The public guide's FAQ: no token.
    const faqs = await rpc<complaintsV1.ListItemFaqsRequest, complaintsV1.ListItemFaqsResponse>('listItemFaqs', {
      tenant: TENANT,
      itemCode: item.code,
    });
    expect(faqs.faqs.map((f) => [f.consultationId, f.question])).toEqual([
      [asked.id, '个体户办理咨询测试许可需要现场核查吗？'],
    ]);

    // Each change once on the topic, the asker's phone masked there.
    const types = async () => topic.of(CONSULTATION_TOPIC, asked.id).map((e) => e.envelope.type.split('.').pop());
    await waitFor(async () => ((await types()).includes('ConsultationCurated') ? true : undefined), {
      what: 'ConsultationCurated on the topic',
    });
    expect(await types()).toEqual(['ConsultationAsked', 'ConsultationAnswered', 'ConsultationCurated']);
    for (const e of topic.of(CONSULTATION_TOPIC, asked.id)) {
      const c = complaintsV1.ConsultationAsked.decode(e.envelope.payload).consultation!;
      expect(`${c.question}${c.answer?.text ?? ''}`).not.toContain('13912345678');
    }
  });

  it('refuses an anonymous asker, an unknown item, a citizen’s phone log; a private question and a letter stay with their readers; nothing stored by a refusal', async () => {
    const askerToken = await asker.token();
    const before = await stored();
    const anonymous = await grpcFailure(ask({}));
    expect(anonymous.code).toBe(status.UNAUTHENTICATED);
    const unknown = await grpcFailure(ask({ itemId: randomUUID() }, askerToken));
    expect([unknown.code, unknown.violations.map((v) => v.path)]).toEqual([status.INVALID_ARGUMENT, ['itemId']]);
    const log = await grpcFailure(
      ask({ channel: C.ConsultationChannel.CONSULTATION_CHANNEL_PHONE, answer: '自己答复自己。' }, askerToken),
    );
    expect([log.code, log.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);
    expect(await stored()).toBe(before);

    const privately = await ask(
      {
        visibility: C.ConsultationVisibility.CONSULTATION_VISIBILITY_PRIVATE,
        question: '我的营业执照地址写错了，还能申请咨询测试许可吗？',
      },
      askerToken,
    );
    const letter = await ask(
      {
        kind: C.ConsultationKind.CONSULTATION_KIND_MAILBOX,
        itemId: '',
        visibility: C.ConsultationVisibility.CONSULTATION_VISIBILITY_UNSPECIFIED,
        question: '建议大厅周六上午开放部分窗口，方便上班族办事。',
      },
      askerToken,
    );
    const readerToken = await reader.token();
    const clerkToken = await world.token(people.clerk);
    await rpc(
      'answerConsultation',
      { id: privately.id, text: '可以，先办理营业执照变更。', expectedVersion: 1 },
      clerkToken,
    );
    const hidden = await grpcFailure(rpc('getConsultation', { id: privately.id }, readerToken));
    expect(hidden.code).toBe(status.NOT_FOUND);
    // The leader mailbox is the center's: a department clerk neither reads nor answers it; the center does.
    const notTheClerks = await grpcFailure(
      rpc('answerConsultation', { id: letter.id, text: '收到。', expectedVersion: 1 }, clerkToken),
    );
    expect(notTheClerks.code).toBe(status.NOT_FOUND);
    const byCenter = (
      await rpc<complaintsV1.AnswerConsultationRequest, complaintsV1.AnswerConsultationResponse>(
        'answerConsultation',
        { id: letter.id, text: '感谢建议，已研究试行周六上午值班窗口。', expectedVersion: 1 },
        await world.adminToken(),
      )
    ).consultation!;
    expect(byCenter.status).toBe(C.ConsultationStatus.CONSULTATION_STATUS_ANSWERED);
    const mine = await rpc<complaintsV1.ListMyConsultationsRequest, complaintsV1.ListMyConsultationsResponse>(
      'listMyConsultations',
      { page: { pageSize: 100, pageToken: '' } },
      askerToken,
    );
    expect(mine.consultations.map((c) => c.id)).toEqual(expect.arrayContaining([privately.id, letter.id]));
  });
});

const liveRpc = <Req, Res>(method: keyof complaintsV1.LiveConsultationServiceClient, req: Req, token: string) =>
  callUnary<Req, Res>(live[method].bind(live) as never, req, { ...bearer(token), deadlineMs: 15_000 });
const liveSession = (method: keyof complaintsV1.LiveConsultationServiceClient, req: object, token: string) =>
  liveRpc<object, { session?: complaintsV1.LiveSession }>(method, req, token).then((r) => r.session!);

/** A server stream's messages as they come, and waits on them. */
function collect<T>(stream: ClientReadableStream<T>) {
  const got: T[] = [];
  let ended = false;
  let failure: Error | undefined;
  stream.on('data', (m: T) => got.push(m));
  stream.on('end', () => (ended = true));
  stream.on('error', (e: Error) => (failure = e));
  return {
    got,
    ended: () => ended,
    failure: () => failure,
    until: (done: () => boolean) => waitFor(async () => (done() ? true : undefined), { timeoutMs: 15_000 }),
    cancel: () => stream.cancel(),
  };
}
const auth = (token: string) => {
  const m = new Metadata();
  m.set('authorization', `Bearer ${token}`);
  return m;
};
const L = complaintsV1.LiveSessionStatus;

describe('live consultation (在线咨询, C18) against the real stack', () => {
  it('opened on the item, seen in the department’s queue, taken up, talked through both watches, ended', async () => {
    const askerToken = await asker.token();
    const clerkToken = await world.token(people.clerk);
    const queue = collect(live.watchLiveQueue({ tenant: '' }, auth(clerkToken)));
    await queue.until(() => queue.got.length >= 1);
    const opened = await liveSession(
      'openLiveSession',
      { tenant: TENANT, itemId: item.id, question: '营业执照还没下来，可以先申请吗？', requestId: randomUUID() },
      askerToken,
    );
    expect(opened).toMatchObject({ status: L.LIVE_SESSION_STATUS_WAITING, department: SCJG, mine: true });
    expect(opened.number).toMatch(new RegExp(`^HH${TENANT}\\d{13}$`));
    await queue.until(() => queue.got.at(-1)!.sessions.some((s) => s.id === opened.id));

    // Another department's clerk neither sees nor takes it; the asker's watch starts with the question.
    const other = await grpcFailure(
      liveSession('acceptLiveSession', { id: opened.id }, await world.token(people.otherClerk)),
    );
    expect([other.code, other.reason]).toEqual([status.NOT_FOUND, 'LIVE_SESSION_NOT_FOUND']);
    const askerWatch = collect(live.watchLiveSession({ id: opened.id, afterSeq: 0 }, auth(askerToken)));
    await askerWatch.until(() => askerWatch.got.length >= 1);
    expect(askerWatch.got[0]!.session!.messages.map((m) => m.text)).toEqual(['营业执照还没下来，可以先申请吗？']);

    const taken = await liveSession('acceptLiveSession', { id: opened.id }, clerkToken);
    expect(taken).toMatchObject({ status: L.LIVE_SESSION_STATUS_ACTIVE, staffName: '咨询测试窗口人员', mine: false });
    const clerkWatch = collect(live.watchLiveSession({ id: opened.id, afterSeq: 1 }, auth(clerkToken)));
    await clerkWatch.until(() => clerkWatch.got.length >= 1);
    await liveSession('postLiveMessage', { id: opened.id, text: '需要先取得营业执照，之后当天可以申请。' }, clerkToken);
    await askerWatch.until(() => askerWatch.got.some((c) => c.session!.messages.some((m) => m.seq === 2)));
    await liveSession('postLiveMessage', { id: opened.id, text: '明白了，谢谢！' }, askerToken);
    await clerkWatch.until(() => clerkWatch.got.some((c) => c.session!.messages.some((m) => m.seq === 3)));
    await liveSession('closeLiveSession', { id: opened.id }, askerToken);
    await askerWatch.until(() => askerWatch.ended());
    await clerkWatch.until(() => clerkWatch.ended());

    // Each message reached each watch once, in order; the staff's name under the staff's.
    const seqs = (w: typeof askerWatch) => w.got.flatMap((c) => c.session!.messages.map((m) => m.seq));
    expect(seqs(askerWatch)).toEqual([1, 2, 3]);
    expect(seqs(clerkWatch)).toEqual([2, 3]);
    expect(askerWatch.got.at(-1)!.session).toMatchObject({ status: L.LIVE_SESSION_STATUS_CLOSED, closedBy: 'asker' });
    const whole = await liveSession('getLiveSession', { id: opened.id }, clerkToken);
    expect(whole.messages.map((m) => [m.seq, m.from, m.authorName])).toEqual([
      [1, complaintsV1.LiveSpeaker.LIVE_SPEAKER_ASKER, ''],
      [2, complaintsV1.LiveSpeaker.LIVE_SPEAKER_STAFF, '咨询测试窗口人员'],
      [3, complaintsV1.LiveSpeaker.LIVE_SPEAKER_ASKER, ''],
    ]);
    await queue.until(() => !queue.got.at(-1)!.sessions.some((s) => s.id === opened.id));
    queue.cancel();

    // Ended: nothing more is said; a reader who is neither side finds nothing.
    const late = await grpcFailure(liveSession('postLiveMessage', { id: opened.id, text: '还有一个问题' }, askerToken));
    expect([late.code, late.reason]).toEqual([status.FAILED_PRECONDITION, 'SESSION_CLOSED']);
    const stranger = await grpcFailure(liveSession('getLiveSession', { id: opened.id }, await reader.token()));
    expect(stranger.code).toBe(status.NOT_FOUND);
  });

  it('booked on a working day: refused out of hours and on a Saturday, taken up from ten minutes before', async () => {
    const askerToken = await asker.token();
    const clerkToken = await world.token(people.clerk);
    const before = await mongo.db(database).collection('live_sessions').countDocuments();
    // Monday 7 December 2026, 09:00 China time.
    writeFileSync(path.join(clockDir, 'now'), '2026-12-07T01:00:00Z');
    try {
      const book = (bookedFor: string) =>
        liveSession(
          'openLiveSession',
          {
            tenant: TENANT,
            itemId: item.id,
            question: '想预约下午咨询材料问题。',
            bookedFor: new Date(bookedFor),
            requestId: randomUUID(),
          },
          askerToken,
        );
      for (const [at, reason] of [
        ['2026-12-07T10:00:00Z', 'OUT_OF_HOURS'],
        ['2026-12-12T02:00:00Z', 'NOT_WORKING_DAY'],
        ['2026-12-07T01:10:00Z', 'TOO_SOON'],
      ] as const) {
        const refused = await grpcFailure(book(at));
        expect([refused.code, refused.violations.map((v) => [v.path, v.reason])]).toEqual([
          status.INVALID_ARGUMENT,
          [['bookedFor', reason]],
        ]);
      }
      expect(await mongo.db(database).collection('live_sessions').countDocuments()).toBe(before);
      const booked = await book('2026-12-07T06:00:00Z');
      const early = await grpcFailure(liveSession('acceptLiveSession', { id: booked.id }, clerkToken));
      expect([early.code, early.reason]).toEqual([status.FAILED_PRECONDITION, 'NOT_YET_DUE']);
      writeFileSync(path.join(clockDir, 'now'), '2026-12-07T05:50:00Z');
      expect((await liveSession('acceptLiveSession', { id: booked.id }, clerkToken)).status).toBe(
        L.LIVE_SESSION_STATUS_ACTIVE,
      );
      await liveSession('closeLiveSession', { id: booked.id }, clerkToken);
    } finally {
      writeFileSync(path.join(clockDir, 'now'), '');
    }
  });
});
