import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Metadata, status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { createWorkingCalendar } from '@govhall/calendar';
import { chinaDate } from '@govhall/identifiers';
import { toDocument } from '@govhall/mongo';
import { DEFAULT_SMS_MAILBOX_DOMAIN } from '@govhall/notify';
import { applicationsV1, complaintsV1 } from '@govhall/proto';
import {
  bearer,
  grpcFailure,
  startEventReader,
  startGroupAtTopicEnd,
  stackMailbox,
  userToken,
  waitFor,
  type EventReader,
  type RunningProcess,
} from '@govhall/testing';
import { validItemFixture } from '../../catalogue/src/domain/item.test-double';
import { putAcceptedCase } from '../../applications/test/accepted-case';
import {
  CASE_TOPIC,
  CasesWorld,
  SCJG as SCJG_DEPARTMENT,
  TENANT,
  type Applicant,
} from '../../applications/test/cases-world';
import { RATING_TOPIC } from '../src/adapters/kafka/rating-events';
import { RECTIFICATION_TOPIC } from '../src/adapters/kafka/rectification-events';
import { startComplaintsService } from './complaints-world';
import { NOTIFIER_TOPICS } from '../../applications/src/adapters/kafka/notify-on-case.consumer';

// 一事一评 against the real stack: identity, the catalogue and the cases service (CasesWorld), and the complaints
// service, each its own process. Cases are put where the window leaves them (accepted) and finished through the
// cases service's real acts (review, decision, result), whose CaseTransitioned events the complaints service reads
// in its own consumer group (placed at the topic's end). The applicant rates online with a real token; the service
// reads who applied with its center account of 620321 (made through identity). The default rating comes when the
// service's clock file says seven days have passed. 一次一评: a window A01 of 620321 in this world's identity, whose
// rating device is the realm's ycx-rating-a01 (its token names window A01); the clerk invites, the device watches
// (the server stream) and rates.
const world = new CasesWorld({ name: 'ratings', tag: 'rt', events: false });
const itemId = randomUUID();
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-complaints-clock-'));
const clockFile = path.join(clockDir, 'now');
const database = `govhall_complaints_rt${world.suffix}`;
const notifierGroup = `applications-notifier-rt${world.suffix}`;
const mailbox = stackMailbox();
let complaints: RunningProcess;
let client: complaintsV1.RatingServiceClient;
let rectifications: complaintsV1.RectificationServiceClient;
let ratingsTopic: EventReader;
let owner: Applicant;
let stranger: Applicant;
const staff = { reviewer: '', approver: '' };
/** Window A01 of 620321 and its A-post clerk. */
const counter = { windowId: '', clerk: '' };
const DEVICE_A01 = 'ycx-rating-a01';
const DEVICE_B01 = 'ycx-rating-b01';

const rpc = <Req, Res>(
  method:
    | 'rateCase'
    | 'getCaseRating'
    | 'inviteRating'
    | 'rateInvitation'
    | 'listRatings'
    | 'getSatisfaction'
    | 'recordRating'
    | 'getRatingScan',
  req: Req,
  token: string,
) => callUnary<Req, Res>(client[method].bind(client) as never, req, { ...bearer(token), deadlineMs: 15_000 });
const rate = (caseId: string, level: number, reason: string, token: string) =>
  rpc<complaintsV1.RateCaseRequest, complaintsV1.RateCaseResponse>('rateCase', { caseId, level, reason }, token);
const ratingOf = (caseId: string, token: string) =>
  rpc<complaintsV1.GetCaseRatingRequest, complaintsV1.GetCaseRatingResponse>('getCaseRating', { caseId }, token);

const invite = (windowId: string, caseId: string, token: string) =>
  rpc<complaintsV1.InviteRatingRequest, complaintsV1.InviteRatingResponse>('inviteRating', { windowId, caseId }, token);
const rateVisit = (invitationId: string, level: number, reason: string, token: string) =>
  rpc<complaintsV1.RateInvitationRequest, complaintsV1.RateInvitationResponse>(
    'rateInvitation',
    { invitationId, level, reason },
    token,
  );

/** A device's watch: every message as it comes (the invitation's id, '' for none). */
function watchAsDevice(token: string) {
  const seen: string[] = [];
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  const call = client.watchInvitations({}, metadata);
  const ended = new Promise<Error | undefined>((resolve) => {
    call.on('error', (e) => resolve(e));
    call.on('end', () => resolve(undefined));
  });
  call.on('data', (m: complaintsV1.WatchInvitationsResponse) => seen.push(m.invitation?.id ?? ''));
  return {
    seen,
    ended,
    /** Waits until the messages seen so far are `expected`. */
    until: (expected: string[]) =>
      waitFor(async () => JSON.stringify(seen) === JSON.stringify(expected) || undefined, {
        timeoutMs: 15_000,
        what: `the device to see ${JSON.stringify(expected)} (saw ${JSON.stringify(seen)})`,
      }),
    cancel: () => call.cancel(),
  };
}

/** An accepted case of `applicant` taken through 审查, 决定 and 出具结果 by the cases service: COMPLETED. */
async function completedCase(applicant: Applicant): Promise<string> {
  const c = await putAcceptedCase(world, applicant, itemId);
  let version = c.version;
  const act = async (method: keyof applicationsV1.ApplicationsServiceClient, req: object, token: string) => {
    const res = await world.call<object, { case?: applicationsV1.Case }>(
      method,
      { id: c.id, expectedVersion: version, ...req },
      token,
    );
    version = Number(res.case!.version);
    return res.case!;
  };
  await act('completeStep', { opinion: '经审查，符合许可条件' }, await world.token(staff.reviewer));
  await act(
    'decideCase',
    { outcome: applicationsV1.Outcome.OUTCOME_APPROVED, reasons: [], remedies: [] },
    await world.token(staff.approver),
  );
  const done = await act(
    'issueResult',
    {
      validUntil: '2031-12-31',
      deliveryMethod: applicationsV1.DeliveryMethod.DELIVERY_METHOD_ELECTRONIC,
      address: '',
    },
    await userToken('yc-clerk'),
  );
  expect(done.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_COMPLETED);
  return c.id;
}

beforeAll(async () => {
  writeFileSync(clockFile, '');
  await world.start();
  const item = validItemFixture({ id: itemId, seriesId: itemId, status: 'published', version: 3 });
  await world.mongo
    .db(world.catalogue.db)
    .collection('items')
    .insertOne(toDocument(item, { idempotencyKey: `fx-${itemId}`, outbox: [] }) as never);
  staff.reviewer = (await world.createStaff('reviewer', { displayName: '评价测试审查人员' })).username;
  staff.approver = (await world.createStaff('approver', { displayName: '评价测试审批人员' })).username;
  [owner, stranger] = await Promise.all([world.registerPerson('评价测试人'), world.registerPerson('旁人测试')]);
  // The cases service's notifier tells the applicant a rectification's outcome (it keeps the contact): its group starts
  // at the topics' end.
  await startGroupAtTopicEnd(notifierGroup, [...NOTIFIER_TOPICS]);
  await world.startApplications({ GOVHALL_TENANTS: TENANT, NOTIFIER_GROUP_ID: notifierGroup });
  ratingsTopic = await startEventReader([
    { topic: RATING_TOPIC, partitions: 3 },
    { topic: RECTIFICATION_TOPIC, partitions: 3 },
  ]);
  const group = `complaints-cases-rt${world.suffix}`;
  await startGroupAtTopicEnd(group, [CASE_TOPIC]);
  const started = await startComplaintsService(world, {
    name: 'rt',
    database,
    clockFile,
    caseStreamGroup: group,
    env: { INVITATION_POLL_MS: '300', DEFAULT_RATING_SWEEP_MS: '200', RECTIFICATION_SWEEP_MS: '200' },
  });
  complaints = started.process;
  client = createGrpcClient(complaintsV1.RatingServiceClient, started.address, {
    serviceName: 'govhall.complaints.v1.RatingService',
    idempotentMethods: ['GetCaseRating'],
  });
  rectifications = createGrpcClient(complaintsV1.RectificationServiceClient, started.address, {
    serviceName: 'govhall.complaints.v1.RectificationService',
    idempotentMethods: ['GetRectification'],
  });
  const [a, b] = await Promise.all([
    world.createStaff('window_clerk', { displayName: '评价窗口甲' }),
    world.createStaff('window_clerk', { displayName: '评价窗口乙' }),
  ]);
  counter.clerk = a.username;
  counter.windowId = (await world.createWindow({ name: '评价测试窗口', aPost: a, bPost: b, number: 'A01' })).id;
}, 300_000);

afterAll(async () => {
  client?.close();
  rectifications?.close();
  await complaints?.stop();
  await ratingsTopic?.stop();
  await world.stop([database]);
  rmSync(clockDir, { recursive: true, force: true });
});

describe('ratings (一事一评) against the real stack', () => {
  it('the applicant rates a completed case once; it names who served; RatingRecorded goes out', async () => {
    const caseId = await completedCase(owner);
    // The service knows the case once it has read the case's completion from the stream.
    const rated = await waitFor(
      async () => (await rate(caseId, 2, '等候时间太长，窗口没有说明原因', await owner.token())).rating,
      { timeoutMs: 30_000, what: 'the completed case rated' },
    );
    expect(rated).toMatchObject({
      caseId,
      level: complaintsV1.RatingLevel.RATING_LEVEL_DISSATISFIED,
      channel: complaintsV1.RatingChannel.RATING_CHANNEL_ONLINE,
      subject: complaintsV1.RatingSubject.RATING_SUBJECT_CASE,
      realName: true,
      reason: '等候时间太长，窗口没有说明原因',
      tenant: TENANT,
    });
    expect(rated!.staff.map((s) => [s.username, s.part])).toEqual([
      [staff.reviewer, '审查（含现场核查）'],
      [staff.approver, '决定'],
      ['yc-clerk', '出具结果'],
    ]);
    expect(rated!.raterName).not.toContain('评价测试人');

    const again = await grpcFailure(rate(caseId, 5, '', await owner.token()));
    expect([again.code, again.reason]).toEqual([status.ALREADY_EXISTS, 'ALREADY_RATED']);
    const other = await grpcFailure(rate(caseId, 1, '冒名评价测试', await stranger.token()));
    expect([other.code, other.reason]).toEqual([status.NOT_FOUND, 'CASE_NOT_FOUND']);
    const byStaff = await grpcFailure(rate(caseId, 5, '', await world.token(staff.reviewer)));
    expect([byStaff.code, byStaff.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);

    // One event: the refused attempts published nothing (read up to everything published so far).
    await waitFor(async () => ratingsTopic.of(RATING_TOPIC, caseId).length > 0, { what: 'RatingRecorded' });
    await ratingsTopic.caughtUp();
    const events = ratingsTopic.of(RATING_TOPIC, caseId);
    expect(events.map((e) => e.envelope.type)).toEqual(['govhall.complaints.v1.RatingRecorded']);
    expect(JSON.stringify(events[0]!.envelope)).not.toContain(owner.idNumber);
    const read = await ratingOf(caseId, await world.token(staff.approver));
    expect(read.rating).toMatchObject({ id: rated!.id, level: 2 });
  });

  it('refuses bad input with the field and the reason, and a case not yet completed, changing nothing', async () => {
    const token = await owner.token();
    const caseId = await completedCase(owner);
    const staffToken = await world.token(staff.approver);
    await waitFor(
      async () => (await grpcFailure(ratingOf(caseId, staffToken))).reason === 'RATING_NOT_FOUND' || undefined,
      { timeoutMs: 30_000, what: 'the completed case known to the service' },
    );
    const noLevel = await grpcFailure(rate(caseId, 0, '', token));
    expect([noLevel.code, noLevel.reason]).toEqual([status.INVALID_ARGUMENT, 'VALIDATION_FAILED']);
    expect(noLevel.violations.map((v) => v.path)).toEqual(['level']);
    const noReason = await grpcFailure(rate(caseId, 1, ' 差 ', token));
    expect(noReason.violations.map((v) => [v.path, v.message])).toEqual([
      ['reason', '“不满意”或“非常不满意”的评价请说明理由（至少2个字）'],
    ]);
    const tooLong = await grpcFailure(rate(caseId, 4, '好'.repeat(501), token));
    expect(tooLong.violations.map((v) => [v.path, v.reason])).toEqual([['reason', 'LENGTH']]);
    const nothing = await grpcFailure(ratingOf(caseId, staffToken));
    expect(nothing.reason).toBe('RATING_NOT_FOUND');

    // A case the stream has shown the service (a step done) but not completed.
    const c = await putAcceptedCase(world, owner, itemId);
    await world.call(
      'completeStep',
      { id: c.id, expectedVersion: c.version, opinion: '经审查，符合许可条件' },
      await world.token(staff.reviewer),
    );
    const early = await waitFor(
      async () => {
        const failure = await grpcFailure(rate(c.id, 4, '', token));
        return failure.reason === 'CASE_NOT_COMPLETED' ? failure : undefined;
      },
      { timeoutMs: 30_000, what: 'the open case known to the service' },
    );
    expect(early!.code).toBe(status.FAILED_PRECONDITION);
    const none = await grpcFailure(ratingOf(c.id, token));
    expect([none.code, none.reason]).toEqual([status.FAILED_PRECONDITION, 'CASE_NOT_COMPLETED']);
  });

  it('gives 基本满意 by default seven natural days after completion, when the clock says so', async () => {
    const caseId = await completedCase(owner);
    const token = await world.token(staff.approver);
    // Known as completed and unrated: nothing yet today.
    await waitFor(async () => (await grpcFailure(ratingOf(caseId, token))).reason === 'RATING_NOT_FOUND' || undefined, {
      timeoutMs: 30_000,
      what: 'the completed case known to the service',
    });
    writeFileSync(clockFile, new Date(Date.now() + 7 * 86_400_000 + 1_000).toISOString());
    const given = await waitFor(async () => (await ratingOf(caseId, token).catch(() => undefined))?.rating, {
      timeoutMs: 30_000,
      what: 'the default rating',
    });
    expect(given).toMatchObject({
      caseId,
      level: complaintsV1.RatingLevel.RATING_LEVEL_BASICALLY_SATISFIED,
      channel: complaintsV1.RatingChannel.RATING_CHANNEL_DEFAULT,
      realName: false,
    });
    const late = await grpcFailure(rate(caseId, 5, '', await owner.token()));
    expect(late.reason).toBe('ALREADY_RATED');
    writeFileSync(clockFile, '');
  });
});

describe('一次一评 on the window A01 rating device against the real stack', () => {
  it('the clerk invites, the watching device sees it and rates it once; the B01 device and a person are refused', async () => {
    const device = watchAsDevice(await userToken(DEVICE_A01));
    await device.until(['']);
    // The case as the window left it, then a step done: the stream brings it to the service.
    const c = await putAcceptedCase(world, owner, itemId);
    await world.call(
      'completeStep',
      { id: c.id, expectedVersion: c.version, opinion: '经审查，符合许可条件' },
      await world.token(staff.reviewer),
    );
    const clerkToken = await world.token(counter.clerk);
    const invited = await waitFor(
      async () => (await invite(counter.windowId, c.id, clerkToken).catch(() => undefined))?.invitation,
      {
        timeoutMs: 30_000,
        what: 'the invitation of the accepted case',
      },
    );
    expect(invited).toMatchObject({
      windowNumber: 'A01',
      windowName: '评价测试窗口',
      caseId: c.id,
      clerkName: '评价窗口甲',
    });
    await device.until(['', invited!.id]);

    const b01 = await grpcFailure(rateVisit(invited!.id, 5, '', await userToken(DEVICE_B01)));
    expect([b01.code, b01.reason]).toEqual([status.NOT_FOUND, 'INVITATION_NOT_FOUND']);
    const person = await grpcFailure(rateVisit(invited!.id, 5, '', await owner.token()));
    expect([person.code, person.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);
    const token = await userToken(DEVICE_A01);
    const noReason = await grpcFailure(rateVisit(invited!.id, 1, '', token));
    expect(noReason.violations.map((v) => v.path)).toEqual(['reason']);

    const { rating } = await rateVisit(invited!.id, 1, '窗口人员态度生硬', token);
    expect(rating).toMatchObject({
      subject: complaintsV1.RatingSubject.RATING_SUBJECT_VISIT,
      visitId: invited!.id,
      caseId: c.id,
      channel: complaintsV1.RatingChannel.RATING_CHANNEL_DEVICE,
      realName: true,
      level: complaintsV1.RatingLevel.RATING_LEVEL_VERY_DISSATISFIED,
      staff: [expect.objectContaining({ username: counter.clerk, part: '窗口服务' })],
    });
    await device.until(['', invited!.id, '']);
    const again = await grpcFailure(rateVisit(invited!.id, 5, '', token));
    expect([again.code, again.reason]).toEqual([status.ALREADY_EXISTS, 'ALREADY_RATED']);

    // One RatingRecorded for the visit: the refusals published nothing.
    await waitFor(async () => ratingsTopic.of(RATING_TOPIC, invited!.id).length > 0, { what: 'the visit rated' });
    await ratingsTopic.caughtUp();
    expect(ratingsTopic.of(RATING_TOPIC, invited!.id).map((e) => e.envelope.type)).toEqual([
      'govhall.complaints.v1.RatingRecorded',
    ]);
    device.cancel();
  });

  it('a newer invitation closes the open one; an invitation expires when the clock says so', async () => {
    const clerkToken = await world.token(counter.clerk);
    const device = watchAsDevice(await userToken(DEVICE_A01));
    await device.until(['']);
    const first = (await invite(counter.windowId, '', clerkToken)).invitation!;
    await device.until(['', first.id]);
    const second = (await invite(counter.windowId, '', clerkToken)).invitation!;
    await device.until(['', first.id, second.id]);
    const token = await userToken(DEVICE_A01);
    const closed = await grpcFailure(rateVisit(first.id, 4, '', token));
    expect([closed.code, closed.reason]).toEqual([status.FAILED_PRECONDITION, 'INVITATION_EXPIRED']);

    writeFileSync(clockFile, new Date(Date.now() + 6 * 60_000).toISOString());
    await device.until(['', first.id, second.id, '']);
    const expired = await grpcFailure(rateVisit(second.id, 4, '', token));
    expect(expired.reason).toBe('INVITATION_EXPIRED');
    writeFileSync(clockFile, '');
    device.cancel();
  });

  it('refuses an invitation at an unknown window, of an unknown case, by an applicant; the big screen cannot watch', async () => {
    const clerkToken = await world.token(counter.clerk);
    const unknownWindow = await grpcFailure(invite(randomUUID(), '', clerkToken));
    expect([unknownWindow.code, unknownWindow.reason]).toEqual([status.NOT_FOUND, 'WINDOW_NOT_FOUND']);
    const unknownCase = await grpcFailure(invite(counter.windowId, randomUUID(), clerkToken));
    expect(unknownCase.reason).toBe('CASE_NOT_FOUND');
    const byApplicant = await grpcFailure(invite(counter.windowId, '', await owner.token()));
    expect(byApplicant.reason).toBe('ROLE_REQUIRED');
    const screen = watchAsDevice(await userToken('ycx-screen'));
    expect(await screen.ended).toMatchObject({ code: status.PERMISSION_DENIED });
  });
});

describe('满意度统计: ListRatings and GetSatisfaction over what the tests above recorded', () => {
  // The tests above: a case rated 2 online; a completed case left unrated and one more, both given their default when
  // the clock moved seven days ahead (rated then); a visit rated 1 on the device. Every case was reviewed by
  // staff.reviewer.
  const day = (offsetDays: number) => chinaDate(new Date(Date.now() + offsetDays * 86_400_000));
  const scope = (over: Partial<complaintsV1.ListRatingsRequest> = {}) => ({
    tenant: '',
    from: day(-1),
    to: day(8),
    department: '',
    windowId: '',
    staff: '',
    levels: [],
    channels: [],
    ...over,
  });
  const list = async (token: string, over: Partial<complaintsV1.ListRatingsRequest> = {}) =>
    (await rpc<complaintsV1.ListRatingsRequest, complaintsV1.ListRatingsResponse>('listRatings', scope(over), token))
      .ratings;
  const channels = (rs: complaintsV1.Rating[]) => rs.map((r) => r.channel).sort();

  it('the center reads every rating of the tenant; staff the ratings naming them', async () => {
    const all = await list(await userToken('yc-admin'));
    expect(channels(all)).toEqual(
      [
        complaintsV1.RatingChannel.RATING_CHANNEL_ONLINE,
        complaintsV1.RatingChannel.RATING_CHANNEL_DEVICE,
        complaintsV1.RatingChannel.RATING_CHANNEL_DEFAULT,
        complaintsV1.RatingChannel.RATING_CHANNEL_DEFAULT,
      ].sort(),
    );
    const reviewer = await list(await world.token(staff.reviewer));
    expect(channels(reviewer)).toEqual(
      [
        complaintsV1.RatingChannel.RATING_CHANNEL_ONLINE,
        complaintsV1.RatingChannel.RATING_CHANNEL_DEFAULT,
        complaintsV1.RatingChannel.RATING_CHANNEL_DEFAULT,
      ].sort(),
    );
    const clerk = await list(await world.token(counter.clerk));
    expect(clerk.map((r) => [r.channel, r.level])).toEqual([
      [complaintsV1.RatingChannel.RATING_CHANNEL_DEVICE, complaintsV1.RatingLevel.RATING_LEVEL_VERY_DISSATISFIED],
    ]);
    const bad = await list(await userToken('yc-admin'), {
      levels: [
        complaintsV1.RatingLevel.RATING_LEVEL_VERY_DISSATISFIED,
        complaintsV1.RatingLevel.RATING_LEVEL_DISSATISFIED,
      ],
    });
    expect(bad.map((r) => r.level).sort()).toEqual([1, 2]);
  });

  it('counts levels, the satisfied share, the defaults and the coverage of the cases completed', async () => {
    const s = await rpc<complaintsV1.GetSatisfactionRequest, complaintsV1.GetSatisfactionResponse>(
      'getSatisfaction',
      { tenant: '', from: day(-1), to: day(8), department: '', windowId: '', staff: '' },
      await userToken('yc-admin'),
    );
    expect(s.levels.map((l) => [l.level, Number(l.count)])).toEqual([
      [5, 0],
      [4, 0],
      [3, 2],
      [2, 1],
      [1, 1],
    ]);
    // 2 of 4 at 基本满意 or better; three cases completed today, one of them rated by its applicant.
    expect([Number(s.total), Number(s.satisfiedPer10000), Number(s.defaultRatings)]).toEqual([4, 5000, 2]);
    expect([Number(s.completedCases), Number(s.ratedCases)]).toEqual([3, 1]);
  });

  it('refuses a period too long or reversed and a clerk asking for someone else, naming the field', async () => {
    const token = await world.token(counter.clerk);
    const reversed = await grpcFailure(list(token, { from: day(1), to: day(0) }));
    expect([reversed.code, reversed.violations.map((v) => [v.path, v.reason])]).toEqual([
      status.INVALID_ARGUMENT,
      [['to', 'BEFORE_FROM']],
    ]);
    const tooLong = await grpcFailure(list(token, { from: day(-400), to: day(0) }));
    expect(tooLong.violations.map((v) => v.reason)).toEqual(['RANGE']);
    const other = await grpcFailure(list(token, { staff: staff.reviewer }));
    expect([other.code, other.reason]).toEqual([status.PERMISSION_DENIED, 'STAFF_OUT_OF_SCOPE']);
    const applicant = await grpcFailure(list(await owner.token()));
    expect(applicant.reason).toBe('ROLE_REQUIRED');
  });
});

describe('RecordRating (C4): staff enter a telephone follow-up and a suggestion-box slip with its scan', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
  const record = (req: Partial<complaintsV1.RecordRatingRequest>, token: string) =>
    rpc<complaintsV1.RecordRatingRequest, complaintsV1.RecordRatingResponse>(
      'recordRating',
      {
        caseId: '',
        caseNumber: '',
        channel: complaintsV1.RatingChannel.RATING_CHANNEL_PHONE_FOLLOWUP,
        level: 4,
        reason: '',
        scan: Buffer.alloc(0),
        ...req,
      },
      token,
    );
  /** A completed case the service knows as completed and unrated. */
  const unrated = async () => {
    const caseId = await completedCase(owner);
    const token = await world.token(staff.approver);
    await waitFor(async () => (await grpcFailure(ratingOf(caseId, token))).reason === 'RATING_NOT_FOUND' || undefined, {
      timeoutMs: 30_000,
      what: 'the completed case known to the service',
    });
    return caseId;
  };

  it('a follow-up is the case’s rating by name; a slip is anonymous and keeps its scan; each case once', async () => {
    const admin = await userToken('yc-admin');
    const called = await unrated();
    const { rating } = await record({ caseId: called }, admin);
    expect(rating).toMatchObject({
      channel: complaintsV1.RatingChannel.RATING_CHANNEL_PHONE_FOLLOWUP,
      realName: true,
      recordedBy: 'yc-admin',
      hasScan: false,
    });
    const again = await grpcFailure(record({ caseId: called, level: 5 }, admin));
    expect([again.code, again.reason]).toEqual([status.ALREADY_EXISTS, 'ALREADY_RATED']);

    const slipCase = await unrated();
    const box = complaintsV1.RatingChannel.RATING_CHANNEL_SUGGESTION_BOX;
    const noScan = await grpcFailure(record({ caseId: slipCase, channel: box }, admin));
    expect(noScan.violations.map((v) => [v.path, v.reason])).toEqual([['scan', 'REQUIRED']]);
    const byClerk = await grpcFailure(
      record({ caseId: slipCase, channel: box, scan: PNG }, await world.token(counter.clerk)),
    );
    expect(byClerk.reason).toBe('ROLE_REQUIRED');
    // The slip names the case by its number (办件编号).
    const { case: slipped } = await world.call<object, applicationsV1.GetCaseResponse>(
      'getCase',
      { id: slipCase },
      admin,
    );
    const slip = (
      await record(
        { caseNumber: slipped!.caseNumber, channel: box, level: 2, reason: '窗口午休无人', scan: PNG },
        admin,
      )
    ).rating!;
    expect(slip).toMatchObject({ caseId: slipCase, realName: false, raterName: '', hasScan: true, level: 2 });
    const scan = await rpc<complaintsV1.GetRatingScanRequest, complaintsV1.GetRatingScanResponse>(
      'getRatingScan',
      { ratingId: slip.id },
      admin,
    );
    expect([Buffer.from(scan.content).equals(PNG), scan.contentType]).toEqual([true, 'image/png']);
    const stranger = await grpcFailure(rpc('getRatingScan', { ratingId: slip.id }, await world.token(counter.clerk)));
    expect(stranger.reason).toBe('RATING_NOT_FOUND');
  });
});

describe('差评整改 (rectification) against the real stack', () => {
  const call = <Req, Res>(method: keyof complaintsV1.RectificationServiceClient, req: Req, token: string) =>
    callUnary<Req, Res>(
      (rectifications[method] as never as { bind: (c: unknown) => never }).bind(rectifications),
      req,
      {
        ...bearer(token),
        deadlineMs: 15_000,
      },
    );
  const get = (id: string, token: string) =>
    call<complaintsV1.GetRectificationRequest, complaintsV1.GetRectificationResponse>(
      'getRectification',
      { id },
      token,
    ).then((r) => r.rectification!);
  const assign = (id: string, expectedVersion: number, handler: string, token: string) =>
    call<complaintsV1.AssignRectificationRequest, complaintsV1.AssignRectificationResponse>(
      'assignRectification',
      { id, expectedVersion, handler },
      token,
    ).then((r) => r.rectification!);
  const callBack = (id: string, expectedVersion: number, reached: boolean, notes: string, token: string) =>
    call<complaintsV1.RecordCallBackRequest, complaintsV1.RecordCallBackResponse>(
      'recordCallBack',
      { id, expectedVersion, reached, notes },
      token,
    ).then((r) => r.rectification!);
  const conclude = (
    id: string,
    expectedVersion: number,
    outcome: complaintsV1.RectificationOutcome,
    text: string,
    token: string,
    fixBy = '',
  ) =>
    call<complaintsV1.ConcludeRectificationRequest, complaintsV1.ConcludeRectificationResponse>(
      'concludeRectification',
      { id, expectedVersion, outcome, text, fixBy },
      token,
    ).then((r) => r.rectification!);
  const decide = (id: string, expectedVersion: number, upheld: boolean, notes: string, token: string) =>
    call<complaintsV1.DecideAppealRequest, complaintsV1.DecideAppealResponse>(
      'decideAppeal',
      { id, expectedVersion, upheld, notes },
      token,
    ).then((r) => r.rectification!);
  const S = complaintsV1.RectificationStatus;
  const O = complaintsV1.RectificationOutcome;
  const people = { head: '', handler: '', otherClerk: '', supervisor: '' };
  /** What the rectification topic carried for `id` so far, by event type. */
  const typesOf = (id: string) => ratingsTopic.of(RECTIFICATION_TOPIC, id).map((e) => e.envelope.type.split('.').pop());
  /** A completed case of the owner rated `level` online: its rating (a bad one opens its rectification). */
  const badlyRated = async (level: number, reason: string) => {
    const caseId = await completedCase(owner);
    const token = await owner.token();
    return (await waitFor(async () => (await rate(caseId, level, reason, token).catch(() => undefined))?.rating, {
      timeoutMs: 30_000,
      what: 'the completed case rated',
    }))!;
  };

  beforeAll(async () => {
    const [head, handler, supervisor] = await Promise.all([
      world.createStaff('department_head', { displayName: '整改测试部门负责人' }),
      world.createStaff('window_clerk', { displayName: '整改测试处理人' }),
      world.createStaff('supervisor', { department: '', displayName: '整改测试监察人员' }),
    ]);
    people.head = head.username;
    people.handler = handler.username;
    people.supervisor = supervisor.username;
    people.otherClerk = counter.clerk;
  });

  it('a bad rating → the head assigns → the handler calls back and fixes it → the rater reads the outcome', async () => {
    const rating = await badlyRated(1, '窗口人员态度生硬，材料一次没讲清楚');
    expect(rating.rectificationId).toBe(rating.id);
    const headToken = await world.token(people.head);
    const opened = await waitFor(async () => (await get(rating.id, headToken).catch(() => undefined)) ?? undefined, {
      what: 'the rectification opened',
    });
    const today = chinaDate(new Date());
    expect(opened).toMatchObject({
      status: S.RECTIFICATION_STATUS_OPEN,
      caseId: rating.caseId,
      department: SCJG_DEPARTMENT,
      level: 1,
      realName: true,
      handler: '',
      deadline: createWorkingCalendar().addWorkingDaysProvisional(today, 15).date,
    });
    expect(opened.raterName).not.toContain('评价测试人');
    // Another clerk of the department does not see it before it is theirs.
    const hidden = await grpcFailure(get(rating.id, await world.token(people.otherClerk)));
    expect([hidden.code, hidden.reason]).toEqual([status.NOT_FOUND, 'RECTIFICATION_NOT_FOUND']);

    const assigned = await assign(rating.id, Number(opened.version), people.handler, headToken);
    expect(assigned).toMatchObject({ handler: people.handler, handlerName: '整改测试处理人' });
    const handlerToken = await world.token(people.handler);
    const early = await grpcFailure(
      conclude(rating.id, Number(assigned.version), O.RECTIFICATION_OUTCOME_FIXED, '已整改', handlerToken),
    );
    expect([early.code, early.reason]).toEqual([status.FAILED_PRECONDITION, 'CALL_BACK_REQUIRED']);
    const reached = await callBack(
      rating.id,
      Number(assigned.version),
      true,
      '已电话致歉，讲清了所需材料',
      handlerToken,
    );
    const closed = await conclude(
      rating.id,
      Number(reached.version),
      O.RECTIFICATION_OUTCOME_FIXED,
      '已对窗口人员批评教育，一次性告知清单已张贴在窗口',
      handlerToken,
    );
    expect(closed).toMatchObject({ status: S.RECTIFICATION_STATUS_CLOSED, outcome: O.RECTIFICATION_OUTCOME_FIXED });
    expect(closed.raterToldAt).toBeDefined();

    // The rater reads the outcome on their case.
    const seen = await ratingOf(rating.caseId, await owner.token());
    expect(seen.rectification).toMatchObject({
      status: S.RECTIFICATION_STATUS_CLOSED,
      outcome: O.RECTIFICATION_OUTCOME_FIXED,
      text: '已对窗口人员批评教育，一次性告知清单已张贴在窗口',
    });
    // The cases service tells the applicant: in-site (消息), by e-mail and by SMS (the case's contact).
    const told = await waitFor(
      async () =>
        (
          await world.call<object, applicationsV1.ListMyNotificationsResponse>(
            'listMyNotifications',
            { unreadOnly: false },
            await owner.token(),
          )
        ).notifications.find((n) => n.caseId === rating.caseId && n.kind === 'rectification_closed'),
      { what: 'the in-site notification of the outcome' },
    );
    expect(told.title).toBe('差评整改结果：食品经营许可');
    expect(told.text).toContain('整改结果：已立行立改\n情况说明：已对窗口人员批评教育，一次性告知清单已张贴在窗口');
    const mails = await waitFor(
      async () => {
        const found = (await mailbox.search(`subject:"${told.caseNumber}"`)).filter((m) =>
          m.Subject.includes('差评整改结果'),
        );
        return found.length > 0 ? found : undefined;
      },
      { what: 'the e-mail of the outcome' },
    );
    expect(mails.map((m) => m.To[0]!.Address)).toEqual(['zhangsan@example.cn']);
    const sms = await waitFor(
      async () => {
        for (const m of await mailbox.to(`13909351234@${DEFAULT_SMS_MAILBOX_DOMAIN}`)) {
          const text = (await mailbox.message(m.ID)).Text;
          if (text.includes(told.caseNumber) && text.includes('差评已处理')) return text;
        }
        return undefined;
      },
      { what: 'the SMS of the outcome' },
    );
    expect(sms).toContain('（已立行立改）');

    // The events, in order; the refused conclusion published nothing (the last event is the barrier).
    await waitFor(async () => typesOf(rating.id).includes('RectificationConcluded') || undefined, {
      what: 'RectificationConcluded',
    });
    await ratingsTopic.caughtUp();
    expect(typesOf(rating.id)).toEqual([
      'RectificationOpened',
      'RectificationAssigned',
      'CallBackRecorded',
      'RectificationConcluded',
    ]);
    expect(JSON.stringify(ratingsTopic.of(RECTIFICATION_TOPIC, rating.id))).not.toContain(owner.idNumber);
  });

  it('an appeal goes to the supervision office; upheld, the rating no longer counts in 满意度统计', async () => {
    const rating = await badlyRated(2, '评价器点错了');
    const headToken = await world.token(people.head);
    const opened = await waitFor(async () => (await get(rating.id, headToken).catch(() => undefined)) ?? undefined, {
      what: 'the rectification opened',
    });
    const called = await callBack(rating.id, Number(opened.version), true, '申请人说明是误点', headToken);
    const appealed = await conclude(
      rating.id,
      Number(called.version),
      O.RECTIFICATION_OUTCOME_APPEAL_MISTAKEN,
      '申请人电话中确认误点了“不满意”，通话录音存档',
      headToken,
    );
    expect(appealed.status).toBe(S.RECTIFICATION_STATUS_APPEALED);
    // The rater sees it in progress, not the appeal.
    expect((await ratingOf(rating.caseId, await owner.token())).rectification).toMatchObject({
      status: S.RECTIFICATION_STATUS_OPEN,
      text: '',
    });
    const byHead = await grpcFailure(decide(rating.id, Number(appealed.version), true, '证据充分', headToken));
    expect([byHead.code, byHead.reason]).toEqual([status.PERMISSION_DENIED, 'ROLE_REQUIRED']);

    const today = chinaDate(new Date());
    const admin = await userToken('yc-admin');
    const satisfaction = () =>
      rpc<complaintsV1.GetSatisfactionRequest, complaintsV1.GetSatisfactionResponse>(
        'getSatisfaction',
        { tenant: TENANT, from: today, to: today, department: '', windowId: '', staff: '' },
        admin,
      );
    const before = await satisfaction();
    const upheld = await decide(
      rating.id,
      Number(appealed.version),
      true,
      '录音证实为误评',
      await world.token(people.supervisor),
    );
    expect(upheld).toMatchObject({ status: S.RECTIFICATION_STATUS_CLOSED, appealDecision: { upheld: true } });
    const after = await satisfaction();
    expect(Number(after.total)).toBe(Number(before.total) - 1);
    const level2 = (s: complaintsV1.GetSatisfactionResponse) => Number(s.levels.find((l) => l.level === 2)?.count ?? 0);
    expect(level2(after)).toBe(level2(before) - 1);
    expect((await ratingOf(rating.caseId, admin)).rating).toMatchObject({ appealUpheld: true });
  });

  it('refuses a handler outside the department, a stale version and short notes, changing nothing', async () => {
    const rating = await badlyRated(1, '办理时间太长');
    const headToken = await world.token(people.head);
    const opened = await waitFor(async () => (await get(rating.id, headToken).catch(() => undefined)) ?? undefined, {
      what: 'the rectification opened',
    });
    const version = Number(opened.version);
    const outsider = await grpcFailure(assign(rating.id, version, people.supervisor, headToken));
    expect([outsider.code, outsider.violations.map((v) => [v.path, v.reason])]).toEqual([
      status.INVALID_ARGUMENT,
      [['handler', 'NOT_IN_DEPARTMENT']],
    ]);
    const stale = await grpcFailure(assign(rating.id, version + 3, people.handler, headToken));
    expect([stale.code, stale.reason]).toEqual([status.ABORTED, 'CONCURRENT_MODIFICATION']);
    const short = await grpcFailure(callBack(rating.id, version, true, '好', headToken));
    expect(short.violations.map((v) => [v.path, v.reason])).toEqual([['notes', 'REQUIRED']]);
    const badDate = await grpcFailure(
      conclude(rating.id, version, O.RECTIFICATION_OUTCOME_FIX_BY_DATE, '更换叫号设备', headToken, '2020-01-01'),
    );
    expect(badDate.violations.map((v) => [v.path, v.reason])).toEqual([['fixBy', 'DATE_IN_PAST']]);
    expect(Number((await get(rating.id, headToken)).version)).toBe(version);
    // Nothing was published for the refusals: a later change is the barrier.
    await assign(rating.id, version, people.handler, headToken);
    await waitFor(async () => typesOf(rating.id).includes('RectificationAssigned') || undefined, {
      what: 'RectificationAssigned',
    });
    await ratingsTopic.caughtUp();
    expect(typesOf(rating.id)).toEqual(['RectificationOpened', 'RectificationAssigned']);
  });

  it('past its deadline, an open rectification is reported overdue once, when the clock says so', async () => {
    const rating = await badlyRated(2, '排队太久');
    const headToken = await world.token(people.head);
    const opened = await waitFor(async () => (await get(rating.id, headToken).catch(() => undefined)) ?? undefined, {
      what: 'the rectification opened',
    });
    const dayAfter = new Date(`${opened.deadline}T00:00:00+08:00`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    writeFileSync(clockFile, new Date(dayAfter.getTime() + 2 * 3_600_000).toISOString());
    try {
      const overdue = await waitFor(
        async () => {
          const r = await get(rating.id, headToken);
          return r.overdue ? r : undefined;
        },
        { timeoutMs: 30_000, what: 'the rectification reported overdue' },
      );
      expect(overdue.status).toBe(S.RECTIFICATION_STATUS_OPEN);
      const listed = await call<complaintsV1.ListRectificationsRequest, complaintsV1.ListRectificationsResponse>(
        'listRectifications',
        {
          tenant: '',
          statuses: [],
          department: '',
          handler: '',
          overdueOnly: true,
          page: { pageSize: 100, pageToken: '' },
        },
        headToken,
      );
      expect(listed.rectifications.map((r) => r.id)).toContain(rating.id);
      // Reported once: a later change of the same rectification is the barrier.
      await callBack(rating.id, Number(overdue.version), false, '电话无人接听', headToken);
      await waitFor(async () => typesOf(rating.id).includes('CallBackRecorded') || undefined, {
        what: 'CallBackRecorded',
      });
      await ratingsTopic.caughtUp();
      expect(typesOf(rating.id)).toEqual(['RectificationOpened', 'RectificationOverdue', 'CallBackRecorded']);
      // It happened on the service's clock (past the deadline), not at the real time weeks before.
      const reported = ratingsTopic.of(RECTIFICATION_TOPIC, rating.id)[1]!.envelope.occurredAt!;
      expect(reported.getTime()).toBeGreaterThanOrEqual(dayAfter.getTime());
    } finally {
      writeFileSync(clockFile, '');
    }
  });
});
