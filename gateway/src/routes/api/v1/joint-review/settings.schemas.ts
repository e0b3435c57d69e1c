import { Type, type Static } from '@sinclair/typebox';
import { DEPARTMENT_CODE } from '../identity/identity.schemas';
import { PageQuery, pageOf, RegionCode, Timestamp, UUID } from '../../../../lib/common.schemas';
import { leadRule } from './joint-review.enums';

/* Joint-review settings (J9 lead rule, budgets, J3 routes, J7 delegated budgets) and item flows (J13). */

const LeadRuleName = Type.Union(
  leadRule.values.map((v) => Type.Literal(v)),
  { description: '牵头方式：designated_per_item 按事项指定主办、first_receiving_window 首办负责（首接窗口牵头）' },
);
const Department = (description: string) => Type.String({ pattern: DEPARTMENT_CODE, description });
const Days = (min: number, max: number, description: string) =>
  Type.Integer({ minimum: min, maximum: max, description: `${description}（工作日，${min}至${max}）` });
const ExpectedVersion = (what: string) =>
  Type.Integer({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description: `读取时的${what}版本（从未设置时为0）`,
  });
const SeriesId = Type.String({ pattern: UUID, description: '事项系列标识（事项首版的标识）' });

export const SettingsParams = Type.Object(
  { tenant: RegionCode('租户（行政区划代码）') },
  { additionalProperties: false },
);
export const FlowParams = Type.Object(
  { tenant: RegionCode('租户（行政区划代码）'), itemSeriesId: SeriesId },
  { additionalProperties: false },
);
export const FlowsQuery = Type.Object(
  { tenant: Type.Optional(RegionCode('租户（行政区划代码）；不填为本人所在租户')), ...PageQuery },
  { additionalProperties: false },
);
export type FlowsQuery = Static<typeof FlowsQuery>;

const EscalationRoute = Type.Object(
  {
    department: Department('本地区上报的部门，如 620321-STHJ'),
    targetDepartment: Department('上级地区接收的部门，如 620300-SJHJ'),
  },
  { additionalProperties: false },
);

export const UpdateSettingsBody = Type.Object(
  {
    expectedVersion: ExpectedVersion('设置'),
    leadRule: LeadRuleName,
    defaultReviewWorkingDays: Days(1, 60, '未配置流程时协办部门的审查时限'),
    escalationForwardWorkingDays: Days(0, 60, '上报件本级转报时限；0为在办件承诺期限内报送'),
    escalationRoutes: Type.Array(EscalationRoute, {
      maxItems: 200,
      description: '上报路由：本地区部门的上报件送上级哪个部门；未设置的部门送上级同简称部门',
    }),
    delegatedTransferWorkingDays: Days(1, 10, '代受理件转办时限（协议未约定时）'),
    delegatedReplyWorkingDays: Days(1, 10, '代受理件回复时限（协议未约定时）'),
  },
  { additionalProperties: false },
);
export type UpdateSettingsBody = Static<typeof UpdateSettingsBody>;

export const Settings = Type.Object({
  tenant: Type.String(),
  leadRule: LeadRuleName,
  defaultReviewWorkingDays: Type.Integer(),
  escalationForwardWorkingDays: Type.Integer(),
  escalationRoutes: Type.Array(Type.Object({ department: Type.String(), targetDepartment: Type.String() })),
  delegatedTransferWorkingDays: Type.Integer(),
  delegatedReplyWorkingDays: Type.Integer(),
  version: Type.Integer({ description: '版本；0为从未设置（默认值）' }),
  updatedBy: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Timestamp),
});
export type Settings = Static<typeof Settings>;
export const SettingsAnswer = Type.Object({ settings: Settings });

const Participant = Type.Object(
  {
    department: Department('协办部门（须为事项的协办部门）'),
    stage: Type.Integer({ minimum: 1, maximum: 10, description: '环节（1至10）：同一环节并联，环节之间串联' }),
    budgetWorkingDays: Days(1, 60, '审查时限'),
    required: Type.Boolean({ description: 'true 必须出具意见；false 征求意见（不等待）' }),
    formFields: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 100,
        description: '本部门审查的表单字段（点分路径，如 fire.exits）；不填为整张表单',
      }),
    ),
    materialIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 100,
        description: '本部门审查的材料；不填为全部材料',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PutFlowBody = Type.Object(
  {
    expectedVersion: ExpectedVersion('流程'),
    leadDepartment: Type.Optional(Type.Union([Type.Literal(''), Department('指定的主办部门；不填为事项的实施部门')])),
    leadWindowId: Type.Optional(Type.String({ maxLength: 64, description: '指定的主办窗口；不填为受理窗口' })),
    participants: Type.Array(Participant, { minItems: 1, maxItems: 30, description: '协办部门及其环节、时限' }),
    meetingExpected: Type.Optional(Type.Boolean({ description: '重点项目：联审开始时提醒主办申请会议联审' })),
  },
  { additionalProperties: false },
);
export type PutFlowBody = Static<typeof PutFlowBody>;

export const Flow = Type.Object({
  tenant: Type.String(),
  itemSeriesId: Type.String(),
  itemName: Type.String(),
  leadDepartment: Type.String(),
  leadWindowId: Type.Optional(Type.String()),
  participants: Type.Array(
    Type.Object({
      department: Type.String(),
      stage: Type.Integer(),
      budgetWorkingDays: Type.Integer(),
      required: Type.Boolean(),
      formFields: Type.Array(Type.String()),
      materialIds: Type.Array(Type.String()),
    }),
  ),
  meetingExpected: Type.Boolean(),
  configured: Type.Boolean({ description: 'false：尚未配置，这是默认流程（全部协办部门并联、默认时限）' }),
  version: Type.Integer(),
  updatedBy: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Timestamp),
});
export type Flow = Static<typeof Flow>;
export const FlowAnswer = Type.Object({ flow: Flow });
export const FlowPage = pageOf('flows', Flow);
