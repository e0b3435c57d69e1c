import { randomBytes, randomInt } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import {
  DEMO_PASSWORD,
  MongoClient,
  bearer,
  freePort,
  grpcFailure,
  newCreditCode,
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
// The seed's 食品经营许可 (永昌县市场监督管理局): a realistic published edition with form, rules and materials.
import { itemContentToProto } from '../../catalogue/src/adapters/grpc/item.mapper';
import { MARKET_REGULATION_ITEMS } from '../../catalogue/src/seed/items/market-regulation';

// Declaration online against the real stack: identity, catalogue and applications as their own processes.
const pb = applicationsV1;
const TOPIC = 'govhall.applications.case';
const SCJG = '620321-SCJG';
const db = `govhall_applications_d${uniqueSuffix()}`;

let identity: IdentityUnderTest;
let catalogue: CatalogueUnderTest;
let applications: RunningProcess;
let client: applicationsV1.ApplicationsServiceClient;
let events: EventReader;
let mongo: MongoClient;
let itemId: string;
let draftItemId: string;
let clerkA: string;
let applicant: { idNumber: string; token: () => Promise<string> };
let outsider: { token: () => Promise<string> };
let legalPersonId: string;

const newPhone = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
const key = () => `k-${randomBytes(8).toString('hex')}`;

function call<Req, Res>(rpc: keyof applicationsV1.ApplicationsServiceClient, req: Req, token?: string): Promise<Res> {
  const method = (client[rpc] as (...a: unknown[]) => unknown).bind(client);
  return callUnary<Req, Res>(method as never, req, token ? bearer(token) : { deadlineMs: 15_000 });
}

async function createStaff(roles: string[], token: string): Promise<identityV1.Staff> {
  const { staff } = await callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
    identity.client.createStaff.bind(identity.client),
    {
      tenant: '620321',
      department: SCJG,
      username: `d${randomBytes(3).toString('hex')}-${roles[0]!.replace('_', '')}`,
      displayName: '申报测试人员',
      phone: newPhone(),
      roles,
      initialPassword: DEMO_PASSWORD,
      permanentPassword: true,
    },
    { ...bearer(token), deadlineMs: 30_000 },
  );
  return staff!;
}

async function registerPerson(name: string) {
  const idNumber = newResidentIdNumber('620321');
  const password = 'Apply2026d';
  await callUnary<identityV1.RegisterNaturalPersonRequest, identityV1.RegisterNaturalPersonResponse>(
    identity.client.registerNaturalPerson.bind(identity.client),
    { tenant: '620321', name, idNumber, phone: newPhone(), password },
    { deadlineMs: 15_000 },
  );
  return { idNumber, token: () => userToken(idNumber, { password }) };
}

async function catalogueCall<Req, Res extends { item?: catalogueV1.Item }>(
  rpc: 'createDraftItem' | 'updateDraftItem' | 'submitItem' | 'reviewItem',
  req: Req,
  token: string,
): Promise<catalogueV1.Item> {
  const method = (catalogue.client[rpc] as (...a: unknown[]) => unknown).bind(catalogue.client);
  return (await callUnary<Req, Res>(method as never, req, bearer(token))).item!;
}

async function publishFoodLicence(reviewer: string): Promise<string> {
  const seed = MARKET_REGULATION_ITEMS.find((s) => s.tenant === '620321' && s.name === '食品经营许可')!;
  const admin = await userToken('yc-admin');
  const identityFields = {
    name: seed.name,
    basicCode: seed.basicCode,
    kind: seed.kind,
    handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
    department: seed.department,
  };
  let item = await catalogueCall(
    'createDraftItem',
    { idempotencyKey: key(), tenant: '620321', ...identityFields },
    admin,
  );
  draftItemId = (
    await catalogueCall(
      'createDraftItem',
      {
        idempotencyKey: key(),
        tenant: '620321',
        ...identityFields,
        basicCode: '000117099000',
        name: '未发布的测试事项',
      },
      admin,
    )
  ).id;
  item = await catalogueCall(
    'updateDraftItem',
    { id: item.id, expectedVersion: item.version, ...identityFields, content: itemContentToProto(seed.content) },
    admin,
  );
  item = await catalogueCall('submitItem', { id: item.id, expectedVersion: item.version }, admin);
  item = await catalogueCall(
    'reviewItem',
    { id: item.id, expectedVersion: item.version, approve: true, comments: '' },
    await userToken(reviewer),
  );
  expect(item.status).toBe(catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED);
  return item.id;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

function formData(idNumber: string, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    operator: {
      name: '永昌县申报测试便利店',
      creditCode: newCreditCode('620321'),
      legalRepresentative: '王测试',
      phone: '13909351234',
      address: '永昌县城关镇北海子路1号',
    },
    legalRepresentative: { name: '王测试', idNumber, phone: '13909351234' },
    premises: { address: '永昌县城关镇北海子路1号', area: 36.5 },
    business: {
      mainType: '食品销售经营者',
      items: ['预包装食品销售（含冷藏冷冻食品）'],
      foodSafetyManager: '李管理',
    },
    ...overrides,
  });
}

const storedCase = async (id: string) =>
  mongo
    .db(db)
    .collection('cases')
    .findOne({ _id: id as never });

beforeAll(async () => {
  mongo = await MongoClient.connect(stack.mongoUri);
  identity = await startIdentity();
  catalogue = await startCatalogue({
    name: 'catalogue-declaration',
    env: { GOVHALL_TENANTS: '620321', IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}` },
  });
  const admin = await userToken('yc-admin');
  const [reviewer, a, b] = await Promise.all([
    createStaff(['reviewer'], admin),
    createStaff(['window_clerk'], admin),
    createStaff(['window_clerk'], admin),
  ]);
  clerkA = a.username;
  await callUnary<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
    identity.client.createWindow.bind(identity.client),
    {
      tenant: '620321',
      number: `D${randomInt(10, 99)}`,
      name: '市场监管窗口',
      kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
      department: SCJG,
      servesDepartments: [SCJG],
      aPostStaffId: a.id,
      bPostStaffId: b.id,
      location: '一楼',
    },
    bearer(admin),
  );
  itemId = await publishFoodLicence(reviewer.username);

  const port = await freePort();
  applications = await startProcess({
    name: 'applications-declaration',
    entry: 'services/applications/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: db,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(await freePort()),
      GOVHALL_TENANTS: '620321',
      CATALOGUE_GRPC_ADDR: `127.0.0.1:${catalogue.port}`,
      IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
      // A service account of 永昌县 (the realm's department-system demo client) asks for the window's clerk.
      SERVICE_CLIENT_ID: 'govhall-dept-demo',
      SERVICE_CLIENT_SECRET: 'govhall-dept-demo-secret',
      OUTBOX_POLL_MS: '200',
    },
    readyPort: port,
  });
  client = createGrpcClient(pb.ApplicationsServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.applications.v1.ApplicationsService',
    idempotentMethods: [],
  });
  events = await startEventReader([{ topic: TOPIC, partitions: 3 }]);

  applicant = await registerPerson('王测试');
  outsider = await registerPerson('赵旁人');
  const holder = await registerPerson('孙持有');
  const { legalPerson } = await callUnary<
    identityV1.RegisterLegalPersonRequest,
    identityV1.RegisterLegalPersonResponse
  >(
    identity.client.registerLegalPerson.bind(identity.client),
    {
      tenant: '620321',
      name: '永昌县申报测试有限公司',
      creditCode: newCreditCode('620321'),
      legalRepresentativeName: '孙持有',
      legalRepresentativeIdNumber: holder.idNumber,
    },
    bearer(await holder.token()),
  );
  legalPersonId = legalPerson!.id;
}, 300_000);

afterAll(async () => {
  client?.close();
  await events?.stop();
  await applications?.stop();
  await catalogue?.stop();
  await identity?.stop();
  if (mongo) {
    for (const name of [db, catalogue?.db, identity?.db].filter(Boolean)) await mongo.db(name!).dropDatabase();
    await mongo.close();
  }
});

type CaseAnswer = { case?: applicationsV1.Case };

describe('declaration online', () => {
  it('opens, uploads, is returned by the automatic pre-review, is fixed and submitted into pre-review', async () => {
    const token = await applicant.token();
    // The applicant's own ID number with a wrong check character (still 18 characters: the schema lets it pass).
    const refusedId = applicant.idNumber.slice(0, 17) + (applicant.idNumber.endsWith('0') ? '1' : '0');
    const opened = (
      await call<applicationsV1.OpenCaseRequest, CaseAnswer>(
        'openCase',
        {
          idempotencyKey: key(),
          itemId,
          onBehalfOf: '',
          formData: '{}',
          contact: { mobile: '', email: 'wang@example.cn' },
        },
        token,
      )
    ).case!;
    expect(opened).toMatchObject({
      status: pb.CaseStatus.CASE_STATUS_DRAFT,
      tenant: '620321',
      department: SCJG,
      itemName: '食品经营许可',
      applicant: { kind: pb.ApplicantKind.APPLICANT_KIND_NATURAL_PERSON, name: '王测试', idCode: applicant.idNumber },
      caseNumber: '',
    });
    expect(opened.contact?.mobile).toMatch(/^139\d{8}$/); // from the identity profile
    expect(opened.materials.map((m) => m.materialId)).toEqual(
      expect.arrayContaining(['application-form', 'business-licence', 'legal-rep-id', 'premises-layout']),
    );

    // A .exe renamed .pdf is refused from its content, and nothing is stored.
    const exe = await grpcFailure(
      call(
        'uploadMaterial',
        { id: opened.id, materialId: 'application-form', fileName: '申请书.pdf', content: EXE },
        token,
      ),
    );
    expect([exe.code, exe.violations.map((v) => v.path)]).toEqual([status.INVALID_ARGUMENT, ['content']]);
    expect((await storedCase(opened.id))?.version).toBe(1);
    expect(await mongo.db(db).collection('case_files').countDocuments({ caseId: opened.id })).toBe(0);

    const upload = (materialId: string, fileName: string, content: Buffer) =>
      call<applicationsV1.UploadMaterialRequest, applicationsV1.UploadMaterialResponse>(
        'uploadMaterial',
        { id: opened.id, materialId, fileName, content },
        token,
      );
    const pdf = await upload('application-form', '申请书.pdf', PDF);
    expect(pdf.file).toMatchObject({ contentType: 'application/pdf', size: PDF.length });
    const png = await upload('legal-rep-id', '身份证.png', PNG);
    expect(png.file?.contentType).toBe('image/png');
    const read = await call<applicationsV1.GetCaseFileRequest, applicationsV1.GetCaseFileResponse>(
      'getCaseFile',
      { caseId: opened.id, fileId: png.file!.id },
      token,
    );
    expect(Buffer.from(read.content).equals(PNG)).toBe(true);
    const stranger = await grpcFailure(
      call('getCaseFile', { caseId: opened.id, fileId: png.file!.id }, await outsider.token()),
    );
    expect(stranger.code).toBe(status.NOT_FOUND);

    // The form: a wrong ID check character passes the schema but not the item's rule; materials are missing.
    let c = (
      await call<applicationsV1.UpdateDraftRequest, CaseAnswer>(
        'updateDraft',
        { id: opened.id, expectedVersion: png.case!.version, formData: formData(refusedId) },
        token,
      )
    ).case!;
    c = (
      await call<applicationsV1.CompleteUploadRequest, CaseAnswer>(
        'completeUpload',
        { id: c.id, expectedVersion: c.version },
        token,
      )
    ).case!;
    expect(c.uploadComplete).toBe(true);
    c = (
      await call<applicationsV1.SubmitCaseRequest, CaseAnswer>(
        'submitCase',
        { id: c.id, expectedVersion: c.version, idempotencyKey: key() },
        token,
      )
    ).case!;
    expect(c.status).toBe(pb.CaseStatus.CASE_STATUS_RETURNED);
    expect(c.problems.map((p) => p.ruleId)).toEqual(
      expect.arrayContaining(['legal-rep-id-number', 'premises-layout-present', 'food-safety-rules-present']),
    );
    expect(c.problems.find((p) => p.ruleId === 'legal-rep-id-number')?.message).toContain('公民身份号码校验未通过');
    expect(c.caseNumber).toBe('');

    // Fix: the missing materials (the upload is no longer complete after a change) and the ID number.
    await upload('business-licence', '营业执照.pdf', PDF);
    await upload('premises-layout', '布局图.png', PNG);
    const last = await upload('food-safety-rules', '制度目录.pdf', PDF);
    expect(last.case?.uploadComplete).toBe(false);
    c = (
      await call<applicationsV1.CompleteUploadRequest, CaseAnswer>(
        'completeUpload',
        { id: c.id, expectedVersion: last.case!.version },
        token,
      )
    ).case!;

    // Bad form data: INVALID_ARGUMENT with the field's path, and nothing changes.
    c = (
      await call<applicationsV1.UpdateDraftRequest, CaseAnswer>(
        'updateDraft',
        { id: c.id, expectedVersion: c.version, formData: formData('12345') },
        token,
      )
    ).case!;
    const bad = await grpcFailure(
      call('submitCase', { id: c.id, expectedVersion: c.version, idempotencyKey: key() }, token),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations.map((v) => v.path)).toContain('formData.legalRepresentative.idNumber');
    expect((await storedCase(c.id))?.version).toBe(c.version);

    c = (
      await call<applicationsV1.UpdateDraftRequest, CaseAnswer>(
        'updateDraft',
        { id: c.id, expectedVersion: c.version, formData: formData(applicant.idNumber) },
        token,
      )
    ).case!;
    const submitKey = key();
    const submitted = (
      await call<applicationsV1.SubmitCaseRequest, CaseAnswer>(
        'submitCase',
        { id: c.id, expectedVersion: c.version, idempotencyKey: submitKey },
        token,
      )
    ).case!;
    expect(submitted.status).toBe(pb.CaseStatus.CASE_STATUS_PRE_REVIEW);
    expect(submitted.caseNumber).toMatch(/^620321\d{8}\d{4,}$/);
    expect(submitted.windowId).not.toBe('');
    expect(submitted.responsible).toBe(clerkA);
    expect(submitted.clocks?.receivedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(submitted.clocks!.noticeDueDate > submitted.clocks!.receivedDate).toBe(true);
    expect(submitted.documents.map((d) => d.kind)).toEqual([pb.DocumentKind.DOCUMENT_KIND_APPLICATION_COPY]);

    // The same key again: the same case, unchanged.
    const again = (
      await call<applicationsV1.SubmitCaseRequest, CaseAnswer>(
        'submitCase',
        { id: c.id, expectedVersion: c.version, idempotencyKey: submitKey },
        token,
      )
    ).case!;
    expect([again.version, again.caseNumber]).toEqual([submitted.version, submitted.caseNumber]);

    // CaseTransitioned on Kafka: returned, then submitted.
    await waitFor(async () => events.of(TOPIC, c.id).length >= 2, { timeoutMs: 20_000 });
    await events.caughtUp();
    const published = events.of(TOPIC, c.id).map((e) => pb.CaseTransitioned.decode(e.envelope.payload));
    expect(published.map((e) => e.transition)).toEqual([
      pb.Transition.TRANSITION_RETURNED,
      pb.Transition.TRANSITION_SUBMITTED,
    ]);
    expect(published[0]!.problems.map((p) => p.ruleId)).toContain('legal-rep-id-number');
  });

  it("refuses an agent without authority (PERMISSION_DENIED with identity's reason) and stores nothing", async () => {
    const before = await mongo.db(db).collection('cases').countDocuments();
    const denied = await grpcFailure(
      call(
        'openCase',
        { idempotencyKey: key(), itemId, onBehalfOf: legalPersonId, formData: '{}', contact: undefined },
        await outsider.token(),
      ),
    );
    expect([denied.code, denied.reason]).toEqual([status.PERMISSION_DENIED, 'NO_GRANT']);
    expect(denied.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await mongo.db(db).collection('cases').countDocuments()).toBe(before);
  });

  it('refuses an item that is not published, and an unknown one', async () => {
    const token = await applicant.token();
    const draft = await grpcFailure(
      call('openCase', { idempotencyKey: key(), itemId: draftItemId, onBehalfOf: '', formData: '{}' }, token),
    );
    expect([status.NOT_FOUND, status.FAILED_PRECONDITION]).toContain(draft.code);
    const unknown = await grpcFailure(
      call(
        'openCase',
        { idempotencyKey: key(), itemId: '00000000-0000-4000-8000-000000000000', onBehalfOf: '', formData: '{}' },
        token,
      ),
    );
    expect([unknown.code, unknown.reason]).toEqual([status.NOT_FOUND, 'ITEM_NOT_FOUND']);
  });
});
