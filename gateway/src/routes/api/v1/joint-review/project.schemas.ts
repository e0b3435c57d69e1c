import { Type, type Static } from '@sinclair/typebox';
import {
  hintedPattern,
  PageQuery,
  pageOf,
  RegionCode,
  SafeText,
  Timestamp,
  UUID,
} from '../../../../lib/common.schemas';
import { EnumOf } from '../catalogue/catalogue.schemas';
import { CaseStatus } from '../cases/case.schemas';
import { CreditCode, RecordId } from '../identity/identity.schemas';
import { projectAuthorisation, projectKind, projectState } from './joint-review.enums';

/* Projects (重大项目, J20, ProjectService): the center's and the 代办员's writes, staff reads, the investor's and the
 * public progress. Shapes and bounds only; the joint-review service checks the rest (project.ts). */

/** 项目代码 of the provincial investment-project platform (the service's PROJECT_CODE). */
const PROJECT_CODE_HINT = '项目代码应为“年份-行政区划代码-行业代码-类型代码-顺序号”，如 2026-620321-44-01-000123';
const PROJECT_CODE = hintedPattern('^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$', PROJECT_CODE_HINT);
/**
 * A project's own code, which it may lack: the same shape or empty. One pattern rather than a union with '' — a
 * union's refusal read "格式不正确：…；取值应为 ；不符合任何一种允许的格式" at the field, the pattern's hint alone now.
 */
const OPTIONAL_PROJECT_CODE = hintedPattern(
  '^([0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6})?$',
  `${PROJECT_CODE_HINT}；没有的不填`,
);
/** A staff login name (identity's staff.ts USERNAME). */
const USERNAME = hintedPattern('^[a-z][a-z0-9-]{2,39}$', '用户名应为3至40位小写字母、数字或连字符，以字母开头');

const KindName = EnumOf(
  projectKind,
  '项目类型：investment 投资项目（招商引资）、construction 建设项目、technical_renovation 技改项目、' +
    'real_estate 房地产项目、other 其他重大项目',
);
const AuthorisationName = EnumOf(projectAuthorisation, '项目审批方式：approval 核准、filing 备案、forwarding 转报');
const StateName = EnumOf(projectState, '项目状态：active 推进中、completed 已完成、closed 已关闭');
const ClosingState = EnumOf(
  { values: ['completed', 'closed'] as const },
  'completed 已完成（所关联办件均已办结）或 closed 关闭（须写原因）',
);
const Version = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: '项目的版本（读取时的 version）',
});
const Reason = (description: string) => SafeText(1, 500, description, true);
const ProjectCode = Type.String({ pattern: PROJECT_CODE, description: '项目代码（投资项目在线审批监管平台赋码）' });

export const ProjectParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '项目标识' }) },
  { additionalProperties: false },
);
export const ProjectCaseParams = Type.Object(
  {
    id: Type.String({ pattern: UUID, description: '项目标识' }),
    caseId: Type.String({ pattern: UUID, description: '办件标识' }),
  },
  { additionalProperties: false },
);

/** What a project says about itself: created by the center, replaced as a whole by the center or the 代办员. */
const content = {
  name: SafeText(1, 200, '项目名称（公开）'),
  projectCode: Type.Optional(Type.String({ pattern: OPTIONAL_PROJECT_CODE, description: '项目代码；没有的不填' })),
  kind: KindName,
  authorisation: AuthorisationName,
  classified: Type.Optional(Type.Boolean({ description: '涉密项目：不对外公开，不参与公开进度查询' })),
  publicProgress: Type.Optional(Type.Boolean({ description: '是否允许公众查询进度（涉密项目不公开）' })),
  description: Type.Optional(SafeText(0, 2000, '项目概况', true)),
  location: Type.Optional(SafeText(0, 200, '建设地点')),
  totalInvestmentFen: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 1e15, description: '总投资（分）；0 或不填为未填写' }),
  ),
};

export const CreateProjectBody = Type.Object(
  {
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_-]{8,64}$',
      description: '请求编号（8至64位字母、数字、_ 或 -）；同一编号重复提交得到同一项目',
    }),
    investorPersonId: RecordId('投资主体：已登记的法人或其他组织的标识'),
    ...content,
  },
  { additionalProperties: false },
);
export type CreateProjectBody = Static<typeof CreateProjectBody>;

export const UpdateProjectBody = Type.Object({ expectedVersion: Version, ...content }, { additionalProperties: false });
export type UpdateProjectBody = Static<typeof UpdateProjectBody>;

export const AssignAgentBody = Type.Object(
  {
    expectedVersion: Version,
    username: Type.String({ pattern: USERNAME, description: '代办员的用户名（本租户在职工作人员）' }),
  },
  { additionalProperties: false },
);
export const AttachCaseBody = Type.Object(
  { expectedVersion: Version, caseId: Type.String({ pattern: UUID, description: '投资主体在本租户的办件标识' }) },
  { additionalProperties: false },
);
export const DetachCaseBody = Type.Object(
  { expectedVersion: Version, reason: Reason('移出原因（如误关联）') },
  { additionalProperties: false },
);
export const CloseProjectBody = Type.Object(
  { expectedVersion: Version, state: ClosingState, reason: Type.Optional(Reason('关闭原因（关闭时必填）')) },
  { additionalProperties: false },
);

export const ProjectsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    state: Type.Optional(StateName),
    mine: Type.Optional(Type.Boolean({ description: 'true：只看本人担任代办员的项目' })),
    q: Type.Optional(SafeText(1, 50, '项目名称或项目代码包含的文字')),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProjectsQuery = Static<typeof ProjectsQuery>;

const OnBehalfOf = RecordId('经办人代法人查询时：法人或其他组织的标识；不填为本人');
export const MyProjectsQuery = Type.Object(
  { onBehalfOf: Type.Optional(OnBehalfOf), ...PageQuery },
  { additionalProperties: false },
);
export const ProgressQuery = Type.Object({ onBehalfOf: Type.Optional(OnBehalfOf) }, { additionalProperties: false });

export const PublicProgressBody = Type.Object(
  {
    projectCode: ProjectCode,
    investorCreditCode: CreditCode('投资主体的统一社会信用代码（在请求体中提交，不出现在网址和访问日志中）'),
    tenant: Type.Optional(RegionCode('查询的地区（行政区划代码）；不填为本平台各地区')),
  },
  { additionalProperties: false },
);

const Day = (description: string) => Type.Optional(Type.String({ description: `${description}（YYYY-MM-DD）` }));

const Agent = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  phone: Type.String({ description: '办公电话' }),
  assignedBy: Type.String(),
  assignedAt: Type.Optional(Timestamp),
});

const ProjectCase = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  itemName: Type.String(),
  department: Type.String(),
  status: CaseStatus,
  receivedDate: Day('收件日期'),
  dueDate: Day('承诺办结日期'),
  completedDate: Day('办结日期'),
  overdue: Type.Boolean({ description: '是否超期' }),
  reviewId: Type.Optional(Type.String({ description: '联办件的联审标识' })),
  attachedBy: Type.String(),
  attachedAt: Type.Optional(Timestamp),
});

export const Project = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  name: Type.String(),
  projectCode: Type.Optional(Type.String()),
  kind: KindName,
  authorisation: AuthorisationName,
  classified: Type.Boolean(),
  publicProgress: Type.Boolean(),
  investorPersonId: Type.String(),
  investorName: Type.String(),
  investorCreditCode: Type.String(),
  description: Type.String(),
  location: Type.String(),
  totalInvestmentFen: Type.Integer({ description: '总投资（分）；0 为未填写' }),
  agent: Type.Optional(Agent),
  cases: Type.Array(ProjectCase),
  state: StateName,
  closedReason: Type.Optional(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.Optional(Timestamp),
  updatedAt: Type.Optional(Timestamp),
  version: Type.Integer(),
});
export type Project = Static<typeof Project>;

export const ProjectProgress = Type.Object({
  projectId: Type.String(),
  name: Type.String(),
  projectCode: Type.Optional(Type.String()),
  state: StateName,
  agent: Type.Optional(Agent),
  casesTotal: Type.Integer(),
  casesCompleted: Type.Integer(),
  casesInProgress: Type.Integer(),
  casesOverdue: Type.Integer(),
  cases: Type.Array(ProjectCase),
  expectedCompletionDate: Day('在办办件中最晚的承诺办结日期'),
  updatedAt: Type.Optional(Timestamp),
});
export type ProjectProgress = Static<typeof ProjectProgress>;

export const PublicProjectProgress = Type.Object({
  projectCode: Type.String(),
  name: Type.String(),
  investorName: Type.String({ description: '投资主体名称（脱敏）' }),
  state: StateName,
  agentName: Type.Optional(Type.String({ description: '代办员姓名（脱敏）' })),
  agentPhone: Type.Optional(Type.String({ description: '代办员办公电话' })),
  cases: Type.Array(
    Type.Object({
      itemName: Type.String(),
      departmentName: Type.String(),
      status: CaseStatus,
      receivedDate: Day('收件日期'),
      dueDate: Day('承诺办结日期'),
      completedDate: Day('办结日期'),
    }),
  ),
  asOfDate: Type.String({ description: '进度计算日期（YYYY-MM-DD）' }),
});
export type PublicProjectProgress = Static<typeof PublicProjectProgress>;

export const ProjectAnswer = Type.Object({ project: Project });
export const ProjectPage = pageOf('projects', Project);
export const ProgressAnswer = Type.Object({ progress: ProjectProgress });
export const ProgressPage = pageOf('projects', ProjectProgress);
export const PublicProgressAnswer = Type.Object({ progress: PublicProjectProgress });
