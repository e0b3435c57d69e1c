import { STAFF_ROLES } from '@govhall/auth';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  DateString,
  PageQuery,
  RegionCode,
  SafeText,
  Timestamp,
  UUID,
  hintedPattern,
  pageOf,
} from '../../../../lib/common.schemas';
import { DEPARTMENT_CODE, EnumOf } from '../catalogue/catalogue.schemas';
import { PreReviewRule, PreReviewRuleInput } from '../catalogue/content.schemas';
import { IdNumber, MOBILE, StringEnum } from '../identity/identity.schemas';
import {
  applicantKind,
  caseStatus,
  channel,
  deliveryMethod,
  documentKind,
  extensionState,
  handlingCategory,
  myCaseList,
  outcome,
  paymentState,
  queueKind,
  stepState,
  voidReason,
} from './cases.enums';

/*
 * The cases routes' shapes (govhall.applications.v1 in camelCase). The edge checks shapes and bounds only; the
 * cases service checks the rest (form data against the edition's JSON Schema, formats and sizes from the item,
 * states, who may act) and names each violation's path.
 */

export const CaseStatus = EnumOf(
  caseStatus,
  '办件状态：草稿 draft / 退回件 returned / 待预审 pre_review / 补办件 supplement / 预审通过 pre_review_passed / ' +
    '待递交纸质材料 awaiting_paper / 办理中 processing / 特别程序 suspended / 联办 joint_review / 上报 escalated / ' +
    '准予待制证 approved / 待缴费（暂停计时） awaiting_payment / 办结 completed / 已送达 delivered / 已归档 archived / 不予受理 not_accepted / ' +
    '作废 voided / 撤回 withdrawn',
);
export const HandlingCategory = EnumOf(
  handlingCategory,
  '办件类型：即办件 immediate / 承诺件 promised / 联办件 joint / 上报件 escalated',
);
export const Channel = EnumOf(channel, '申报渠道：网上申报 online / 窗口受理 counter');
export const ApplicantKind = EnumOf(
  applicantKind,
  '申请人类型：自然人 natural_person / 法人 legal_person / 其他组织 other_organisation',
);
export const DocumentKind = EnumOf(
  documentKind,
  '文书类型：申请表 application_copy / 受理通知书 acceptance_notice / 一次性告知书 one_time_notice / ' +
    '不予受理通知书 refusal_notice / 决定书 decision / 证照 licence / 特别程序告知书 suspension_notice / ' +
    '延期告知书 extension_notice',
);
export const StepState = EnumOf(stepState, '环节状态：待办 pending / 在办 active / 已办 done / 跳过 skipped');
export const ExtensionState = EnumOf(
  extensionState,
  '延期状态：已申请 requested / 部门负责人已同意 head_approved / 已批准 approved / 未批准 rejected',
);
export const Outcome = EnumOf(outcome, '决定：准予 approved / 不予 denied');
export const DeliveryMethod = EnumOf(
  deliveryMethod,
  '送达方式：窗口领取 window_pickup / 邮寄 post / 电子送达 electronic',
);
export const VoidReason = EnumOf(voidReason, '作废原因：重复申报 duplicate / 恶意申报 abuse');
export const MyCaseList = EnumOf(
  myCaseList,
  '我的办件：草稿 drafts / 已提交 submitted / 在办 in_progress / 办结 completed',
);
export const QueueKind = EnumOf(
  queueKind,
  '办件类别：即办件 immediate / 承诺件 promised / 补办件 supplement / 退回件 returned / 上报件 escalated / ' +
    '联办件 joint',
);

/** A material of an item edition (the catalogue's MATERIAL_ID). */
export const MATERIAL_ID = hintedPattern(
  '^[a-z][a-z0-9-]{1,39}$',
  '材料标识应为2至40位小写字母、数字或连字符，以字母开头，如 business-licence',
);
/**
 * 居民身份证号码 or 统一社会信用代码: 18 characters of the credit code's alphabet, which holds the ID number's (17
 * digits and a digit or X). The service checks which it is and its check character.
 */
export const ID_CODE = hintedPattern(
  '^(?:[0-9]{17}[0-9Xx]|[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18})$',
  '应为18位居民身份证号码或统一社会信用代码（数字或大写字母，不使用 I、O、S、V、Z，不含空格）',
);
/** Region code (6, 9 or 12 digits) + date (8) + sequence (at least 4), e.g. 620321202612030001. */
export const CASE_NUMBER = hintedPattern(
  '^[0-9]{18,28}$',
  '办件编号应为18至28位数字（行政区划代码＋日期＋顺序号），如 620321202612030001',
);
export const MONTH = hintedPattern('^[0-9]{4}-(?:0[1-9]|1[0-2])$', '月份应为 YYYY-MM，如 2026-03');
const PICKUP_CODE = hintedPattern('^[0-9]{6}$', '取件码应为6位数字');
const TRACKING_NUMBER = hintedPattern('^[A-Za-z0-9-]{6,40}$', '快递单号应为6至40位字母、数字或连字符');

const RecordId = (description: string) => Type.String({ pattern: UUID, description });
const ExpectedVersion = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: '读取时的办件版本 version（乐观并发）',
});
const body = <P extends Record<string, TSchema>>(fields: P, description?: string) =>
  Type.Object({ ...fields, expectedVersion: ExpectedVersion }, { additionalProperties: false, description });
const texts = (maxItems: number, minItems: number, description: string) =>
  Type.Array(SafeText(2, 1000, '一条', true), { minItems, maxItems, description });

/** The form data: a JSON object the service validates against the edition's JSON Schema. */
const FormDataInput = Type.Object(
  {},
  {
    additionalProperties: true,
    maxProperties: 500,
    description: '电子表单数据（JSON 对象），提交时按事项版本的 JSON Schema 校验',
  },
);
const ContactInput = Type.Object(
  {
    mobile: Type.Optional(Type.String({ pattern: MOBILE, description: '接收通知的手机号码' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: '接收通知的电子邮箱' })),
  },
  { additionalProperties: false, description: '通知方式（A15）' },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: '幂等键：重试同一请求时保持不变' }),
});

export const CaseParams = Type.Object({ id: RecordId('办件标识') }, { additionalProperties: false });
export const MaterialParams = Type.Object(
  { id: RecordId('办件标识'), materialId: Type.String({ pattern: MATERIAL_ID, description: '材料标识' }) },
  { additionalProperties: false },
);
export const MaterialFileParams = Type.Object(
  {
    id: RecordId('办件标识'),
    materialId: Type.String({ pattern: MATERIAL_ID, description: '材料标识' }),
    fileId: RecordId('文件标识'),
  },
  { additionalProperties: false },
);
export const CaseFileParams = Type.Object(
  { id: RecordId('办件标识'), fileId: RecordId('文件标识') },
  { additionalProperties: false },
);
export const CaseDocumentParams = Type.Object(
  { id: RecordId('办件标识'), documentId: RecordId('文书标识') },
  { additionalProperties: false },
);
export const ExpectedVersionQuery = Type.Object({ expectedVersion: ExpectedVersion }, { additionalProperties: false });

/* --- Declaration --- */

export const OpenCaseBody = Type.Object(
  {
    itemId: RecordId('已发布的事项版本标识（办件期间固定此版本）'),
    onBehalfOf: Type.Optional(RecordId('经办人代为申请时：法人或其他组织的标识；不填为本人申请')),
    formData: Type.Optional(FormDataInput),
    contact: Type.Optional(ContactInput),
  },
  { additionalProperties: false },
);
export const UpdateDraftBody = body(
  { formData: FormDataInput, contact: Type.Optional(ContactInput) },
  '整体替换草稿的表单数据（和通知方式）',
);
/** What the multipart upload is documented as; the parts themselves are read from the stream. */
export const UploadFilesBody = Type.Object(
  {
    files: Type.Array(Type.String({ format: 'binary' }), {
      minItems: 1,
      description: '一个或多个文件（同一批），按顺序逐个保存；文件名取自各部分的 filename',
    }),
  },
  { additionalProperties: false },
);
export const CiteLicenceBody = body({ licenceNumber: SafeText(1, 64, '共享证照库中的证照编号') });
export const VersionBody = body({});
export const VoidDraftBody = body({ reason: Type.Optional(SafeText(0, 200, '作废原因')) });
export const WithdrawBody = body({ reason: SafeText(2, 500, '撤回理由', true) });

/* --- At the window --- */

export const WalkInBody = Type.Object(
  {
    itemId: RecordId('已发布的事项版本标识'),
    applicantIdCode: Type.String({
      pattern: ID_CODE,
      description: '申请人的居民身份证号码（自然人）或统一社会信用代码（法人、其他组织）',
    }),
    agentIdNumber: Type.Optional(IdNumber('法人申请时：到窗口办理的经办人身份证号码')),
    formData: Type.Optional(FormDataInput),
    contact: Type.Optional(ContactInput),
    windowId: Type.Optional(RecordId('受理窗口；不填为该事项的服务窗口')),
  },
  { additionalProperties: false },
);
const CorrectionInput = Type.Object(
  {
    field: Type.Optional(SafeText(0, 200, '更正的表单字段路径')),
    materialId: Type.Optional(Type.String({ pattern: MATERIAL_ID, description: '更正的材料标识' })),
    note: SafeText(1, 500, '更正了什么', true),
  },
  { additionalProperties: false },
);
export const CorrectionsBody = body({
  corrections: Type.Array(CorrectionInput, { minItems: 1, maxItems: 50, description: '当场更正（A5）' }),
  formData: Type.Optional(FormDataInput),
});
const ProblemInput = Type.Object(
  {
    ruleId: Type.Optional(SafeText(0, 64, '自动预审规则标识（人工列出的问题不填）')),
    field: Type.Optional(SafeText(0, 200, '表单字段路径')),
    materialId: Type.Optional(Type.String({ pattern: MATERIAL_ID, description: '材料标识' })),
    message: SafeText(2, 1000, '问题及补正方法', true),
  },
  { additionalProperties: false },
);
export const OneTimeNoticeBody = body({
  problems: Type.Array(ProblemInput, { minItems: 1, maxItems: 100, description: '一次性告知的全部问题' }),
});
export const OpinionBody = body({ opinion: Type.Optional(SafeText(0, 2000, '意见', true)) });
export const RefuseBody = body({
  reasons: texts(20, 1, '不予受理的理由'),
  remedies: Type.Optional(texts(10, 0, '申请人的救济途径')),
});
export const VoidCaseBody = body({ kind: VoidReason, reason: SafeText(2, 500, '作废理由', true) });
export const DecideOnTheSpotBody = body({
  outcome: Outcome,
  reasons: Type.Optional(texts(20, 0, '理由（不予时必填）')),
  deliveryMethod: Type.Optional(DeliveryMethod),
});

/* --- Handling --- */

export const SuspendBody = body({
  procedure: SafeText(2, 50, '特别程序：听证、检验、检测、检疫、鉴定、专家评审'),
  reason: SafeText(2, 500, '理由', true),
  plannedWorkingDays: Type.Integer({ minimum: 1, maximum: 3650, description: '计划时长（工作日）' }),
});
export const ExtensionBody = body({
  workingDays: Type.Integer({ minimum: 1, maximum: 3650, description: '延长的工作日数' }),
  reason: SafeText(2, 500, '延期理由（告知申请人）', true),
});
export const ExtensionReviewBody = body({
  approve: Type.Boolean({ description: 'true 同意；false 不同意' }),
  comment: Type.Optional(SafeText(0, 500, '审核意见', true)),
});
export const DecisionBody = body({
  outcome: Outcome,
  reasons: Type.Optional(texts(20, 0, '理由（不予时必填）')),
  remedies: Type.Optional(texts(10, 0, '救济途径；不予且不填时为行政复议（60日）和行政诉讼（6个月）')),
});
export const ResultBody = body({
  validUntil: Type.Optional(DateString('证照有效期至；不填为长期有效')),
  deliveryMethod: Type.Optional(DeliveryMethod),
  address: Type.Optional(SafeText(0, 200, '邮寄地址')),
});
export const DeliveryBody = body({
  method: DeliveryMethod,
  pickupCode: Type.Optional(Type.String({ pattern: PICKUP_CODE, description: '窗口领取：申请人的6位取件码' })),
  trackingNumber: Type.Optional(Type.String({ pattern: TRACKING_NUMBER, description: '邮寄：快递单号' })),
});

/* --- Reads --- */

export const MyCasesQuery = Type.Object({ list: MyCaseList, ...PageQuery }, { additionalProperties: false });
export const QueueQuery = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    windowId: Type.Optional(RecordId('窗口：该窗口的预审队列')),
    department: Type.Optional(Type.String({ pattern: DEPARTMENT_CODE, description: '部门编码，如 620321-SCJG' })),
    role: Type.Optional(StringEnum(STAFF_ROLES, { description: '与 department 一起：该角色的在办环节' })),
    kind: Type.Optional(QueueKind),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const ProgressBody = Type.Object(
  {
    caseNumber: Type.String({ pattern: CASE_NUMBER, description: '办件编号' }),
    applicantIdCode: Type.String({
      pattern: ID_CODE,
      description: '申请人的居民身份证号码或统一社会信用代码（在请求体中提交，不出现在网址和访问日志中）',
    }),
  },
  { additionalProperties: false },
);
export const LedgerQuery = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    month: Type.String({ pattern: MONTH, description: '收件月份 YYYY-MM' }),
    department: Type.Optional(Type.String({ pattern: DEPARTMENT_CODE, description: '只导出该部门的办件' })),
  },
  { additionalProperties: false },
);
export const SettingsParams = Type.Object(
  { tenant: RegionCode('租户（行政区划代码）') },
  { additionalProperties: false },
);
export const SettingsBody = Type.Object(
  {
    commonRules: Type.Array(PreReviewRuleInput, { maxItems: 200, description: '全租户通用的自动预审规则（A20）' }),
    counterNoticeWorkingDays: Type.Integer({
      minimum: 0,
      maximum: 30,
      description: '窗口件一次性告知可在几个工作日内出具（0 为当场）',
    }),
    extensionCenterReview: Type.Boolean({ description: '延期是否在部门负责人同意后再经中心审核' }),
    hallClosesAt: Type.Optional(
      Type.String({
        pattern: '^\\d{2}:\\d{2}$',
        description:
          '大厅下班时间（北京时间 HH:MM，12:00 至 24:00，缺省 17:00）：此后收到的申请按次日收件；延时服务（A34）时推后',
      }),
    ),
    expectedVersion: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的设置版本 version（尚未设置过为 0）',
    }),
  },
  { additionalProperties: false },
);

/* --- Answers --- */

const opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const str = (description?: string) => Type.String({ description });
const Day = str('YYYY-MM-DD');

export const CaseFile = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: str('按内容识别的媒体类型'),
  size: Type.Integer({ description: '字节数' }),
  sha256: Type.String(),
  uploadedAt: Timestamp,
});
const LicenceCitation = Type.Object({
  licenceId: Type.String(),
  licenceNumber: Type.String(),
  licenceType: Type.String(),
  holderName: Type.String(),
  validUntil: opt(Timestamp),
  checkedAt: opt(Timestamp),
  valid: Type.Boolean(),
});
const ProvidedMaterial = Type.Object({
  materialId: Type.String(),
  name: Type.String(),
  required: Type.Boolean(),
  files: Type.Array(CaseFile),
  licence: opt(LicenceCitation),
});
const Problem = Type.Object({
  ruleId: opt(str('自动预审规则标识')),
  field: opt(str('表单字段路径')),
  materialId: opt(Type.String()),
  message: Type.String(),
});
const Correction = Type.Object({
  field: opt(Type.String()),
  materialId: opt(Type.String()),
  note: Type.String(),
  recordedBy: Type.String(),
  at: Timestamp,
});
const Deadline = Type.Object({
  dueDate: opt(Day),
  startDate: opt(Day),
  limitWorkingDays: Type.Integer(),
  extensionWorkingDays: Type.Integer(),
  suspendedWorkingDays: Type.Integer(),
  provisional: Type.Boolean({ description: '期限落在日历未发布的年份（按周一至周五推算）' }),
  skipped: Type.Array(Type.Object({ date: Day, reason: Type.String() })),
  explanation: opt(str('期限如何算出（中文）')),
});
const Clocks = Type.Object({
  receivedDate: opt(Day),
  acceptedDate: opt(Day),
  promised: opt(Deadline),
  statutory: opt(Deadline),
  noticeDueDate: opt(Day),
});
const CaseStep = Type.Object({
  index: Type.Integer(),
  name: Type.String(),
  role: Type.String(),
  budgetWorkingDays: Type.Integer(),
  department: opt(Type.String()),
  state: StepState,
  startedAt: opt(Timestamp),
  finishedAt: opt(Timestamp),
  dueDate: opt(Day),
  handledBy: opt(Type.String()),
  opinion: opt(Type.String()),
});
const Suspension = Type.Object({
  procedure: Type.String(),
  reason: Type.String(),
  plannedWorkingDays: Type.Integer(),
  startedDate: Day,
  endedDate: opt(Day),
  suspendedWorkingDays: Type.Integer(),
  startedBy: Type.String(),
});
const Extension = Type.Object({
  workingDays: Type.Integer(),
  reason: Type.String(),
  state: ExtensionState,
  requestedBy: Type.String(),
  headApprovedBy: opt(Type.String()),
  centerReviewedBy: opt(Type.String()),
  rejectedReason: opt(Type.String()),
});
const Decision = Type.Object({
  outcome: Outcome,
  reasons: Type.Array(Type.String()),
  remedies: Type.Array(Type.String()),
  decidedBy: Type.String(),
  decidedAt: opt(Timestamp),
});
const Delivery = Type.Object({
  method: DeliveryMethod,
  pickupCode: opt(str('6位取件码，仅申请人可见')),
  trackingNumber: opt(Type.String()),
  address: opt(Type.String()),
  deliveredAt: opt(Timestamp),
  deliveredBy: opt(Type.String()),
});
const CaseDocument = Type.Object({
  id: Type.String(),
  kind: DocumentKind,
  number: Type.String(),
  issuedAt: opt(Timestamp),
  issuedBy: Type.String(),
  sha256: Type.String(),
});
const HistoryEntry = Type.Object({
  action: Type.String(),
  fromStatus: opt(CaseStatus),
  toStatus: opt(CaseStatus),
  actor: Type.String(),
  actorRole: opt(Type.String()),
  at: opt(Timestamp),
  reason: opt(Type.String()),
  documentIds: Type.Array(Type.String()),
});
const Applicant = Type.Object({
  kind: ApplicantKind,
  personId: Type.String(),
  name: Type.String(),
  idCode: str('身份证号码或统一社会信用代码（申请人和本案工作人员以外脱敏）'),
  subject: opt(Type.String()),
  agentPersonId: opt(Type.String()),
  agentName: opt(Type.String()),
  agentSubject: opt(Type.String()),
  agentGrantId: opt(Type.String()),
});
const Contact = Type.Object({ mobile: opt(Type.String()), email: opt(Type.String()) });

export const Case = Type.Object({
  id: Type.String(),
  caseNumber: opt(str('办件编号；首次提交或窗口登记时生成')),
  tenant: Type.String(),
  status: CaseStatus,
  version: Type.Integer({ description: '办件版本：每次修改加1，写操作以 expectedVersion 带回' }),
  channel: Channel,
  itemId: Type.String(),
  itemName: Type.String(),
  itemBasicCode: Type.String(),
  itemEdition: Type.Integer(),
  handlingCategory: HandlingCategory,
  department: Type.String(),
  windowId: opt(Type.String()),
  applicant: Applicant,
  contact: Contact,
  formData: Type.Object({}, { additionalProperties: true, description: '电子表单数据（JSON 对象）' }),
  materials: Type.Array(ProvidedMaterial),
  uploadComplete: Type.Boolean(),
  problems: Type.Array(Problem),
  corrections: Type.Array(Correction),
  clocks: opt(Clocks),
  steps: Type.Array(CaseStep),
  suspensions: Type.Array(Suspension),
  extension: opt(Extension),
  decision: opt(Decision),
  licenceId: opt(Type.String()),
  delivery: opt(Delivery),
  documents: Type.Array(CaseDocument),
  history: Type.Array(HistoryEntry),
  responsible: opt(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: opt(Timestamp),
  deemedAccepted: Type.Boolean({ description: '5个工作日内未一次性告知，自收件之日起视为受理（§32）' }),
  decidedOnTheSpot: Type.Boolean({ description: '即办件当场办结' }),
  payment: opt(
    Type.Object(
      {
        noticeId: Type.String(),
        noticeNumber: Type.String({ description: '缴款通知书编号' }),
        paymentCode: Type.String({ description: '缴款码' }),
        totalFen: Type.Integer({ description: '应缴金额（分）' }),
        deadline: Type.String({ description: '缴款期限 YYYY-MM-DD' }),
        state: EnumOf(paymentState, '缴费状态：待缴费 due / 已缴费 paid / 免缴 waived / 已作废 cancelled'),
        waits: Type.Array(Type.Object({ from: Type.String(), to: opt(Type.String()) }), {
          description: '等待缴费（承诺时限暂停）的期间',
        }),
      },
      { description: '收费事项准予后的缴款通知书（收缴分离；缴款以银行确认为准）' },
    ),
  ),
  timeLeft: opt(
    Type.Object(
      {
        dueDate: opt(Day),
        workingDaysLeft: opt(Type.Integer({ description: '距期限的工作日（负数为超期）；不计时时没有' })),
        clockRunning: Type.Boolean(),
      },
      { description: '截至查询时的剩余办理时间（与列表同一算法）；仅办件详情（GET /cases/{id}）给出' },
    ),
  ),
});
export type Case = Static<typeof Case>;

export const UploadAnswer = Type.Object({
  files: Type.Array(CaseFile, { description: '本批保存的文件，按上传顺序' }),
  case: Case,
});

export const CaseSummary = Type.Object({
  id: Type.String(),
  caseNumber: opt(Type.String()),
  tenant: Type.String(),
  status: CaseStatus,
  itemName: Type.String(),
  handlingCategory: HandlingCategory,
  department: Type.String(),
  windowId: opt(Type.String()),
  applicantName: str('脱敏'),
  submittedDate: opt(Day),
  dueDate: opt(Day),
  workingDaysLeft: opt(Type.Integer({ description: '距期限的工作日（负数为超期）；不计时时没有' })),
  clockRunning: Type.Boolean(),
  responsible: opt(Type.String()),
  version: Type.Integer(),
  kinds: Type.Array(str('即办件、承诺件、补办件、退回件、上报件、联办件')),
});
export type CaseSummary = Static<typeof CaseSummary>;
export const CaseSummaryPage = pageOf('cases', CaseSummary);

export const Progress = Type.Object({
  caseNumber: Type.String(),
  itemName: Type.String(),
  status: CaseStatus,
  applicantName: str('脱敏，如 张*'),
  departmentName: opt(Type.String()),
  receivedDate: opt(Day),
  dueDate: opt(Day),
  timeline: Type.Array(
    Type.Object({ action: Type.String(), status: opt(CaseStatus), at: str('YYYY-MM-DD HH:mm（北京时间）') }),
  ),
});
export type Progress = Static<typeof Progress>;

export const CaseSettings = Type.Object({
  tenant: Type.String(),
  commonRules: Type.Array(PreReviewRule),
  counterNoticeWorkingDays: Type.Integer(),
  extensionCenterReview: Type.Boolean(),
  hallClosesAt: str('大厅下班时间（北京时间 HH:MM）；此后收到的申请按次日收件'),
  version: Type.Integer(),
});
export type CaseSettings = Static<typeof CaseSettings>;
