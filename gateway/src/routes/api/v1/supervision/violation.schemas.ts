import { Type, type Static } from '@sinclair/typebox';
import { DateString, PageQuery, RegionCode, SafeText, Timestamp, UUID, pageOf } from '../../../../lib/common.schemas';
import {
  accountabilityState,
  accountabilityTarget,
  sanction,
  violationKind,
  violationState,
} from './supervision.enums';
import { Department, MATTER_ID, Tenant, USERNAME, WindowId } from './supervision.schemas';

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

export const ViolationKindName = literals(
  violationKind.values,
  '违规类别：decision_past_limit 超期办结、step_past_budget 环节超时、notice_late 一次性告知超时、' +
    'refusal_without_reasons 不予受理/不予许可未说明理由、approval_without_licence_check 未核实证照即审批、' +
    'outside_system 体外循环、hosted_item_without_cases 明进暗不进、payment_marked_by_staff 工作人员确认缴费、' +
    'rectification_late 差评整改超期、inspection_finding 日检查发现、fee_outside_center 中心外收费、' +
    'slip_unconfirmed 缴费回执未到账、complaint_late 投诉办理超时、complaint_justified 有效投诉',
);
export const ViolationStateName = literals(
  violationState.values,
  '违规状态：open 待处理、proposed 已提处理意见、decided 已决定、dismissed 不构成违规',
);
export const SanctionName = literals(
  sanction.values,
  '处理方式：criticism_and_education 批评教育、admonitory_talk 诫勉谈话、written_self_examination 书面检查、' +
    'disqualified_from_commendation 取消评先资格、circulated_criticism 通报批评、yellow_card_warning 黄牌警告、' +
    'suggest_reassignment 建议调整窗口人员',
);
export const AccountabilityStateName = literals(
  accountabilityState.values,
  '责任追究状态：proposed 已提处理意见、decided 已决定、dismissed 决定不予处理',
);
export const AccountabilityTargetName = literals(accountabilityTarget.values, '追究对象：person 个人、window 窗口');

const RecordId = (description: string) => Type.String({ pattern: UUID, description });
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: '读取时的版本（乐观并发）' });
const RequestId = Type.String({ pattern: UUID, description: '幂等键：重试时用同一个值，得到第一次的结果' });
const IncludeSubordinates = Type.Boolean({ description: '同时包括下级租户；从不包括同级' });

export const IdParams = Type.Object({ id: RecordId('记录标识') }, { additionalProperties: false });
export const PhotoParams = Type.Object({ fileId: RecordId('照片文件标识') }, { additionalProperties: false });

export const ViolationsQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    includeSubordinates: Type.Optional(IncludeSubordinates),
    kind: Type.Optional(ViolationKindName),
    state: Type.Optional(ViolationStateName),
    matterId: Type.Optional(Type.String({ pattern: MATTER_ID, description: '只看此事项（办件）的违规' })),
    department: Type.Optional(Department),
    windowId: Type.Optional(WindowId),
    person: Type.Optional(Type.String({ pattern: USERNAME, description: '责任人（工作人员用户名）' })),
    fromDate: Type.Optional(DateString('发生日期起（含）')),
    toDate: Type.Optional(DateString('发生日期止（含）')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const DismissBody = Type.Object(
  { reason: SafeText(2, 500, '不构成违规的理由', true), version: Version },
  { additionalProperties: false },
);

const ChecklistEntry = Type.Object(
  {
    code: Type.String({
      pattern: '^[a-z][a-z0-9_.]{0,63}$',
      description: '检查项代码，如 uniform、badge、on_post、eight_prohibitions.smoking',
    }),
    label: SafeText(1, 100, '检查项名称，如“着装规范”'),
    passed: Type.Boolean({ description: '是否合格；不合格的检查项会记为违规' }),
    note: Type.Optional(SafeText(0, 500, '说明（不合格时写明情况）', true)),
  },
  { additionalProperties: false },
);

export const InspectionBody = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    windowId: WindowId,
    date: DateString('检查日期（YYYY-MM-DD，不能晚于今天）'),
    checklist: Type.Array(ChecklistEntry, { minItems: 1, maxItems: 50, description: '检查清单' }),
    photoFileIds: Type.Optional(
      Type.Array(RecordId('已上传照片的文件标识'), { maxItems: 20, description: '现场照片（先上传）' }),
    ),
    person: Type.Optional(Type.String({ pattern: USERNAME, description: '不合格项涉及的工作人员（用户名）' })),
    requestId: RequestId,
  },
  { additionalProperties: false },
);
export type InspectionBody = Static<typeof InspectionBody>;

export const InspectionsQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    windowId: Type.Optional(WindowId),
    fromDate: Type.Optional(DateString('检查日期起（含）')),
    toDate: Type.Optional(DateString('检查日期止（含）')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const PhotoUploadQuery = Type.Object({ tenant: Type.Optional(Tenant) }, { additionalProperties: false });

export const ProposeBody = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    violationIds: Type.Array(RecordId('违规记录标识'), { minItems: 1, maxItems: 50, uniqueItems: true }),
    targetKind: AccountabilityTargetName,
    targetId: Type.String({
      minLength: 3,
      maxLength: 40,
      pattern: '^(?:[a-z][a-z0-9-]{2,39}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$',
      description: '追究对象：工作人员用户名（person）或窗口标识（window）',
    }),
    proposedSanctions: Type.Array(SanctionName, { minItems: 1, maxItems: 7, uniqueItems: true }),
    proposal: SafeText(2, 2000, '处理意见', true),
    requestId: RequestId,
  },
  { additionalProperties: false },
);
export type ProposeBody = Static<typeof ProposeBody>;

export const DecideBody = Type.Object(
  {
    sanctions: Type.Optional(
      Type.Array(SanctionName, { maxItems: 7, uniqueItems: true, description: '决定的处理方式' }),
    ),
    decision: SafeText(2, 2000, '决定内容', true),
    dismiss: Type.Optional(Type.Boolean({ description: 'true：决定不予处理（此时不填 sanctions）' })),
    version: Version,
  },
  { additionalProperties: false },
);

export const AccountabilitiesQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    includeSubordinates: Type.Optional(IncludeSubordinates),
    state: Type.Optional(AccountabilityStateName),
    targetId: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z0-9-]{3,40}$', description: '追究对象' })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '处理计入的年度' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const EvidenceView = Type.Object({
  label: Type.String({ description: '证据名称，如“承诺办结日期”' }),
  value: Type.String(),
  eventId: Type.Optional(Type.String({ description: '事实来源的事件' })),
  fileId: Type.Optional(Type.String({ description: '证据文件（检查照片）' })),
});

export const ViolationView = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  kind: ViolationKindName,
  state: ViolationStateName,
  matterId: Type.Optional(Type.String()),
  caseNumber: Type.Optional(Type.String()),
  itemName: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  windowId: Type.Optional(Type.String()),
  person: Type.Optional(Type.String()),
  occurredDate: Type.String(),
  recordedAt: Type.Optional(Timestamp),
  summary: Type.String({ description: '一句话说明违规情况（中文）' }),
  evidence: Type.Array(EvidenceView),
  recordedBy: Type.String({ description: 'automatic（自动发现）或记录人的用户名' }),
  inspectionId: Type.Optional(Type.String()),
  accountabilityId: Type.Optional(Type.String()),
  dismissedReason: Type.Optional(Type.String()),
  version: Type.Integer(),
});
export type ViolationView = Static<typeof ViolationView>;

export const InspectionView = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  windowId: Type.String(),
  date: Type.String(),
  inspector: Type.String(),
  checklist: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      passed: Type.Boolean(),
      note: Type.Optional(Type.String()),
    }),
  ),
  photoFileIds: Type.Array(Type.String()),
  person: Type.Optional(Type.String()),
  violationIds: Type.Array(Type.String()),
  recordedAt: Type.Optional(Timestamp),
});

export const AccountabilityView = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  violationIds: Type.Array(Type.String()),
  targetKind: AccountabilityTargetName,
  targetId: Type.String(),
  state: AccountabilityStateName,
  proposedSanctions: Type.Array(SanctionName),
  proposal: Type.String(),
  proposedBy: Type.String(),
  proposedAt: Type.Optional(Timestamp),
  sanctions: Type.Array(SanctionName),
  decision: Type.Optional(Type.String()),
  decidedBy: Type.Optional(Type.String()),
  decidedAt: Type.Optional(Timestamp),
  year: Type.Integer(),
  version: Type.Integer(),
});

export const ViolationAnswer = Type.Object({ violation: ViolationView });
export const ViolationPage = pageOf('violations', ViolationView);
export const InspectionAnswer = Type.Object({ inspection: InspectionView, violations: Type.Array(ViolationView) });
export const InspectionPage = pageOf('inspections', InspectionView);
export const PhotoAnswer = Type.Object({ fileId: Type.String({ description: '照片文件标识（记录检查时引用）' }) });
export const AccountabilityAnswer = Type.Object({ accountability: AccountabilityView });
export const AccountabilityPage = pageOf('accountabilities', AccountabilityView);
