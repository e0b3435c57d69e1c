import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { catalogueV1 } from '@govhall/proto';
import { fakeVerifier, routeFixture, startFakeGrpcServer } from '../../../../lib/fake-grpc-server.test-double';

// Records the fake catalogue answers with, shared by the catalogue route tests.
export const at = new Date('2026-03-02T08:00:00.000Z');
export const ITEM_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
export const NEXT_ID = '1f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
export const PDF = Buffer.from('%PDF-1.7\n食品经营许可 办事指南\n%%EOF\n');
export const BIG_FILE_BYTES = 4 * 1024 * 1024;
export const BIG_FILE_ID = 'f1000000-0000-4000-8000-0000000000b1';
export const MISSING_FILE_ID = 'f1000000-0000-4000-8000-0000000000e0';
/** A real day the fake catalogue refuses, so the edge passes it on and maps the service's violation. */
export const REFUSED_OVERRIDE_DATE = '2026-02-28';
/** A basic code the fake catalogue says the tenant already has. */
export const TAKEN_BASIC_CODE = '000117012000';

const { HandlingCategory: HC, ItemStatus: IS, TimeUnit: TU } = catalogueV1;

export const content: catalogueV1.ItemContent = {
  implementationCode: '11620321MB1234567X4000172028000',
  localCodes: ['GS-000172028000'],
  level: 4,
  serviceObject: catalogueV1.ServiceObject.SERVICE_OBJECT_ENTERPRISE,
  legalBases: [{ law: '中华人民共和国食品安全法', article: '第三十五条', text: '国家对食品生产经营实行许可制度。' }],
  acceptanceConditions: ['具有与经营的食品品种、数量相适应的经营场所'],
  materials: [
    {
      id: 'application',
      name: '食品经营许可申请书',
      required: true,
      condition: '',
      form: catalogueV1.MaterialForm.MATERIAL_FORM_ORIGINAL,
      originalCount: 1,
      copyCount: 0,
      formats: ['pdf', 'ofd'],
      maxSizeKb: 10240,
      blankFormFileId: 'f1000000-0000-4000-8000-000000000001',
      sampleFileId: 'f1000000-0000-4000-8000-000000000002',
      notes: '',
      satisfiedByLicenceType: '',
    },
    {
      id: 'business-licence',
      name: '营业执照',
      required: true,
      condition: '',
      form: catalogueV1.MaterialForm.MATERIAL_FORM_ELECTRONIC,
      originalCount: 0,
      copyCount: 0,
      formats: [],
      maxSizeKb: 0,
      blankFormFileId: '',
      sampleFileId: '',
      notes: '',
      satisfiedByLicenceType: 'business-licence',
    },
  ],
  form: { jsonSchema: '{"type":"object","properties":{"capital":{"type":"number"}}}', uiSchema: '' },
  preReviewRules: [
    {
      id: 'capital',
      kind: catalogueV1.RuleKind.RULE_KIND_FIELD_COMPARE,
      field: 'capital',
      op: 'gte',
      value: '0',
      materialId: '',
      licenceType: '',
      message: '注册资本不能为负数',
    },
    {
      id: 'licence',
      kind: catalogueV1.RuleKind.RULE_KIND_LICENCE_VALID,
      field: '',
      op: '',
      value: '',
      materialId: '',
      licenceType: 'business-licence',
      message: '营业执照不存在或已过期',
    },
  ],
  statutoryLimit: { days: 20, unit: TU.TIME_UNIT_WORKING_DAY },
  promisedLimit: { days: 10, unit: TU.TIME_UNIT_WORKING_DAY },
  promiseExceptionReason: '',
  visits: 1,
  specialProcedures: [
    { name: '现场核查', planned: { days: 10, unit: TU.TIME_UNIT_NATURAL_DAY }, legalBasis: '食品经营许可管理办法' },
  ],
  fees: [{ name: '工本费', legalBasis: '某某收费文件', amountFen: 1000, formula: '', reductions: '', feeCode: '' }],
  workflow: [
    {
      name: '受理',
      role: 'window_clerk',
      budgetWorkingDays: 1,
      responsibleName: '王丽',
      responsiblePhone: '13800001234',
    },
  ],
  location: { windowLocation: '一楼A03', hours: '周一至周五', consultationPhone: '0937-1', complaintPhone: '12345' },
  onlineDepth: catalogueV1.OnlineDepth.ONLINE_DEPTH_ONLINE_PRE_REVIEW,
  deliveryOptions: [
    catalogueV1.DeliveryOption.DELIVERY_OPTION_WINDOW_PICKUP,
    catalogueV1.DeliveryOption.DELIVERY_OPTION_POST,
  ],
  faq: [{ question: '需要几个工作日？', answer: '10个工作日。' }],
  coDepartments: [],
};

export const item = (overrides: Partial<catalogueV1.Item> = {}): catalogueV1.Item => ({
  id: ITEM_ID,
  tenant: '620321',
  name: '食品经营许可',
  basicCode: '000172028000',
  kind: '01',
  handlingCategory: HC.HANDLING_CATEGORY_PROMISED,
  department: '620321-SCJG',
  status: IS.ITEM_STATUS_PUBLISHED,
  version: 4,
  createdAt: at,
  updatedAt: at,
  createdBy: 'sub-center_admin',
  content,
  edition: 1,
  seriesId: ITEM_ID,
  previousId: '',
  reviews: [{ approved: true, comments: '同意发布', reviewer: 'sub-reviewer', at }],
  submittedAt: at,
  submittedBy: 'yc-admin',
  editedBy: ['yc-admin'],
  publishedAt: at,
  retiredReason: '',
  ...overrides,
});

const calendar = (overrides: catalogueV1.CalendarOverride[] = []): catalogueV1.WorkingCalendarYear => ({
  tenant: '620321',
  year: 2026,
  published: true,
  specialDays: [
    { date: '2026-01-01', working: false, kind: catalogueV1.DayKind.DAY_KIND_HOLIDAY, name: '元旦' },
    { date: '2026-02-14', working: true, kind: catalogueV1.DayKind.DAY_KIND_MAKEUP_WORKDAY, name: '春节' },
    ...overrides.map((o) => ({
      date: o.date,
      working: o.working,
      kind: o.working ? catalogueV1.DayKind.DAY_KIND_LOCAL_WORKDAY : catalogueV1.DayKind.DAY_KIND_LOCAL_HOLIDAY,
      name: o.reason,
    })),
  ],
  workingDays: 250,
  overrides,
  source: '国务院办公厅关于2026年部分节假日安排的通知',
});

export const ADMIN = { authorization: 'Bearer admin' };
export const REVIEWER = { authorization: 'Bearer reviewer' };
export const CLERK = { authorization: 'Bearer clerk' };
export const CITIZEN = { authorization: 'Bearer citizen' };

/** The tokens above: center_admin, reviewer, window_clerk and applicant of 620321. */
const verifier = fakeVerifier('620321', {
  admin: ['center_admin'],
  reviewer: ['reviewer'],
  clerk: ['window_clerk'],
  citizen: ['applicant'],
});

const file = (id: string, size: number): catalogueV1.ItemFile => ({
  id,
  tenant: '620321',
  fileName: '食品经营许可申请书（空白）.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size,
  sha256: 'ab'.repeat(32),
});

/** A fake catalogue with canned answers and a gateway wired to it. */
export async function startCatalogueFixture() {
  const fake = await startFakeGrpcServer(catalogueV1.CatalogueServiceService, {
    createDraftItem: async (req: catalogueV1.CreateDraftItemRequest) => {
      // A basic code the tenant has: the service's conflict names the field (google.rpc.BadRequest).
      if (req.basicCode === TAKEN_BASIC_CODE) {
        const message = `本级已有基本编码为 ${req.basicCode} 的事项，同一事项只能有一个；如需调整，请在原事项上新建版本`;
        throw Object.assign(new ConflictError('BASIC_CODE_TAKEN', message), {
          violations: [{ path: 'basicCode', reason: 'BASIC_CODE_TAKEN', message }],
        });
      }
      return { item: item({ ...req, status: IS.ITEM_STATUS_DRAFT, version: 1, content: undefined, reviews: [] }) };
    },
    getItem: async (req: catalogueV1.GetItemRequest) => ({ item: item({ id: req.id }) }),
    listItems: async () => ({
      items: [item({ status: IS.ITEM_STATUS_DRAFT, reviews: [], content: undefined })],
      page: { nextPageToken: 'p2', total: 21 },
    }),
    // A fee without a legal basis is refused with the violation's path, as the real service does.
    updateDraftItem: async (req: catalogueV1.UpdateDraftItemRequest) => {
      const unfounded = req.content!.fees.findIndex((f) => f.legalBasis === '');
      if (unfounded >= 0) {
        throw new ValidationError([
          { path: `content.fees.${unfounded}.legalBasis`, reason: 'FEE_WITHOUT_BASIS', message: '收费须有法定依据' },
          { path: 'department', reason: 'TENANT_MISMATCH', message: '实施部门不属于该租户' },
        ]);
      }
      const { expectedVersion, ...fields } = req;
      return { item: item({ ...fields, status: IS.ITEM_STATUS_DRAFT, version: expectedVersion + 1 }) };
    },
    submitItem: async () => {
      throw new ValidationError([
        { path: 'content.materials.1.name', reason: 'REQUIRED', message: '材料名称不能为空' },
        { path: 'content.promisedLimit.days', reason: 'PROMISE_TOO_LONG', message: '承诺时限超过法定时限的70%' },
      ]);
    },
    reviewItem: async (req: catalogueV1.ReviewItemRequest) => ({
      item: item({
        id: req.id,
        status: req.approve ? IS.ITEM_STATUS_PUBLISHED : IS.ITEM_STATUS_DRAFT,
        reviews: [{ approved: req.approve, comments: req.comments, reviewer: 'sub-reviewer', at }],
      }),
    }),
    newEdition: async (req: catalogueV1.NewEditionRequest) => ({
      item: item({ id: NEXT_ID, status: IS.ITEM_STATUS_DRAFT, edition: 2, previousId: req.id, reviews: [] }),
    }),
    retireItem: async (req: catalogueV1.RetireItemRequest) => {
      if (req.expectedVersion !== 4)
        throw new ConflictError('CONCURRENT_MODIFICATION', '数据已被他人修改，请刷新后重试');
      return { item: item({ status: IS.ITEM_STATUS_RETIRED, retiredReason: req.reason }) };
    },
    deleteDraftItem: async (req: catalogueV1.DeleteDraftItemRequest) => {
      if (req.id === ITEM_ID) {
        throw new PreconditionError(
          'ITEM_EVER_SUBMITTED',
          '该草稿提交过审核，留有审核记录，不能删除；可修改后重新提交',
        );
      }
      return {};
    },
    diffEditions: async () => ({
      changes: [
        { path: 'content.promisedLimit.days', before: '10', after: '8' },
        { path: 'content.materials.2', before: '', after: '{"id":"lease","name":"租赁合同"}' },
      ],
    }),
    searchItems: async (req: catalogueV1.SearchItemsRequest) => {
      if (req.keyword === '的')
        throw new ValidationError([{ path: 'keyword', reason: 'TOO_COMMON', message: '关键词过于宽泛' }]);
      return {
        items: [
          {
            id: ITEM_ID,
            tenant: '620321',
            name: '食品经营许可',
            basicCode: '000172028000',
            kind: '01',
            handlingCategory: HC.HANDLING_CATEGORY_JOINT,
            department: '620321-SCJG',
            edition: 1,
            promisedLimit: { days: 10, unit: TU.TIME_UNIT_WORKING_DAY },
            onlineDepth: catalogueV1.OnlineDepth.ONLINE_DEPTH_FULLY_ONLINE,
            score: 12.5,
          },
        ],
        page: { nextPageToken: '', total: 1 },
      };
    },
    getPublishedItem: async (req: catalogueV1.GetPublishedItemRequest) => {
      if (req.id === NEXT_ID) throw new NotFoundError('ITEM_NOT_FOUND', '事项不存在或尚未发布');
      return { item: item({ id: req.id }) };
    },
    getGuide: async (req: catalogueV1.GetGuideRequest) => ({
      guide: {
        item: item({ id: req.id }),
        departmentName: '华亭市市场监督管理局',
        tenantName: '华亭市',
        center: {
          windowLocation: '政务服务中心一楼',
          hours: '周一至周五',
          consultationPhone: '0933-1',
          complaintPhone: '12345',
        },
        coDepartmentNames: [],
      },
    }),
    getGuidePdf: async () => ({ pdf: PDF, fileName: '食品经营许可（办事指南）.pdf' }),
    uploadItemFile: async (req: catalogueV1.UploadItemFileRequest) => ({
      file: {
        id: 'file-new',
        tenant: req.tenant,
        fileName: req.fileName,
        contentType: req.contentType,
        size: req.content.length,
        sha256: createHash('sha256').update(req.content).digest('hex'),
      },
    }),
    getItemFile: async (req: catalogueV1.GetItemFileRequest) => {
      if (req.id === MISSING_FILE_ID) throw new NotFoundError('FILE_NOT_FOUND', '文件不存在');
      const bytes = req.id === BIG_FILE_ID ? Buffer.alloc(BIG_FILE_BYTES, 7) : Buffer.from('PK\u0003\u0004 docx');
      return { file: file(req.id, bytes.length), content: bytes };
    },
    getCalendar: async () => ({ calendar: calendar() }),
    setCalendarOverride: async (req: catalogueV1.SetCalendarOverrideRequest) => {
      if (req.override!.date === REFUSED_OVERRIDE_DATE) {
        throw new ValidationError([{ path: 'override.date', reason: 'DATE', message: '日期不存在' }]);
      }
      return { calendar: calendar([req.override!]) };
    },
    removeCalendarOverride: async () => ({ calendar: calendar() }),
    addWorkingDays: async () => ({ date: '2026-02-27', provisional: false, unpublishedYears: [] }),
    countWorkingDays: async () => ({ days: 5, provisional: true, unpublishedYears: [2027] }),
  });
  return routeFixture('catalogue', fake, verifier);
}
