import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import { grpcFailure, newCreditCode } from '@govhall/testing';
// The seed's 食品经营许可 (永昌县市场监督管理局): a realistic published edition with form, rules and materials.
import { itemContentToProto } from '../../catalogue/src/adapters/grpc/item.mapper';
import { MARKET_REGULATION_ITEMS } from '../../catalogue/src/seed/items/market-regulation';
import { CasesWorld, SCJG, TENANT, type Applicant } from './cases-world';

// Declaration online against the real stack: identity, catalogue and applications as their own processes.
const pb = applicationsV1;
const world = new CasesWorld({ name: 'declaration', tag: 'd', events: true });

let itemId: string;
let draftItemId: string;
let clerkA: string;
let applicant: Applicant;
let outsider: Applicant;
let legalPersonId: string;

const key = () => `k-${randomBytes(8).toString('hex')}`;
const call = <Req, Res>(rpc: keyof applicationsV1.ApplicationsServiceClient, req: Req, token?: string) =>
  world.call<Req, Res>(rpc, req, token);

/** The seed's 食品经营许可 published through the catalogue's review, and an item left a draft beside it. */
async function publishFoodLicence(reviewer: string): Promise<string> {
  const seed = MARKET_REGULATION_ITEMS.find((s) => s.tenant === TENANT && s.name === '食品经营许可')!;
  const fields = {
    name: seed.name,
    basicCode: seed.basicCode,
    kind: seed.kind,
    handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
    department: seed.department,
  };
  const { item: draft } = await world.catalogueCall<
    catalogueV1.CreateDraftItemRequest,
    catalogueV1.CreateDraftItemResponse
  >(
    'createDraftItem',
    { idempotencyKey: key(), tenant: TENANT, ...fields, basicCode: '000117099000', name: '未发布的测试事项' },
    await world.adminToken(),
  );
  draftItemId = draft!.id;
  const item = await world.publishItem({ fields, content: itemContentToProto(seed.content) }, reviewer);
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

const storedCase = async (id: string) => world.collection('cases').findOne({ _id: id as never });

beforeAll(async () => {
  await world.start();
  const [reviewer, a, b] = await Promise.all([
    world.createStaff('reviewer', { displayName: '申报测试人员' }),
    world.createStaff('window_clerk', { displayName: '申报测试人员' }),
    world.createStaff('window_clerk', { displayName: '申报测试人员' }),
  ]);
  clerkA = a.username;
  await world.createWindow({ name: '市场监管窗口', aPost: a, bPost: b });
  itemId = await publishFoodLicence(reviewer.username);

  await world.startApplications({
    GOVHALL_TENANTS: TENANT,
    // A service account of 永昌县 (the realm's department-system demo client) asks for the window's clerk.
    SERVICE_CLIENT_ID: 'govhall-dept-demo',
    SERVICE_CLIENT_SECRET: 'govhall-dept-demo-secret',
  });

  applicant = await world.registerPerson('王测试');
  outsider = await world.registerPerson('赵旁人');
  const holder = await world.registerPerson('孙持有');
  const { legalPerson } = await world.identityCall<
    identityV1.RegisterLegalPersonRequest,
    identityV1.RegisterLegalPersonResponse
  >(
    'registerLegalPerson',
    {
      tenant: TENANT,
      name: '永昌县申报测试有限公司',
      creditCode: newCreditCode(TENANT),
      legalRepresentativeName: '孙持有',
      legalRepresentativeIdNumber: holder.idNumber,
    },
    await holder.token(),
  );
  legalPersonId = legalPerson!.id;
}, 300_000);

afterAll(() => world.stop());

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
    expect(await world.collection('case_files').countDocuments({ caseId: opened.id })).toBe(0);

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
    const published = await world.transitions(c.id, 2);
    expect(published.map((e) => e.transition)).toEqual([
      pb.Transition.TRANSITION_RETURNED,
      pb.Transition.TRANSITION_SUBMITTED,
    ]);
    expect(published[0]!.problems.map((p) => p.ruleId)).toContain('legal-rep-id-number');
  });

  it("refuses an agent without authority (PERMISSION_DENIED with identity's reason) and stores nothing", async () => {
    const before = await world.collection('cases').countDocuments();
    const denied = await grpcFailure(
      call(
        'openCase',
        { idempotencyKey: key(), itemId, onBehalfOf: legalPersonId, formData: '{}', contact: undefined },
        await outsider.token(),
      ),
    );
    expect([denied.code, denied.reason]).toEqual([status.PERMISSION_DENIED, 'NO_GRANT']);
    expect(denied.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await world.collection('cases').countDocuments()).toBe(before);
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
