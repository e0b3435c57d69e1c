import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '@govhall/identifiers';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import {
  MongoClient,
  bearer,
  freePort,
  grpcFailure,
  newResidentIdNumber,
  stack,
  startCatalogue,
  startEventReader,
  startIdentity,
  startProcess,
  uniqueSuffix,
  userToken,
  waitFor,
  type CatalogueUnderTest,
  type EventReader,
  type IdentityUnderTest,
  type RunningProcess,
} from '@govhall/testing';

// The window and acceptance against the real stack: identity, catalogue and applications as their own processes,
// real Keycloak logins of clerks created through identity, a window with its A and B posts, an item published
// through the catalogue's review, a registered applicant, and the events read back from Kafka.

const CASE_TOPIC = 'govhall.applications.case';
const TRANSITIONED = 'govhall.applications.v1.CaseTransitioned';
const PASSWORD = 'Window2026x';
const pb = applicationsV1;

let identity: IdentityUnderTest;
let catalogue: CatalogueUnderTest;
let applications: RunningProcess;
let client: applicationsV1.ApplicationsServiceClient;
let mongo: MongoClient;
let events: EventReader;
const db = `govhall_applications_w${uniqueSuffix()}`;
const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'govhall-clock-')), 'now');
let appEnv: Record<string, string>;
let appPort: number;

let itemId: string;
let windowId: string;
let applicantIdNumber: string;
/** Logins: A post, B post (A present), a clerk of another department. */
const login = { a: '', b: '', other: '' };

const setClock = (iso: string) => writeFileSync(clockFile, iso);

async function idCall<Req, Res>(
  method: keyof identityV1.IdentityServiceClient,
  req: Req,
  token?: string,
): Promise<Res> {
  const c = identity.client as unknown as Record<string, (...args: unknown[]) => unknown>;
  return callUnary<Req, Res>(c[method as string]!.bind(identity.client) as never, req, token ? bearer(token) : {});
}
async function catCall<Req, Res>(
  method: keyof catalogueV1.CatalogueServiceClient,
  req: Req,
  token: string,
): Promise<Res> {
  const c = catalogue.client as unknown as Record<string, (...args: unknown[]) => unknown>;
  return callUnary<Req, Res>(c[method as string]!.bind(catalogue.client) as never, req, bearer(token));
}
async function app<Req>(method: keyof applicationsV1.ApplicationsServiceClient, req: Req, username: string) {
  const token = await userToken(username, { password: PASSWORD });
  const c = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  return callUnary<Req, { case?: applicationsV1.Case }>(
    c[method as string]!.bind(client) as never,
    req,
    bearer(token),
  ).then((r) => r.case!);
}

async function createClerk(role: string, department: string): Promise<identityV1.Staff> {
  const username = `w-${randomBytes(3).toString('hex')}-${role.replace('_', '')}`;
  const { staff } = await idCall<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
    'createStaff',
    {
      tenant: '620321',
      department,
      username,
      displayName: '测试人员',
      phone: `139${String(randomInt(100_000_000)).padStart(8, '0')}`,
      roles: [role],
      initialPassword: PASSWORD,
      permanentPassword: true,
    },
    await userToken('yc-admin'),
  );
  return staff!;
}

/** A valid credit code of a government body of 620321 (check characters computed). */
function governmentCreditCode(organization8 = '01390756'): string {
  const first17 = `11620321${organization8}${organizationCodeCheckCharacter(organization8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const FORM_SCHEMA = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['shopName'],
  properties: { shopName: { type: 'string', title: '店铺名称', minLength: 2, maxLength: 50 } },
});

async function publishItem(reviewer: string): Promise<string> {
  const admin = await userToken('yc-admin');
  const basicCode = `0001${String(Date.now()).slice(-8)}`;
  const identityFields = {
    name: '窗口测试许可',
    basicCode,
    kind: '01',
    handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
    department: '620321-SCJG',
  };
  const { item } = await catCall<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
    'createDraftItem',
    { idempotencyKey: `w-${randomBytes(8).toString('hex')}`, tenant: '620321', ...identityFields },
    admin,
  );
  const step = (name: string, role: string, days: number) => ({
    name,
    role,
    budgetWorkingDays: days,
    responsibleName: '王芳',
    responsiblePhone: '13909351234',
  });
  const content: catalogueV1.ItemContent = {
    implementationCode: `${governmentCreditCode()}4${basicCode}`,
    localCodes: [],
    level: 4,
    serviceObject: catalogueV1.ServiceObject.SERVICE_OBJECT_PERSON,
    legalBases: [
      {
        law: '《中华人民共和国行政许可法》',
        article: '第二十九条',
        text: '公民申请行政许可，应当向行政机关提出申请。',
      },
    ],
    acceptanceConditions: ['申请人具有完全民事行为能力'],
    materials: [
      {
        id: 'id-card',
        name: '身份证明',
        required: true,
        condition: '',
        form: catalogueV1.MaterialForm.MATERIAL_FORM_COPY,
        originalCount: 0,
        copyCount: 1,
        formats: ['pdf', 'jpg'],
        maxSizeKb: 2048,
        blankFormFileId: '',
        sampleFileId: '',
        notes: '',
        satisfiedByLicenceType: '',
      },
    ],
    form: { jsonSchema: FORM_SCHEMA, uiSchema: '' },
    preReviewRules: [],
    statutoryLimit: { days: 20, unit: catalogueV1.TimeUnit.TIME_UNIT_WORKING_DAY },
    promisedLimit: { days: 10, unit: catalogueV1.TimeUnit.TIME_UNIT_WORKING_DAY },
    promiseExceptionReason: '',
    visits: 0,
    specialProcedures: [],
    fees: [],
    workflow: [step('受理', 'window_clerk', 1), step('审查', 'reviewer', 5), step('决定', 'approver', 4)],
    location: {
      windowLocation: '永昌县政务服务中心一楼',
      hours: '周一至周五 9:00-17:00',
      consultationPhone: '0935-7521234',
      complaintPhone: '0935-7521234',
    },
    onlineDepth: catalogueV1.OnlineDepth.ONLINE_DEPTH_ONLINE_PRE_REVIEW,
    deliveryOptions: [catalogueV1.DeliveryOption.DELIVERY_OPTION_WINDOW_PICKUP],
    faq: [],
    coDepartments: [],
  };
  const { item: filled } = await catCall<catalogueV1.UpdateDraftItemRequest, catalogueV1.UpdateDraftItemResponse>(
    'updateDraftItem',
    { id: item!.id, expectedVersion: item!.version, ...identityFields, content },
    admin,
  );
  const { item: submitted } = await catCall<catalogueV1.SubmitItemRequest, catalogueV1.SubmitItemResponse>(
    'submitItem',
    { id: filled!.id, expectedVersion: filled!.version },
    admin,
  );
  await catCall<catalogueV1.ReviewItemRequest, catalogueV1.ReviewItemResponse>(
    'reviewItem',
    { id: submitted!.id, expectedVersion: submitted!.version, approve: true, comments: '' },
    await userToken(reviewer, { password: PASSWORD }),
  );
  return item!.id;
}

async function startApplications(): Promise<RunningProcess> {
  return startProcess({
    name: 'applications-window',
    entry: 'services/applications/dist/main.js',
    env: appEnv,
    readyPort: appPort,
  });
}

beforeAll(async () => {
  setClock(new Date().toISOString());
  [identity, mongo, events] = await Promise.all([
    startIdentity(),
    MongoClient.connect(stack.mongoUri),
    startEventReader([{ topic: CASE_TOPIC, partitions: 3 }]),
  ]);
  catalogue = await startCatalogue({
    name: 'catalogue-window',
    env: { GOVHALL_TENANTS: '620321', IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}` },
  });
  const [a, b, other, reviewer] = [
    await createClerk('window_clerk', '620321-SCJG'),
    await createClerk('window_clerk', '620321-SCJG'),
    await createClerk('window_clerk', '620321-RSJ'),
    await createClerk('reviewer', '620321-SCJG'),
  ];
  Object.assign(login, { a: a.username, b: b.username, other: other.username });
  const { window } = await idCall<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
    'createWindow',
    {
      tenant: '620321',
      number: `T${randomInt(10, 99)}`,
      name: '市场监管测试窗口',
      kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
      department: '620321-SCJG',
      servesDepartments: ['620321-SCJG'],
      aPostStaffId: a.id,
      bPostStaffId: b.id,
      location: '一楼',
    },
    await userToken('yc-admin'),
  );
  windowId = window!.id;
  itemId = await publishItem(reviewer!.username);

  applicantIdNumber = newResidentIdNumber('620321');
  await idCall<identityV1.RegisterNaturalPersonRequest, identityV1.RegisterNaturalPersonResponse>(
    'registerNaturalPerson',
    {
      tenant: '620321',
      name: '赵窗口',
      idNumber: applicantIdNumber,
      phone: '13909351234',
      password: 'Apply2026x',
    },
  );

  appPort = await freePort();
  appEnv = {
    MONGODB_URI: stack.mongoUri,
    MONGODB_DB: db,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(appPort),
    METRICS_PORT: String(await freePort()),
    CATALOGUE_GRPC_ADDR: `127.0.0.1:${catalogue.port}`,
    IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
    OUTBOX_POLL_MS: '200',
    DEEMED_ACCEPTANCE_SWEEP_MS: '300',
    CLOCK_FILE: clockFile,
  };
  applications = await startApplications();
  client = createGrpcClient(pb.ApplicationsServiceClient, `127.0.0.1:${appPort}`, {
    serviceName: 'govhall.applications.v1.ApplicationsService',
    idempotentMethods: ['GetCase'],
  });
}, 240_000);

afterAll(async () => {
  client?.close();
  await applications?.stop();
  await catalogue?.stop();
  await events?.stop();
  await identity?.stop();
  for (const name of [db, catalogue?.db, identity?.db]) if (name) await mongo?.db(name).dropDatabase();
  await mongo?.close();
});

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

/** The transitions published for a case, in order, once the relay has sent them all. */
async function transitions(caseId: string, count: number): Promise<applicationsV1.CaseTransitioned[]> {
  await waitFor(async () => events.of(CASE_TOPIC, caseId, TRANSITIONED).length >= count, {
    timeoutMs: 30_000,
    what: `${count} transitions of ${caseId}`,
  });
  await events.caughtUp();
  return events.of(CASE_TOPIC, caseId, TRANSITIONED).map((e) => pb.CaseTransitioned.decode(e.envelope.payload));
}

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

    const accepted = await app<applicationsV1.AcceptCaseRequest>(
      'acceptCase',
      { id: registered.id, expectedVersion: corrected.version, opinion: '材料齐全，予以受理' },
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
    await applications.stop();
    const received = c.clocks!.receivedDate;
    await mongo
      .db(db)
      .collection('cases')
      .updateOne({ _id: c.id as never }, { $set: { channel: 'online', 'clocks.noticeDueDate': received } });
    applications = await startApplications();
    // The day after the notice day, the sweep accepts it as from the day of receipt.
    setClock(new Date(Date.parse(`${received}T04:00:00Z`) + 86_400_000).toISOString());
    const accepted = await waitFor(
      async () => {
        const doc = await mongo
          .db(db)
          .collection('cases')
          .findOne({ _id: c.id as never });
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
    const envelope = events.of(CASE_TOPIC, c.id, TRANSITIONED)[1]!.envelope;
    expect(envelope.actor?.kind).toBe(3); // ACTOR_KIND_SYSTEM
  });
});
