import { Type, type Static } from '@sinclair/typebox';
import { DEPARTMENT_CODE } from '../identity/identity.schemas';
import { USERNAME } from '../supervision/supervision.schemas';
import { DateString, PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import {
  assignmentBasis,
  decisionOutcome,
  opinionKind,
  reviewState,
  taskKind,
  taskState,
  workSource,
} from './joint-review.enums';

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

export const TaskStateName = literals(
  taskState.values,
  '任务状态：waiting 待前序阶段、open 待认领、claimed 办理中、done 已完成、cancelled 已取消',
);
const OpinionKindName = literals(
  opinionKind.values,
  '意见：agree 同意、disagree 不同意、agree_with_conditions 附条件同意',
);
const OutcomeName = literals(decisionOutcome.values, '结论：approved 同意（转入决定环节）、denied 不予许可');

const Department = Type.String({ pattern: DEPARTMENT_CODE, description: '部门编码，如 620321-SCJG' });
const Id = (description: string) => Type.String({ pattern: UUID, description });
const Version = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: '读取时的版本（乐观并发）' });
const Texts = (minItems: number, description: string) =>
  Type.Array(SafeText(1, 500, '一条', true), { minItems, maxItems: 20, description });

export const ReviewParams = Type.Object({ id: Id('联审标识') }, { additionalProperties: false });
export const CaseParams = Type.Object({ caseId: Id('办件标识') }, { additionalProperties: false });
export const TaskParams = Type.Object({ id: Id('任务标识') }, { additionalProperties: false });

export const MyTasksQuery = Type.Object(
  {
    state: Type.Optional(TaskStateName),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MyTasksQuery = Static<typeof MyTasksQuery>;

export const DepartmentTasksQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    department: Type.Optional(Department),
    state: Type.Optional(TaskStateName),
    dueBy: Type.Optional(DateString('只看在此日期及以前到期的')),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DepartmentTasksQuery = Static<typeof DepartmentTasksQuery>;

export const ReviewsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    department: Type.Optional(Department),
    state: Type.Optional(
      literals(
        reviewState.values,
        '联审状态：open 审查中、awaiting_conclusion 待出具结论、concluded 已出结论、cancelled 已取消',
      ),
    ),
    caseNumber: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', description: '只看该办件编号的联审（精确匹配）' }),
    ),
    projectId: Type.Optional(Id('只看该项目中办件的联审')),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ReviewsQuery = Static<typeof ReviewsQuery>;

export const ClaimBody = Type.Object({ expectedVersion: Version }, { additionalProperties: false });

export const AssignBody = Type.Object(
  {
    expectedVersion: Version,
    assignee: Type.String({ pattern: USERNAME, description: '办理人：本部门在岗工作人员的用户名' }),
    note: Type.Optional(SafeText(0, 500, '说明（可不填）', true)),
  },
  { additionalProperties: false },
);
export type AssignBody = Static<typeof AssignBody>;

/** The lead's writes name the review's version, not the task's. */
const ReviewVersion = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: '联审的版本（读取时的 version）',
});
const Budget = Type.Integer({
  minimum: 1,
  maximum: 60,
  description: '办理时限（工作日，1至60）；须在办件承诺办结日前',
});

export const ReopenBody = Type.Object(
  {
    expectedVersion: ReviewVersion,
    reason: SafeText(1, 500, '请该部门重新审查的事项', true),
    budgetWorkingDays: Budget,
  },
  { additionalProperties: false },
);
export type ReopenBody = Static<typeof ReopenBody>;

export const AddParticipantBody = Type.Object(
  {
    expectedVersion: ReviewVersion,
    department: Department,
    stage: Type.Integer({ minimum: 1, maximum: 10, description: '阶段：当前阶段或之后的阶段' }),
    budgetWorkingDays: Budget,
    required: Type.Optional(Type.Boolean({ description: '必须出具意见（默认是）；否则为征求意见' })),
    reason: SafeText(1, 500, '增加该部门的原因（该部门可见）', true),
  },
  { additionalProperties: false },
);
export type AddParticipantBody = Static<typeof AddParticipantBody>;

export const AttachmentIds = Type.Array(Id('附件标识（POST /attachments 的返回）'), {
  maxItems: 20,
  uniqueItems: true,
  description: '附件：本人上传且尚未使用的附件标识，最多20个',
});

export const OpinionBody = Type.Object(
  {
    expectedVersion: Version,
    kind: OpinionKindName,
    text: SafeText(1, 2000, '审查意见', true),
    reasons: Type.Optional(Texts(0, '理由（不同意时至少一条）')),
    conditions: Type.Optional(Texts(0, '条件（附条件同意时至少一条）')),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type OpinionBody = Static<typeof OpinionBody>;

export const ConclusionBody = Type.Object(
  {
    expectedVersion: Version,
    outcome: OutcomeName,
    reasons: Type.Optional(Texts(0, '理由（不予许可时至少一条）')),
    conditions: Type.Optional(Texts(0, '带入决定的条件')),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type ConclusionBody = Static<typeof ConclusionBody>;

export const Attachment = Type.Object({
  id: Type.String({ description: '附件标识（下载：/reviews/{id}/files/{fileId}）' }),
  fileName: Type.String(),
  contentType: Type.String({
    description: '按内容识别的类型：application/pdf、application/ofd、image/jpeg、image/png',
  }),
  size: Type.Integer({ description: '字节数' }),
  sha256: Type.String({ description: 'SHA-256（小写十六进制）' }),
  uploadedBy: Type.String({ description: '上传人（工作人员用户名或部门系统）' }),
  uploadedAt: Type.Optional(Timestamp),
});
export type Attachment = Static<typeof Attachment>;
export const AttachmentAnswer = Type.Object({ attachment: Attachment });
export const Attachments = Type.Array(Attachment, { description: '附件' });

const Opinion = Type.Object({
  kind: OpinionKindName,
  text: Type.String(),
  reasons: Type.Array(Type.String()),
  conditions: Type.Array(Type.String()),
  attachments: Attachments,
  givenBy: Type.String({ description: '提交人（工作人员用户名或部门系统）' }),
  handlerName: Type.Optional(Type.String({ description: '部门系统报告的经办人姓名' })),
  givenAt: Type.Optional(Timestamp),
  source: literals(workSource.values, '来源：workbench 工作台、department_system 部门系统、meeting 联审会议'),
  meetingId: Type.Optional(Type.String({ description: '该意见来自的联审会议（来源为 meeting 时）' })),
});

export const Task = Type.Object({
  id: Type.String(),
  kind: literals(
    taskKind.values,
    '任务类型：co_review 联审意见、delegated_decision 代受理件决定、escalation_decision 上报件决定',
  ),
  tenant: Type.String(),
  department: Type.String(),
  reviewId: Type.String({ description: '所属联审' }),
  caseId: Type.String(),
  caseNumber: Type.String(),
  itemName: Type.String(),
  stage: Type.Integer({ description: '阶段（1起）' }),
  required: Type.Boolean({ description: '必须出具意见' }),
  state: TaskStateName,
  assignee: Type.Optional(Type.String({ description: '办理人（工作人员用户名）' })),
  assignmentBasis: Type.Optional(
    literals(assignmentBasis.values, '分派依据：window_lead 部门窗口负责人、assigned 指派、claimed 认领'),
  ),
  budgetWorkingDays: Type.Integer({ description: '办理时限（工作日）' }),
  dueDate: Type.Optional(Type.String({ description: '到期日（YYYY-MM-DD）' })),
  opinion: Type.Optional(Opinion),
  openedAt: Type.Optional(Timestamp),
  claimedAt: Type.Optional(Timestamp),
  closedAt: Type.Optional(Timestamp),
  note: Type.Optional(
    Type.String({ description: '最近一次说明：重新审查的事项、增加该部门的原因、转派说明或取消原因' }),
  ),
  version: Type.Integer(),
});
export type Task = Static<typeof Task>;

const Conclusion = Type.Object({
  outcome: OutcomeName,
  reasons: Type.Array(Type.String()),
  conditions: Type.Array(Type.String()),
  attachments: Attachments,
  concludedBy: Type.String(),
  concludedAt: Type.Optional(Timestamp),
  reportedAt: Type.Optional(Type.String({ format: 'date-time', description: '办件系统接收结论的时间；未接收时没有' })),
});

export const JointReview = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  itemId: Type.String({ description: '办件所用的事项版本（其申请表见 /catalogue/published/{id}）' }),
  itemName: Type.String(),
  leadDepartment: Type.String({ description: '牵头部门' }),
  leadWindowId: Type.String({ description: '牵头窗口' }),
  state: literals(
    reviewState.values,
    '联审状态：open 审查中、awaiting_conclusion 待牵头部门出具结论、concluded 已出结论、cancelled 已取消',
  ),
  currentStage: Type.Integer(),
  casePromisedDueDate: Type.String({ description: '办件承诺办结日' }),
  tasks: Type.Array(Task),
  conclusion: Type.Optional(Conclusion),
  cancelledReason: Type.Optional(Type.String()),
  meetingIds: Type.Array(Type.String(), { description: '审议过该联办件的联审会议，先召开的在前' }),
  openedAt: Type.Optional(Timestamp),
  updatedAt: Type.Optional(Timestamp),
  version: Type.Integer(),
});
export type JointReview = Static<typeof JointReview>;

export const ReviewAnswer = Type.Object({ review: JointReview });
export const TaskAnswer = Type.Object({ task: Task });
export const OpinionAnswer = Type.Object({ task: Task, review: JointReview });
export const ParticipantAnswer = Type.Object({ review: JointReview, task: Task });
export const TaskPage = pageOf('tasks', Task);
export const ReviewPage = pageOf('reviews', JointReview);
