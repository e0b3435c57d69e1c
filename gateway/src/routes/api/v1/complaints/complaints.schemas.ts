import { Type, type TLiteral } from '@sinclair/typebox';
import { DateString, PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import { MOBILE } from '../identity/identity.schemas';
import {
  complaintChannel,
  complaintFinding,
  complaintKind,
  complaintStatus,
  complaintType,
  handlingOffice,
  replySatisfaction,
  targetKind,
} from './complaints.enums';

/* 投诉和举报 (complaint_service.proto; C8-C16). */

const literals = <V extends string>(values: readonly V[], description: string) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<V>[], { description });

const TYPE = literals(complaintType.values, '类型：complaint 投诉、report 举报（可匿名）');
const KIND = literals(
  complaintKind.values,
  '类别：efficiency 行政效能和工作作风（效能监察室）、law_enforcement 窗口行政执法（法制办窗口）、' +
    'reconsideration 行政复议申请（法制办窗口）、service 一般服务（中心综合协调办公室）',
);
const CHANNEL = literals(
  complaintChannel.values,
  '渠道：online 网上（默认）；工作人员登记 visit 来访、phone 来电、letter 来信、box 意见箱（首问责任人为登记人）；open311 部门系统',
);
const TARGET_KIND = literals(
  targetKind.values,
  '投诉对象：department 部门（填部门编码）、window 窗口（填窗口标识）、staff 工作人员（填登录名）、case 办件（填办件标识）、none 不指定',
);
const STATUS = literals(
  complaintStatus.values,
  'received 待受理、accepted 已受理、rejected 不予受理、replied 已答复、closed 已评价',
);
const FINDING = literals(complaintFinding.values, '认定：justified 合理投诉、invalid 无效投诉、mistaken 错误投诉');
const SATISFACTION = literals(
  replySatisfaction.values,
  'satisfied 满意、basically_satisfied 基本满意、dissatisfied 不满意',
);

export const FileComplaintBody = Type.Object(
  {
    tenant: RegionCode('投诉的地区（6位行政区划代码）'),
    type: TYPE,
    kind: KIND,
    channel: Type.Optional(CHANNEL),
    target: Type.Object(
      {
        kind: TARGET_KIND,
        id: Type.Optional(Type.String({ maxLength: 100, description: '对象标识；不指定对象时不填' })),
      },
      { additionalProperties: false },
    ),
    content: Type.String({ ...SafeText(2, 2000, '投诉内容（10至2000字）', true), minLength: 10 }),
    complainant: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(SafeText(0, 50, '姓名；投诉必填，举报可不填')),
          phone: Type.Optional(
            Type.Union([Type.Literal(''), Type.String({ pattern: MOBILE })], { description: '手机号码' }),
          ),
          email: Type.Optional(Type.String({ maxLength: 254, description: '电子邮箱' })),
        },
        { additionalProperties: false },
      ),
    ),
    attachmentIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 5,
        description: '附件：先以 POST /api/v1/complaints/attachments 上传（本人上传、同一地区、未用过），最多5个',
      }),
    ),
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_.:-]{8,100}$',
      description: '请求标识：每件投诉生成一次（如 UUID）；重复提交时答复同一件投诉',
    }),
  },
  { additionalProperties: false },
);

const OFFICE = literals(
  handlingOffice.values,
  '受理部门：supervision 效能监察室、legal_affairs 法制办窗口、coordination 综合协调办公室',
);

export const ComplaintAttachment = Type.Object(
  {
    id: Type.String(),
    fileName: Type.String(),
    contentType: Type.String({ description: 'image/jpeg、image/png 或 application/pdf（按内容识别）' }),
    size: Type.Integer({ description: '字节数' }),
    sha256: Type.String({ description: '内容的 SHA-256（十六进制）' }),
    uploadedAt: Timestamp,
  },
  { additionalProperties: false },
);
export const AttachmentAnswer = Type.Object({ attachment: ComplaintAttachment }, { additionalProperties: false });
export const AttachmentFields = Type.Object(
  { tenant: RegionCode('投诉的地区（6位行政区划代码）') },
  { additionalProperties: false },
);

const Target = Type.Object(
  {
    kind: TARGET_KIND,
    id: Type.String(),
    name: Type.String({ description: '对象名称（部门、窗口、人员姓名或办件编号）' }),
    department: Type.String({ description: '对象所属部门：其负责人同时收到该投诉' }),
  },
  { additionalProperties: false },
);

export const Complaint = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: '投诉编号' }),
    tenant: Type.String(),
    type: TYPE,
    kind: KIND,
    channel: CHANNEL,
    target: Target,
    content: Type.String(),
    complainant: Type.Object(
      {
        name: Type.String({ description: '投诉人姓名；受理部门以外的人员看到的已脱敏' }),
        phone: Type.String(),
        email: Type.String(),
      },
      { additionalProperties: false },
    ),
    receivedBy: Type.String({ description: '首问责任人（工作人员登记的投诉）' }),
    office: OFFICE,
    officeDepartment: Type.String(),
    status: STATUS,
    receivedAt: Timestamp,
    acceptBy: Type.String({ description: '受理期限（北京时间日期）' }),
    replyBy: Type.String({ description: '答复期限（受理后）' }),
    acceptedAt: Type.Union([Timestamp, Type.Null()]),
    acceptedBy: Type.String(),
    rejectionReason: Type.String({ description: '不予受理的理由' }),
    reply: Type.Union([
      Type.Object(
        { finding: FINDING, text: Type.String(), repliedBy: Type.String(), repliedAt: Timestamp },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    satisfaction: Type.Union([Type.Literal(''), ...replySatisfaction.values.map((v) => Type.Literal(v))], {
      description: '投诉人对答复的评价；未评价为空',
    }),
    ratedAt: Type.Union([Timestamp, Type.Null()]),
    acceptanceOverdue: Type.Boolean(),
    replyOverdue: Type.Boolean(),
    version: Type.Integer(),
    attachments: Type.Array(ComplaintAttachment, {
      description:
        '附件（照片、信件）：仅投诉人、首问责任人（登记人）、受理部门和监察人员可见，' +
        'GET /api/v1/complaints/{id}/attachments/{attachmentId} 下载',
    }),
  },
  { additionalProperties: false },
);

export const ComplaintAnswer = Type.Object({ complaint: Complaint }, { additionalProperties: false });
export const ComplaintPage = pageOf('complaints', Complaint);

export const ComplaintParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '投诉标识' }) },
  { additionalProperties: false },
);

export const ComplaintsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('地区；默认本人所在地区')),
    from: DateString('收到日期起（北京时间）'),
    to: DateString('收到日期止（含），不超过366天'),
    status: Type.Optional(Type.Array(STATUS, { maxItems: 5, description: '只看这些状态' })),
    kind: Type.Optional(KIND),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const SummaryQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('地区；默认本人所在地区')),
    from: DateString('收到日期起（北京时间）'),
    to: DateString('收到日期止（含），不超过366天'),
  },
  { additionalProperties: false },
);

const counted = <T extends ReturnType<typeof literals>>(key: string, values: T, description: string) =>
  Type.Array(Type.Object({ [key]: values, count: Type.Integer() }, { additionalProperties: false }), { description });

export const ComplaintSummary = Type.Object(
  {
    total: Type.Integer({ description: '期间内收到的投诉数' }),
    byStatus: counted('status', STATUS, '各状态的投诉数（含0）'),
    byKind: counted('kind', KIND, '各类别的投诉数（含0）'),
    byFinding: counted('finding', FINDING, '已答复投诉的认定：合理、无效、错误'),
    bySatisfaction: counted('satisfaction', SATISFACTION, '投诉人对答复的评价'),
    lateAcceptance: Type.Integer({ description: '受理超期的投诉数（含超期后已受理的）' }),
    lateReply: Type.Integer({ description: '答复超期的投诉数（含超期后已答复的）' }),
    overdue: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          number: Type.String({ description: '投诉编号' }),
          kind: KIND,
          target: Target,
          office: OFFICE,
          officeDepartment: Type.String(),
          status: STATUS,
          clock: Type.Union([Type.Literal('accept'), Type.Literal('reply')], {
            description: '超期环节：accept 受理、reply 答复',
          }),
          dueDay: Type.String({ description: '期限（北京时间日期）' }),
        },
        { additionalProperties: false },
      ),
      { description: '仍未办理且已超过期限的投诉（超期最久的在前；不含投诉人信息和投诉内容）' },
    ),
    today: Type.String({ description: '判断超期所依据的日期（北京时间）' }),
    truncated: Type.Boolean({ description: '期间内投诉过多，只统计了最先收到的部分' }),
  },
  { additionalProperties: false },
);

export const MineQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

const Version = Type.Integer({ minimum: 1, description: '读取时的版本号' });
export const AcceptBody = Type.Object({ expectedVersion: Version }, { additionalProperties: false });
export const RejectBody = Type.Object(
  { expectedVersion: Version, reason: SafeText(2, 500, '不予受理的理由（告知投诉人）', true) },
  { additionalProperties: false },
);
export const ReplyBody = Type.Object(
  { expectedVersion: Version, finding: FINDING, text: SafeText(2, 2000, '答复内容，或投诉错误的理由', true) },
  { additionalProperties: false },
);
export const SatisfactionBody = Type.Object({ satisfaction: SATISFACTION }, { additionalProperties: false });

export const PublishedOutcome = Type.Object(
  {
    number: Type.String(),
    tenant: Type.String(),
    type: TYPE,
    kind: KIND,
    targetKind: TARGET_KIND,
    targetName: Type.String({ description: '对象（人员只显示“工作人员”，办件只显示“办件”）' }),
    content: Type.String({ description: '投诉内容（证件号码、手机号码、邮箱和姓名已脱敏）' }),
    finding: FINDING,
    reply: Type.String(),
    receivedAt: Timestamp,
    repliedAt: Timestamp,
  },
  { additionalProperties: false },
);
export const OutcomesQuery = Type.Object(
  { tenant: RegionCode('地区（6位行政区划代码）'), ...PageQuery },
  { additionalProperties: false },
);
export const OutcomePage = pageOf('outcomes', PublishedOutcome);

export const ComplaintChannelInfo = Type.Object(
  {
    tenant: Type.String(),
    unit: Type.String({ description: '投诉受理单位' }),
    phone: Type.String({ description: '投诉电话' }),
    address: Type.String(),
    procedure: Type.String({ description: '投诉处理程序' }),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export const ChannelAnswer = Type.Object({ channel: ComplaintChannelInfo }, { additionalProperties: false });
export const ChannelParams = Type.Object(
  { tenant: RegionCode('地区（6位行政区划代码）') },
  { additionalProperties: false },
);
export const ChannelBody = Type.Object(
  {
    unit: SafeText(2, 100, '投诉受理单位'),
    phone: Type.String({ maxLength: 20, description: '投诉电话（区号-号码、热线或手机号码）' }),
    address: SafeText(2, 200, '地址'),
    procedure: Type.String({ ...SafeText(2, 2000, '投诉处理程序（10至2000字）', true), minLength: 10 }),
    expectedVersion: Type.Integer({ minimum: 0, description: '读取时的版本号；首次设置为0' }),
  },
  { additionalProperties: false },
);
