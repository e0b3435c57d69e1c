import { Type, type Static } from '@sinclair/typebox';
import { DEPARTMENT_CODE } from '../identity/identity.schemas';
import { applicantKind } from '../cases/cases.enums';
import { CASE_NUMBER } from '../cases/case.schemas';
import { PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import {
  decisionOutcome,
  escalationSide,
  escalationState,
  escalationUpdateKind,
  legKind,
  legState,
  workSource,
} from './joint-review.enums';
import { Task } from './joint-review.schemas';

/* Escalated cases (上报件, EscalationService): the lower center's follow-up and the parent center's handling. */

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

const StateName = literals(
  escalationState.values,
  '上报件状态：awaiting_forward 待报送、transferring 报送中、in_handling 上级办理中、returned 退回补充、decided 已决定、concluded 已办结、withdrawn 已撤回',
);
const UpdateKindName = literals(
  escalationUpdateKind.values,
  '上级进展：received 已接收、claimed 已签收、returned 退回补充、progress 办理进展、special_procedure_started 特别程序开始、special_procedure_ended 特别程序结束、decided 已决定',
);
const OutcomeName = literals(decisionOutcome.values, '决定：approved 准予许可、denied 不予许可');
/** The §45 procedures (行政许可法第四十五条). */
export const PROCEDURES = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'] as const;
const Department = (description: string) => Type.String({ pattern: DEPARTMENT_CODE, description });
const Version = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: '上报件记录的版本（读取时的 version）',
});
const Lines = (minItems: number, description: string) =>
  Type.Array(SafeText(1, 500, '一条', true), { minItems, maxItems: 20, description });

export const EscalationParams = Type.Object(
  { id: Type.String({ pattern: UUID, description: '上报件记录标识' }) },
  { additionalProperties: false },
);
export const EscalationCaseParams = Type.Object(
  { caseId: Type.String({ pattern: UUID, description: '办件标识（本级中心的办件）' }) },
  { additionalProperties: false },
);

export const ForwardBody = Type.Object(
  {
    expectedVersion: Version,
    targetDepartment: Type.Optional(
      Department('上级中心的办理部门；不填为本中心为该部门设置的上报路线，如 620300-SCJG'),
    ),
    note: Type.Optional(SafeText(0, 2000, '报送说明', true)),
  },
  { additionalProperties: false },
);
export type ForwardBody = Static<typeof ForwardBody>;

export const ResupplyBody = Type.Object(
  {
    expectedVersion: Version,
    note: SafeText(1, 2000, '补充说明：补充了什么、如何回应退回的理由', true),
    caseFileIds: Type.Optional(
      Type.Array(Type.String({ pattern: UUID, description: '办件材料中的文件标识' }), {
        maxItems: 50,
        uniqueItems: true,
        description: '随补充一并报送的办件材料文件（可重新报送已报送过的）',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ResupplyBody = Static<typeof ResupplyBody>;

export const FollowUpBody = Type.Object(
  {
    expectedVersion: Version,
    text: SafeText(1, 2000, '跟踪情况：做了什么、了解到什么', true),
    contact: Type.Optional(SafeText(0, 200, '联系的上级人员')),
  },
  { additionalProperties: false },
);
export type FollowUpBody = Static<typeof FollowUpBody>;

export const ReturnBody = Type.Object(
  { expectedVersion: Version, reasons: Lines(1, '退回补充的理由：缺少或有误的内容（至少一条）') },
  { additionalProperties: false },
);
export type ReturnBody = Static<typeof ReturnBody>;

export const StatusBody = Type.Object(
  {
    expectedVersion: Version,
    kind: literals(
      ['progress', 'special_procedure_started', 'special_procedure_ended'] as const,
      '报告类型：progress 办理进展、special_procedure_started 特别程序开始、special_procedure_ended 特别程序结束',
    ),
    text: SafeText(1, 2000, '报告内容', true),
    procedure: Type.Optional(
      literals(PROCEDURES, '特别程序（特别程序开始时必填）：听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审'),
    ),
    plannedWorkingDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 120, description: '特别程序的计划时长（工作日，特别程序开始时）' }),
    ),
  },
  { additionalProperties: false },
);
export type StatusBody = Static<typeof StatusBody>;

export const DecisionBody = Type.Object(
  {
    expectedVersion: Version,
    outcome: OutcomeName,
    reasons: Type.Optional(Lines(0, '理由（不予许可时至少一条）')),
    remedies: Type.Optional(Lines(0, '救济途径（不予许可未填时使用默认的复议、诉讼途径）')),
    documentNumber: Type.Optional(SafeText(0, 100, '决定文书编号')),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const FollowUpsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('本级租户（行政区划代码）；不填为本人所在租户')),
    department: Type.Optional(Department('报送部门（中心管理员和监察人员以外的工作人员须填本部门）')),
    state: Type.Optional(StateName),
    caseNumber: Type.Optional(Type.String({ pattern: CASE_NUMBER, description: '办件编号（精确）' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type FollowUpsQuery = Static<typeof FollowUpsQuery>;

export const ReceivedQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('上级租户（行政区划代码）；不填为本人所在租户')),
    department: Type.Optional(Department('办理部门（中心管理员和监察人员以外的工作人员须填本部门）')),
    state: Type.Optional(StateName),
    sourceTenant: Type.Optional(RegionCode('只看该下级租户报送的')),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ReceivedQuery = Static<typeof ReceivedQuery>;

const Decision = Type.Object({
  outcome: OutcomeName,
  reasons: Type.Array(Type.String()),
  remedies: Type.Array(Type.String()),
  documentNumber: Type.Optional(Type.String({ description: '决定文书编号' })),
  decidedBy: Type.String(),
  handlerName: Type.Optional(Type.String({ description: '部门系统报告的经办人姓名' })),
  decidedAt: Type.Optional(Timestamp),
  source: literals(workSource.values, '来源：workbench 工作台、department_system 部门系统、meeting 联审会议'),
});

/** The applicant's base data (J14), unmasked for those who handle or review the case. */
export const Applicant = Type.Object({
  kind: literals(applicantKind.values, '申请人类型'),
  name: Type.String(),
  idCode: Type.String({ description: '证件号码（办理、审查的部门据此办理，不打码）' }),
  legalRepresentative: Type.Optional(Type.String()),
  agentName: Type.Optional(Type.String()),
  mobile: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
});
export type Applicant = Static<typeof Applicant>;

const EscalatedCase = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  itemName: Type.String(),
  itemBasicCode: Type.String(),
  applicant: Type.Optional(Applicant),
  formData: Type.String({ description: '表单数据（JSON 文本）' }),
  materials: Type.Array(
    Type.Object({
      materialId: Type.String(),
      name: Type.String(),
      fileIds: Type.Array(Type.String(), { description: '该材料的文件（见 files）' }),
      licenceNumber: Type.Optional(Type.String({ description: '电子证照编号' })),
    }),
  ),
  acceptedAt: Type.Optional(Timestamp),
  promisedLimitWorkingDays: Type.Integer(),
  statutoryLimitWorkingDays: Type.Integer(),
  promisedDueDate: Type.String({ description: '承诺办结日期（YYYY-MM-DD，本级日历）' }),
  statutoryDueDate: Type.String(),
  sourceDepartment: Type.String(),
  sourceWindowId: Type.String(),
  sourceCenterName: Type.String({ description: '本级中心名称' }),
});

const Leg = Type.Object({
  id: Type.String(),
  kind: literals(legKind.values, '环节：escalation_forward 报送、escalation_handling 上级办理…'),
  department: Type.String(),
  responsible: Type.Optional(Type.String({ description: '责任人' })),
  budgetWorkingDays: Type.Integer(),
  startDate: Type.Optional(Type.String()),
  dueDate: Type.Optional(Type.String({ description: '环节到期日（YYYY-MM-DD）' })),
  state: literals(legState.values, '环节状态：running 计时中、paused 暂停、finished 已结束'),
  startedAt: Type.Optional(Timestamp),
  finishedAt: Type.Optional(Timestamp),
});

export const Escalation = Type.Object({
  id: Type.String(),
  side: literals(escalationSide.values, '记录方：sender 本级中心（跟踪）、receiver 上级中心（办理）'),
  tenant: Type.String(),
  sourceTenant: Type.String(),
  targetTenant: Type.String(),
  counterpartId: Type.Optional(Type.String({ description: '对方的记录标识（上级接收前为空）' })),
  department: Type.String({ description: '本记录所属部门：本级的报送部门或上级的办理部门' }),
  targetDepartment: Type.String(),
  state: StateName,
  case: EscalatedCase,
  files: Type.Array(
    Type.Object({
      id: Type.String(),
      materialId: Type.Optional(Type.String()),
      materialName: Type.String(),
      fileName: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
      transferred: Type.Boolean({ description: '上级已收到' }),
      round: Type.Integer({ description: '报送轮次（1 首次报送，2 起为补充）' }),
    }),
  ),
  round: Type.Integer(),
  legs: Type.Array(Leg),
  task: Type.Optional(Task),
  updates: Type.Array(
    Type.Object({
      sequence: Type.Integer(),
      kind: UpdateKindName,
      text: Type.String(),
      reasons: Type.Array(Type.String()),
      procedure: Type.Optional(Type.String()),
      plannedWorkingDays: Type.Optional(Type.Integer()),
      decision: Type.Optional(Decision),
      by: Type.String(),
      at: Type.Optional(Timestamp),
      mirroredAt: Type.Optional(Timestamp),
    }),
  ),
  decision: Type.Optional(Decision),
  followUps: Type.Array(
    Type.Object({
      text: Type.String(),
      contact: Type.Optional(Type.String()),
      by: Type.String(),
      at: Type.Optional(Timestamp),
    }),
  ),
  followUpBy: Type.Optional(Type.String({ description: '跟踪人' })),
  transferError: Type.Optional(Type.String({ description: '最近一次报送失败的原因（报送中时）' })),
  note: Type.Optional(Type.String({ description: '本级中心的报送（或补充）说明' })),
  forwardedBy: Type.Optional(Type.String()),
  forwardedAt: Type.Optional(Timestamp),
  receivedAt: Type.Optional(Timestamp),
  decidedAt: Type.Optional(Timestamp),
  concludedAt: Type.Optional(Timestamp),
  withdrawnReason: Type.Optional(Type.String()),
  createdAt: Type.Optional(Timestamp),
  updatedAt: Type.Optional(Timestamp),
  version: Type.Integer(),
});
export type Escalation = Static<typeof Escalation>;

export const EscalationAnswer = Type.Object({ escalation: Escalation });
export const EscalationPage = pageOf('escalations', Escalation);
