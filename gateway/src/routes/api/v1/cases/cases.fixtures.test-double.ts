import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { applicationsV1 } from '@govhall/proto';
import { fakeVerifier, routeFixture, startFakeGrpcServer } from '../../../../lib/fake-grpc-server.test-double';

// Records the fake cases service answers with, shared by the cases route tests.
export const at = new Date('2026-03-02T08:00:00.000Z');
export const CASE_ID = 'c1000000-0000-4000-8000-000000000001';
export const ITEM_ID = 'a1000000-0000-4000-8000-000000000001';
/** Ids the fake answers each refusal for. */
export const WRONG_STATE_ID = 'c1000000-0000-4000-8000-00000000000e';
export const HIDDEN_ID = 'c1000000-0000-4000-8000-000000000404';
export const FORBIDDEN_ID = 'c1000000-0000-4000-8000-000000000403';
export const INVALID_ID = 'c1000000-0000-4000-8000-000000000400';

export function aCase(overrides: Partial<applicationsV1.Case> = {}): applicationsV1.Case {
  return {
    id: CASE_ID,
    caseNumber: '620321202603020001',
    tenant: '620321',
    status: applicationsV1.CaseStatus.CASE_STATUS_PROCESSING,
    version: 4,
    channel: applicationsV1.Channel.CHANNEL_ONLINE,
    itemId: ITEM_ID,
    itemName: '食品经营许可',
    itemBasicCode: '00000000000A',
    itemEdition: 1,
    handlingCategory: applicationsV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
    department: '620321-SCJG',
    windowId: '',
    applicant: {
      kind: applicationsV1.ApplicantKind.APPLICANT_KIND_NATURAL_PERSON,
      personId: 'np-1',
      name: '张三',
      idCode: '620321199001011234',
      subject: 'sub-applicant',
      agentPersonId: '',
      agentName: '',
      agentSubject: '',
      agentGrantId: '',
    },
    contact: { mobile: '13800001234', email: '' },
    formData: '{"shopName":"永昌小吃","area":30}',
    materials: [
      {
        materialId: 'business-licence',
        name: '营业执照',
        required: true,
        files: [
          {
            id: 'f1000000-0000-4000-8000-000000000001',
            fileName: '营业执照.pdf',
            contentType: 'application/pdf',
            size: 3,
            sha256: 'ab',
            uploadedAt: at,
          },
        ],
        licence: undefined,
      },
    ],
    uploadComplete: true,
    problems: [],
    corrections: [],
    clocks: {
      receivedDate: '2026-03-02',
      acceptedDate: '2026-03-02',
      promised: {
        dueDate: '2026-03-16',
        startDate: '2026-03-02',
        limitWorkingDays: 10,
        extensionWorkingDays: 0,
        suspendedWorkingDays: 0,
        provisional: false,
        skipped: [{ date: '2026-03-07', reason: 'weekend' }],
        explanation: '自2026-03-02起算10个工作日',
      },
      statutory: undefined,
      noticeDueDate: '',
    },
    steps: [
      {
        index: 0,
        name: '审查',
        role: 'reviewer',
        budgetWorkingDays: 5,
        department: '620321-SCJG',
        state: applicationsV1.StepState.STEP_STATE_ACTIVE,
        startedAt: at,
        finishedAt: undefined,
        dueDate: '2026-03-09',
        handledBy: '',
        opinion: '',
      },
    ],
    suspensions: [],
    extension: undefined,
    decision: undefined,
    licenceId: '',
    delivery: undefined,
    documents: [
      {
        id: 'd1000000-0000-4000-8000-000000000001',
        kind: applicationsV1.DocumentKind.DOCUMENT_KIND_ACCEPTANCE_NOTICE,
        number: '永昌县政务服务中心受理〔2026〕00012号',
        issuedAt: at,
        issuedBy: 'clerk-1',
        sha256: 'cd',
      },
    ],
    history: [
      {
        action: 'accept',
        fromStatus: applicationsV1.CaseStatus.CASE_STATUS_PRE_REVIEW,
        toStatus: applicationsV1.CaseStatus.CASE_STATUS_PROCESSING,
        actor: 'clerk-1',
        actorRole: 'window_clerk',
        at,
        reason: '',
        documentIds: ['d1000000-0000-4000-8000-000000000001'],
      },
    ],
    responsible: 'reviewer-1',
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    deemedAccepted: false,
    decidedOnTheSpot: false,
    ...overrides,
  };
}

export const licence: applicationsV1.Licence = {
  id: 'l1000000-0000-4000-8000-000000000001',
  licenceNumber: 'JY16203210000012',
  licenceType: '食品经营许可证',
  name: '食品经营许可证',
  holderName: '张*',
  holderIdCode: '6203**********1234',
  holderPersonId: 'np-1',
  tenant: '620321',
  itemName: '食品经营许可',
  caseId: CASE_ID,
  issuingDepartment: '620321-SCJG',
  issuingDepartmentName: '永昌县市场监督管理局',
  seal: '永昌县市场监督管理局行政审批专用章',
  validFrom: '2026-03-10',
  validUntil: '',
  verificationCode: 'AB12CD34EF56',
  issuedAt: at,
  revoked: false,
};

/** The refusal the fake answers for a path id (every RPC that names a case by `id` goes through it). */
function refuse(id: string): void {
  if (id === WRONG_STATE_ID) {
    throw new PreconditionError('WRONG_STATE', '当前状态不允许此操作', { currentStatus: 'CASE_STATUS_PROCESSING' });
  }
  if (id === HIDDEN_ID) throw new NotFoundError('CASE_NOT_FOUND', '办件不存在');
  if (id === FORBIDDEN_ID) throw new ForbiddenError('NOT_CASE_DEPARTMENT', '该办件不属于您的部门');
  if (id === INVALID_ID) {
    throw new ValidationError([
      { path: 'formData.shopName', reason: 'REQUIRED', message: '请填写店铺名称' },
      { path: 'expectedVersion', reason: 'MINIMUM', message: '版本号有误' },
    ]);
  }
}

const answer = async (req: { id: string }) => {
  refuse(req.id);
  return { case: aCase({ id: req.id }) };
};

export const APPLICANT = { authorization: 'Bearer applicant' };
export const CLERK = { authorization: 'Bearer clerk' };
export const REVIEWER = { authorization: 'Bearer reviewer' };
export const APPROVER = { authorization: 'Bearer approver' };
export const ADMIN = { authorization: 'Bearer admin' };

/** The tokens above, of tenant 620321; anything else is refused. */
const verifier = fakeVerifier('620321', {
  applicant: ['applicant'],
  clerk: ['window_clerk'],
  reviewer: ['reviewer'],
  approver: ['approver'],
  admin: ['center_admin'],
});

/** A fake cases server with canned answers and a gateway wired to it (`config` adds gateway settings). */
export async function startCasesFixture(config: Record<string, string> = {}) {
  let fileCount = 0;
  const fake = await startFakeGrpcServer(applicationsV1.ApplicationsServiceService, {
    openCase: async () => ({ case: aCase({ status: applicationsV1.CaseStatus.CASE_STATUS_DRAFT, caseNumber: '' }) }),
    updateDraft: answer,
    uploadMaterial: async (req: applicationsV1.UploadMaterialRequest) => {
      refuse(req.id);
      if (req.fileName === 'bad.exe') {
        throw new ValidationError([{ path: 'content', reason: 'FORMAT', message: '该材料只接受 pdf、jpg' }]);
      }
      fileCount += 1;
      return {
        case: aCase({ version: 4 + fileCount }),
        file: {
          id: `f2000000-0000-4000-8000-00000000000${fileCount}`,
          fileName: req.fileName,
          contentType: 'application/pdf',
          size: req.content.length,
          sha256: 'ef',
          uploadedAt: at,
        },
      };
    },
    removeMaterialFile: answer,
    citeLicence: answer,
    completeUpload: answer,
    voidDraft: answer,
    submitCase: answer,
    withdrawCase: answer,
    registerWalkIn: async () => ({ case: aCase({ channel: applicationsV1.Channel.CHANNEL_COUNTER }) }),
    recordCorrection: answer,
    issueOneTimeNotice: answer,
    passPreReview: answer,
    sendToAcceptance: answer,
    acceptCase: answer,
    refuseToAccept: answer,
    voidCase: answer,
    decideOnTheSpot: answer,
    completeStep: answer,
    suspendCase: answer,
    resumeCase: answer,
    requestExtension: answer,
    reviewExtension: answer,
    decideCase: answer,
    issueResult: async (req: applicationsV1.IssueResultRequest) => {
      refuse(req.id);
      return { case: aCase({ status: applicationsV1.CaseStatus.CASE_STATUS_COMPLETED }), licence };
    },
    deliverResult: answer,
    archiveCase: answer,
    getCase: async (req: { id: string }) => ({
      ...(await answer(req)),
      dueDate: '2026-03-16',
      workingDaysLeft: -2,
      clockRunning: true,
    }),
    listMyCases: async () => ({
      cases: [
        {
          id: CASE_ID,
          caseNumber: '620321202603020001',
          tenant: '620321',
          status: applicationsV1.CaseStatus.CASE_STATUS_PROCESSING,
          itemName: '食品经营许可',
          handlingCategory: applicationsV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
          department: '620321-SCJG',
          windowId: '',
          applicantName: '张*',
          submittedDate: '2026-03-02',
          dueDate: '2026-03-16',
          workingDaysLeft: 0,
          clockRunning: true,
          responsible: '',
          version: 4,
          kinds: ['承诺件'],
        },
      ],
      page: { nextPageToken: 'next', total: 3 },
    }),
    listQueue: async () => ({ cases: [], page: { nextPageToken: '', total: 0 } }),
    getCaseFile: async (req: applicationsV1.GetCaseFileRequest) => {
      refuse(req.caseId);
      return {
        file: {
          id: req.fileId,
          fileName: '营业执照.pdf',
          contentType: 'application/pdf',
          size: 3,
          sha256: 'ab',
          uploadedAt: at,
        },
        content: Buffer.from('%PD'),
      };
    },
    getCaseDocument: async (req: applicationsV1.GetCaseDocumentRequest) => ({
      document: aCase().documents[0],
      pdf: Buffer.from('%PDF-1.7'),
      fileName: `受理通知书-${req.caseId.slice(0, 4)}.pdf`,
    }),
    queryProgress: async (req: applicationsV1.QueryProgressRequest) => {
      if (req.applicantIdCode !== '620321199001011234') throw new NotFoundError('CASE_NOT_FOUND', '未找到该办件');
      return {
        caseNumber: req.caseNumber,
        itemName: '食品经营许可',
        status: applicationsV1.CaseStatus.CASE_STATUS_PROCESSING,
        applicantName: '张*',
        departmentName: '永昌县市场监督管理局',
        receivedDate: '2026-03-02',
        dueDate: '2026-03-16',
        timeline: [
          { action: '受理', status: applicationsV1.CaseStatus.CASE_STATUS_PROCESSING, at: '2026-03-02 16:00' },
        ],
      };
    },
    exportLedger: async (req: applicationsV1.ExportLedgerRequest) => ({
      csv: Buffer.from('\ufeff办件编号,事项\n620321202603020001,食品经营许可\n'),
      fileName: `登记台账-${req.tenant}-${req.month}.csv`,
      rows: 1,
    }),
    verifyLicence: async (req: applicationsV1.VerifyLicenceRequest) => {
      if (req.verificationCode !== licence.verificationCode) throw new NotFoundError('LICENCE_NOT_FOUND', '核验码无效');
      return { licence };
    },
    listMyLicences: async () => ({ licences: [licence], page: { nextPageToken: '', total: 1 } }),
    getCaseSettings: async (req: applicationsV1.GetCaseSettingsRequest) => ({
      settings: {
        tenant: req.tenant,
        commonRules: [],
        counterNoticeWorkingDays: 0,
        extensionCenterReview: true,
        hallClosesAt: '17:00',
        version: 2,
      },
    }),
    updateCaseSettings: async (req: applicationsV1.UpdateCaseSettingsRequest) => {
      if (req.settings!.commonRules.some((r) => r.field === 'bad')) {
        throw new ValidationError([
          { path: 'settings.commonRules.0.field', reason: 'UNKNOWN_FIELD', message: '表单中没有该字段' },
        ]);
      }
      return { settings: { ...req.settings!, version: req.expectedVersion + 1 } };
    },
  });
  return routeFixture('applications', fake, verifier, config);
}
