import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { applicationsV1 } from '@govhall/proto';
import { grpcFailure, waitFor } from '@govhall/testing';
import { CASE_TOPIC, CasesWorld, TRANSITIONED, testItem } from './cases-world';

// The window and acceptance against the real stack: identity, catalogue and applications as their own processes,
// real Keycloak logins of clerks created through identity, a window with its A and B posts, an item published
// through the catalogue's review, a registered applicant, and the events read back from Kafka.

const pb = applicationsV1;
const world = new CasesWorld({ name: 'window', tag: 'w', events: true, clock: true });
/** The deemed-acceptance sweep runs often: the clock moves it in the last test. */
const startApplications = () => world.startApplications({ DEEMED_ACCEPTANCE_SWEEP_MS: '300' });

let itemId: string;
let windowId: string;
let applicantIdNumber: string;
/** Logins: A post, B post (A present), a clerk of another department. */
const login = { a: '', b: '', other: '' };

async function app<Req>(method: keyof applicationsV1.ApplicationsServiceClient, req: Req, username: string) {
  return world.call<Req, { case?: applicationsV1.Case }>(method, req, await world.token(username)).then((r) => r.case!);
}

beforeAll(async () => {
  world.setClock(new Date().toISOString());
  await world.start();
  const [a, b, other, reviewer] = [
    await world.createStaff('window_clerk'),
    await world.createStaff('window_clerk'),
    await world.createStaff('window_clerk', { department: '620321-RSJ' }),
    await world.createStaff('reviewer'),
  ];
  Object.assign(login, { a: a.username, b: b.username, other: other.username });
  windowId = (await world.createWindow({ name: '市场监管测试窗口', aPost: a, bPost: b })).id;
  itemId = (await world.publishItem(testItem('窗口测试许可'), reviewer.username)).id;
  applicantIdNumber = (await world.registerPerson('赵窗口')).idNumber;
  await startApplications();
}, 240_000);

afterAll(() => world.stop());

const walkIn = (username = login.a, shopName = '赵窗口小吃店') =>
  app<applicationsV1.RegisterWalkInRequest>(
    'registerWalkIn',
    {
      idempotencyKey: `walk-${randomBytes(6).toString('hex')}`,
      itemId,
      applicantIdCode: applicantIdNumber,
      agentIdNumber: '',
      formData: JSON.stringify({ shopName }),
      contact: { mobile: '13909351234', email: '' },
      windowId,
    },
    username,
  );

const transitions = (caseId: string, count: number) => world.transitions(caseId, count);

/** A scanned page as the counter's scanner writes it. */
const SCANNED_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20)]);
const scanRequest = (id: string): applicationsV1.UploadMaterialRequest => ({
  id,
  materialId: 'id-card',
  fileName: '身份证扫描件.pdf',
  content: SCANNED_PDF,
});

describe('the window and acceptance against the real stack', () => {
  it('registers a walk-in, records a correction and accepts it with the acceptance notice and a promised date', async () => {
    const registered = await walkIn();
    expect(registered).toMatchObject({
      status: pb.CaseStatus.CASE_STATUS_PRE_REVIEW,
      channel: pb.Channel.CHANNEL_COUNTER,
      windowId,
      responsible: login.a,
      applicant: { idCode: applicantIdNumber, name: '赵窗口' },
    });
    expect(registered.caseNumber).toMatch(/^620321\d{8}\d{5}$/);
    expect(registered.documents.map((d) => d.kind)).toEqual([pb.DocumentKind.DOCUMENT_KIND_APPLICATION_COPY]);

    const corrected = await app<applicationsV1.RecordCorrectionRequest>(
      'recordCorrection',
      {
        id: registered.id,
        expectedVersion: registered.version,
        corrections: [
          {
            field: 'shopName',
            materialId: '',
            note: '店名与营业执照不一致，已当场更正',
            recordedBy: '',
            at: undefined,
          },
        ],
        formData: JSON.stringify({ shopName: '赵窗口餐饮店' }),
      },
      login.a,
    );
    expect(corrected.status).toBe(pb.CaseStatus.CASE_STATUS_PRE_REVIEW);
    expect(corrected.corrections).toEqual([expect.objectContaining({ field: 'shopName', recordedBy: login.a })]);

    // The paper ID card handed in is scanned into the case by the clerk serving the window (A post); the B post,
    // while A is present, may not. The scan changes the case without a transition event.
    const refusedScan = await grpcFailure(
      world.call('uploadMaterial', scanRequest(registered.id), await world.token(login.b)),
    );
    expect([refusedScan.code, refusedScan.reason]).toEqual([status.PERMISSION_DENIED, 'NOT_WINDOW_RESPONSIBLE']);
    const scanned = await world.call<applicationsV1.UploadMaterialRequest, applicationsV1.UploadMaterialResponse>(
      'uploadMaterial',
      scanRequest(registered.id),
      await world.token(login.a),
    );
    expect(scanned.file).toMatchObject({ contentType: 'application/pdf', size: SCANNED_PDF.length });
    expect(scanned.case?.materials.find((m) => m.materialId === 'id-card')?.files.map((f) => f.fileName)).toEqual([
      '身份证扫描件.pdf',
    ]);
    expect(scanned.case?.history.at(-1)).toMatchObject({ action: '窗口扫描材料“身份证明”', actorRole: 'window_clerk' });

    const accepted = await app<applicationsV1.AcceptCaseRequest>(
      'acceptCase',
      { id: registered.id, expectedVersion: scanned.case!.version, opinion: '材料齐全，予以受理' },
      login.a,
    );
    expect(accepted.status).toBe(pb.CaseStatus.CASE_STATUS_PROCESSING);
    expect(accepted.clocks?.promised?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(accepted.clocks?.promised?.limitWorkingDays).toBe(10);
    expect(accepted.clocks?.statutory?.limitWorkingDays).toBe(20);
    expect(accepted.steps.map((s) => s.state)).toEqual([
      pb.StepState.STEP_STATE_DONE,
      pb.StepState.STEP_STATE_ACTIVE,
      pb.StepState.STEP_STATE_PENDING,
    ]);
    expect(accepted.documents.map((d) => d.kind)).toContain(pb.DocumentKind.DOCUMENT_KIND_ACCEPTANCE_NOTICE);

    const published = await transitions(registered.id, 3);
    expect(published.map((e) => e.transition)).toEqual([
      pb.Transition.TRANSITION_REGISTERED_AT_COUNTER,
      pb.Transition.TRANSITION_CORRECTED_ON_THE_SPOT,
      pb.Transition.TRANSITION_ACCEPTED,
    ]);
    expect(published[2]!.facts?.clocks?.promised?.dueDate).toBe(accepted.clocks?.promised?.dueDate);
    expect(published[2]!.documents.map((d) => d.kind)).toEqual([pb.DocumentKind.DOCUMENT_KIND_ACCEPTANCE_NOTICE]);
    expect(JSON.stringify(published)).not.toContain(applicantIdNumber);
  });

  it('issues a one-time notice listing every problem and refuses a second one in the same round', async () => {
    const c = await walkIn();
    const problems = [
      { ruleId: '', field: '', materialId: 'id-card', message: '身份证明复印件不清晰，请重新提供' },
      { ruleId: '', field: 'shopName', materialId: '', message: '店铺名称应与营业执照一致' },
    ];
    const noticed = await app<applicationsV1.IssueOneTimeNoticeRequest>(
      'issueOneTimeNotice',
      { id: c.id, expectedVersion: c.version, problems },
      login.a,
    );
    expect(noticed.status).toBe(pb.CaseStatus.CASE_STATUS_SUPPLEMENT);
    expect(noticed.documents.map((d) => d.kind)).toContain(pb.DocumentKind.DOCUMENT_KIND_ONE_TIME_NOTICE);
    const second = await grpcFailure(
      app<applicationsV1.IssueOneTimeNoticeRequest>(
        'issueOneTimeNotice',
        { id: c.id, expectedVersion: noticed.version, problems: problems.slice(0, 1) },
        login.a,
      ),
    );
    expect([second.code, second.reason]).toEqual([status.FAILED_PRECONDITION, 'ONE_TIME_NOTICE_ALREADY_ISSUED']);
    expect(second.message).toContain('不得再次告知');
    const published = await transitions(c.id, 2);
    expect(published[1]).toMatchObject({ transition: pb.Transition.TRANSITION_ONE_TIME_NOTICE_ISSUED });
    expect(published[1]!.problems.map((p) => p.message)).toEqual(problems.map((p) => p.message));
  });

  it('refuses to accept with reasons and the default remedies, and voids a duplicate', async () => {
    const c = await walkIn();
    const refused = await app<applicationsV1.RefuseToAcceptRequest>(
      'refuseToAccept',
      { id: c.id, expectedVersion: c.version, reasons: ['申请事项依法不需要取得行政许可'], remedies: [] },
      login.a,
    );
    expect(refused.status).toBe(pb.CaseStatus.CASE_STATUS_NOT_ACCEPTED);
    expect(refused.documents.map((d) => d.kind)).toContain(pb.DocumentKind.DOCUMENT_KIND_REFUSAL_NOTICE);
    expect(refused.history.at(-1)?.reason).toContain('行政复议');

    const d = await walkIn();
    const voided = await app<applicationsV1.VoidCaseRequest>(
      'voidCase',
      {
        id: d.id,
        expectedVersion: d.version,
        kind: pb.VoidReason.VOID_REASON_DUPLICATE,
        reason: `与办件${c.caseNumber}重复`,
      },
      login.a,
    );
    expect(voided.status).toBe(pb.CaseStatus.CASE_STATUS_VOIDED);
    expect((await transitions(d.id, 2))[1]!.transition).toBe(pb.Transition.TRANSITION_VOIDED);
  });

  it('refuses a clerk of another department (NOT_FOUND), the B post while A is present (PERMISSION_DENIED), the wrong state (naming it)', async () => {
    const c = await walkIn();
    const accept = (username: string, version = c.version) =>
      app<applicationsV1.AcceptCaseRequest>(
        'acceptCase',
        { id: c.id, expectedVersion: version, opinion: '' },
        username,
      );
    const other = await grpcFailure(accept(login.other));
    expect([other.code, other.reason]).toEqual([status.NOT_FOUND, 'CASE_NOT_FOUND']);
    const b = await grpcFailure(accept(login.b));
    expect([b.code, b.reason]).toEqual([status.PERMISSION_DENIED, 'NOT_WINDOW_RESPONSIBLE']);
    const walkInByB = await grpcFailure(walkIn(login.b));
    expect(walkInByB.reason).toBe('NOT_WINDOW_RESPONSIBLE');

    const passed = await app<applicationsV1.PassPreReviewRequest>(
      'passPreReview',
      { id: c.id, expectedVersion: c.version, opinion: '初审通过' },
      login.a,
    );
    const wrong = await grpcFailure(
      app<applicationsV1.PassPreReviewRequest>(
        'passPreReview',
        { id: c.id, expectedVersion: passed.version, opinion: '再次通过' },
        login.a,
      ),
    );
    expect([wrong.code, wrong.reason]).toEqual([status.FAILED_PRECONDITION, 'WRONG_STATE']);
    expect(wrong.metadata.currentStatus).toBe('pre_review_passed');
    expect(wrong.message).toContain('预审通过');
    // Nothing changed on the refusals; sending on to acceptance accepts it (the item needs no paper).
    const sent = await app<applicationsV1.SendToAcceptanceRequest>(
      'sendToAcceptance',
      { id: c.id, expectedVersion: passed.version },
      login.a,
    );
    expect(sent.status).toBe(pb.CaseStatus.CASE_STATUS_PROCESSING);
    expect(sent.version).toBe(passed.version + 1);
  });

  it('accepts an online case left without a one-time notice past its day (law §32), across a restart, by moving the clock', async () => {
    const c = await walkIn();
    await transitions(c.id, 1);
    // An online case received today and waiting at the window (SubmitCase makes these; here it is set in the store
    // while the service is stopped, which also shows the timer reads the store after a restart).
    // Its notice day is the case's own (the day of receipt, or the next working day when it came after the hall
    // closed or on a day off), so the test holds at any hour of any day it runs.
    await world.applications.stop();
    const received = c.clocks!.receivedDate;
    const noticeDay = c.clocks!.noticeDueDate;
    await world.collection('cases').updateOne({ _id: c.id as never }, { $set: { channel: 'online' } });
    await startApplications();
    // The day after the notice day, the sweep accepts it as from the day of receipt.
    world.setClock(new Date(Date.parse(`${noticeDay}T04:00:00Z`) + 86_400_000).toISOString());
    const accepted = await waitFor(
      async () => {
        const doc = await world.collection('cases').findOne({ _id: c.id as never });
        return doc?.status === 'processing' ? doc : undefined;
      },
      { timeoutMs: 30_000, what: 'the deemed acceptance' },
    );
    expect(accepted).toMatchObject({ deemedAccepted: true, clocks: { acceptedDate: received } });
    const published = await transitions(c.id, 2);
    expect(published[1]).toMatchObject({
      transition: pb.Transition.TRANSITION_ACCEPTED,
      facts: { deemedAccepted: true },
    });
    const envelope = world.events.of(CASE_TOPIC, c.id, TRANSITIONED)[1]!.envelope;
    expect(envelope.actor?.kind).toBe(3); // ACTOR_KIND_SYSTEM
  });
});
