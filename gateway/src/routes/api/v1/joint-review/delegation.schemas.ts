import { Type, type Static } from '@sinclair/typebox';
import { DEPARTMENT_CODE } from '../identity/identity.schemas';
import { DateString, PageQuery, pageOf, RegionCode, SafeText, Timestamp, UUID } from '../../../../lib/common.schemas';
import { agreementState, decisionOutcome, delegatedCaseState, legEnd, legKind, legState } from './joint-review.enums';

/* Delegated acceptance (代受理, DelegationService, J7/J8): agreements, delegated cases and their statistics. */

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

const AgreementStateName = literals(agreementState.values, '协议状态：active 有效、terminated 已终止');
const CaseStateName = literals(
  delegatedCaseState.values,
  '代受理件状态：at_center 待转办、at_department 部门办理中、replying 待回复、replied 已回复、cancelled 已撤销',
);
const Department = Type.String({ pattern: DEPARTMENT_CODE, description: '部门编码，如 620321-SCJG' });
const Id = (description: string) => Type.String({ pattern: UUID, description });
const Version = (what: string) =>
  Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: `${what}的版本（读取时的 version）` });
const Budget = (what: string) =>
  Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: `${what}（工作日，1至10；0或不填为默认）` }));
const Month = (description: string) => Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', description });

export const AgreementParams = Type.Object({ id: Id('协议标识') }, { additionalProperties: false });
export const DelegatedCaseParams = Type.Object({ id: Id('代受理件标识') }, { additionalProperties: false });

const content = {
  department: Department,
  agreementNumber: SafeText(1, 100, '协议编号'),
  items: Type.Array(
    Type.Object(
      { itemSeriesId: Type.String({ minLength: 1, maxLength: 64, description: '事项系列标识（事项首版的标识）' }) },
      { additionalProperties: false },
    ),
    { minItems: 1, maxItems: 200, description: '委托的事项（至少一个）' },
  ),
  windowIds: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      maxItems: 50,
      description: '为委托部门受理的综合窗口；不填为本地区所有为该部门受理的综合窗口',
    }),
  ),
  transferWorkingDays: Budget('转办时限'),
  replyWorkingDays: Budget('回复时限'),
  signedOn: DateString('签订日期'),
  validFrom: DateString('生效日期（不早于签订日期）'),
  validUntil: Type.Optional(DateString('截止日期；不填为终止前一直有效')),
};

export const CreateAgreementBody = Type.Object(
  {
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_-]{8,64}$',
      description: '请求编号（8至64位字母、数字、_ 或 -）；同一编号重复提交得到同一协议',
    }),
    ...content,
  },
  { additionalProperties: false },
);
export type CreateAgreementBody = Static<typeof CreateAgreementBody>;

export const UpdateAgreementBody = Type.Object(
  { expectedVersion: Version('协议'), ...content },
  { additionalProperties: false },
);
export type UpdateAgreementBody = Static<typeof UpdateAgreementBody>;

export const TerminateAgreementBody = Type.Object(
  {
    expectedVersion: Version('协议'),
    reason: SafeText(1, 500, '终止原因（如 转为进驻部门）', true),
    terminatedOn: Type.Optional(DateString('终止日期（今天或以后）；不填为今天')),
  },
  { additionalProperties: false },
);
export type TerminateAgreementBody = Static<typeof TerminateAgreementBody>;

export const AgreementsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    department: Type.Optional(Department),
    itemSeriesId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '只看委托了该事项的协议' })),
    state: Type.Optional(AgreementStateName),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AgreementsQuery = Static<typeof AgreementsQuery>;

export const Agreement = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  department: Type.String({ description: '委托部门' }),
  agreementNumber: Type.String(),
  items: Type.Array(
    Type.Object({ itemSeriesId: Type.String(), itemName: Type.String(), itemBasicCode: Type.String() }),
  ),
  windowIds: Type.Array(Type.String()),
  transferWorkingDays: Type.Integer(),
  replyWorkingDays: Type.Integer(),
  signedOn: Type.String(),
  validFrom: Type.String(),
  validUntil: Type.Optional(Type.String()),
  state: AgreementStateName,
  terminatedReason: Type.Optional(Type.String()),
  terminatedOn: Type.Optional(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.Optional(Timestamp),
  updatedAt: Type.Optional(Timestamp),
  version: Type.Integer(),
});
export type Agreement = Static<typeof Agreement>;
export const AgreementAnswer = Type.Object({ agreement: Agreement });
export const AgreementPage = pageOf('agreements', Agreement);

export const DelegatedCasesQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    department: Type.Optional(Department),
    windowId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '只看该综合窗口受理的' })),
    state: Type.Optional(CaseStateName),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DelegatedCasesQuery = Static<typeof DelegatedCasesQuery>;

export const DelegatedCaseByCaseQuery = Type.Object(
  { caseId: Type.String({ minLength: 1, maxLength: 64, description: '办件标识' }) },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  { expectedVersion: Version('代受理件'), preReviewOpinion: SafeText(1, 2000, '初审意见', true) },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

const Leg = Type.Object({
  id: Type.String(),
  kind: literals(legKind.values, '环节：delegated_transfer 转办、delegated_department 部门办理、delegated_reply 回复'),
  state: literals(legState.values, '环节状态'),
  end: Type.Optional(literals(legEnd.values, '结束方式：completed 完成、cancelled 撤销')),
  responsible: Type.Optional(Type.String()),
  budgetWorkingDays: Type.Integer(),
  startDate: Type.String(),
  dueDate: Type.String(),
  startedAt: Type.Optional(Timestamp),
  finishedAt: Type.Optional(Timestamp),
});

export const DelegatedCase = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  itemName: Type.String(),
  itemBasicCode: Type.String(),
  department: Type.String({ description: '委托部门' }),
  agreementId: Type.String(),
  windowId: Type.String({ description: '受理的综合窗口' }),
  state: CaseStateName,
  preReviewOpinion: Type.Optional(Type.String()),
  transferredBy: Type.Optional(Type.String()),
  transferredAt: Type.Optional(Timestamp),
  task: Type.Optional(
    Type.Object({
      id: Type.String(),
      state: Type.String(),
      assignee: Type.Optional(Type.String()),
      dueDate: Type.Optional(Type.String()),
      version: Type.Integer(),
    }),
  ),
  decision: Type.Optional(
    Type.Object({
      outcome: literals(decisionOutcome.values, '决定：approved 准予、denied 不予'),
      reasons: Type.Array(Type.String()),
      decidedBy: Type.String(),
      decidedAt: Type.Optional(Timestamp),
    }),
  ),
  repliedAt: Type.Optional(Timestamp),
  legs: Type.Array(Leg),
  cancelledReason: Type.Optional(Type.String()),
  acceptedAt: Type.Optional(Timestamp),
  updatedAt: Type.Optional(Timestamp),
  version: Type.Integer(),
});
export type DelegatedCase = Static<typeof DelegatedCase>;
export const DelegatedCaseAnswer = Type.Object({ delegatedCase: DelegatedCase });
export const DelegatedCasePage = pageOf('delegatedCases', DelegatedCase);

export const StatisticsQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')),
    fromMonth: Month('起始月份 YYYY-MM'),
    toMonth: Month('截止月份 YYYY-MM（最多24个月）'),
    department: Type.Optional(Department),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

const count = Type.Integer();
export const StatisticsAnswer = Type.Object({
  rows: Type.Array(
    Type.Object({
      department: Type.String(),
      month: Type.Optional(Type.String({ description: 'YYYY-MM；不填为该部门统计期间合计' })),
      accepted: count,
      transferred: count,
      decided: count,
      denied: count,
      replied: count,
      cancelled: count,
      transferOnTime: count,
      departmentOnTime: count,
      replyOnTime: count,
      averageTransferWorkingDays: Type.Number(),
      averageDepartmentWorkingDays: Type.Number(),
      averageReplyWorkingDays: Type.Number(),
    }),
  ),
});
