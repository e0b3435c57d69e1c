import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, UUID, hintedPattern, pageOf } from '../../../../lib/common.schemas';
import { DEPARTMENT_CODE } from '../identity/identity.schemas';
import { clockState, matterKind, signalLevel } from './supervision.enums';

/** Shapes only: the supervision service checks scope (own tenant and below) and what exists. */

/**
 * A supervised matter: a case (its UUID), a 督办 order, or a joint review's leg ("<review id>:co_review:<n>",
 * ADR 0052).
 */
export const MATTER_ID = hintedPattern(
  // As the service checks it (supervision's clocks.access.ts MATTER_ID).
  '^[A-Za-z0-9_.:-]{1,128}$',
  '应为受监察事项的标识（字母、数字、-、_、.、:，最多128位）',
);
/** A staff login name (identity's staff.ts USERNAME). */
export const USERNAME = hintedPattern('^[a-z][a-z0-9-]{2,39}$', '用户名应为3至40位小写字母、数字或连字符，以字母开头');

const desc = (description: string) => ({ description });
export const SignalLevelName = Type.Union(
  signalLevel.values.map((v) => Type.Literal(v)),
  desc('信号等级：none 无、warning 预警、yellow 黄牌、red 红牌'),
);
export const Tenant = RegionCode('租户（行政区划代码）；不填：本人所在租户');
export const Department = Type.String({ pattern: DEPARTMENT_CODE, description: '部门编码，如 620321-SCJG' });
export const WindowId = Type.String({ pattern: UUID, description: '窗口标识' });
const IncludeSubordinates = Type.Boolean({ description: '同时包括下级（县区、乡镇）租户；从不包括同级' });

export const MatterParams = Type.Object(
  { matterId: Type.String({ pattern: MATTER_ID, description: '受监察事项（办件）标识' }) },
  { additionalProperties: false },
);

export const ClocksQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    includeSubordinates: Type.Optional(IncludeSubordinates),
    minSignal: Type.Optional(SignalLevelName),
    department: Type.Optional(Department),
    windowId: Type.Optional(WindowId),
    openOnly: Type.Optional(Type.Boolean({ description: 'true：只看未办结的事项' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const SignalsQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    includeSubordinates: Type.Optional(IncludeSubordinates),
    matterId: Type.Optional(Type.String({ pattern: MATTER_ID, description: '只看此事项的信号' })),
    activeOnly: Type.Optional(Type.Boolean({ description: 'true：只看未解除的信号；false 或不填：含历史' })),
    minLevel: Type.Optional(SignalLevelName),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RecordedEventsQuery = Type.Object(
  { aggregateId: Type.String({ pattern: MATTER_ID, description: '聚合（如办件）标识' }) },
  { additionalProperties: false },
);

export const TenantQuery = Type.Object({ tenant: Type.Optional(Tenant) }, { additionalProperties: false });

export const LiveQuery = Type.Object(
  { tenant: Type.Optional(Tenant), includeSubordinates: Type.Optional(IncludeSubordinates) },
  { additionalProperties: false },
);

const LimitClockView = Type.Object({
  limitWorkingDays: Type.Integer({ description: '时限（工作日）' }),
  extensionWorkingDays: Type.Integer({ description: '经批准延长的工作日' }),
  startDate: Type.Optional(Type.String({ description: '起算日（当日不计入）' })),
  dueDate: Type.Optional(Type.String({ description: '到期日（计时开始后才有）' })),
  elapsedWorkingDays: Type.Integer(),
  remainingWorkingDays: Type.Integer({ description: '剩余工作日；超期为负数' }),
  pausedWorkingDays: Type.Integer(),
  provisional: Type.Boolean({ description: '到期日落在尚未公布日历的年份（暂按周一至周五计算）' }),
  explanation: Type.Array(Type.String(), { description: '计时说明（中文）：依据的规则、跳过的节假日、周末和暂停' }),
});

const StepClockView = Type.Object({
  index: Type.Integer(),
  name: Type.String(),
  role: Type.String(),
  department: Type.String(),
  budgetWorkingDays: Type.Integer(),
  startedDate: Type.Optional(Type.String()),
  dueDate: Type.Optional(Type.String()),
  finishedDate: Type.Optional(Type.String({ description: '环节进行中时没有' })),
  elapsedWorkingDays: Type.Integer(),
  remainingWorkingDays: Type.Integer(),
  overdue: Type.Boolean(),
  handledBy: Type.Optional(Type.String()),
});

const ClockPauseView = Type.Object({
  kind: Type.String({
    description: 'suspension（特别程序）、applicant（等待申请人）或 sender（上报件等待下级中心补充材料）',
  }),
  procedure: Type.Optional(Type.String({ description: '特别程序名称（听证、检验……）' })),
  reason: Type.String(),
  startedDate: Type.String(),
  endedDate: Type.Optional(Type.String({ description: '暂停仍在持续时没有' })),
  workingDays: Type.Integer(),
});

export const MatterClockView = Type.Object({
  matterId: Type.String(),
  kind: Type.Union(matterKind.values.map((v) => Type.Literal(v))),
  tenant: Type.String(),
  caseNumber: Type.String(),
  itemName: Type.String(),
  itemBasicCode: Type.String(),
  department: Type.String(),
  windowId: Type.Optional(Type.String()),
  responsible: Type.Optional(Type.String({ description: '当前责任人（工作人员用户名）' })),
  responsibleRole: Type.Optional(Type.String()),
  applicantName: Type.String({ description: '申请人姓名（已遮蔽）' }),
  status: Type.String({ description: '办件状态，如 processing' }),
  state: Type.Union(
    clockState.values.map((v) => Type.Literal(v)),
    desc('计时状态'),
  ),
  receivedDate: Type.Optional(Type.String()),
  acceptedDate: Type.Optional(Type.String()),
  promised: Type.Optional(LimitClockView),
  statutory: Type.Optional(LimitClockView),
  steps: Type.Array(StepClockView),
  pauses: Type.Array(ClockPauseView),
  signal: SignalLevelName,
  imported: Type.Boolean({ description: '导入的历史办件：不计时、不发信号' }),
  noticeDueDate: Type.Optional(Type.String({ description: '一次性告知的最后期限' })),
  channel: Type.String(),
  lastEventId: Type.Optional(Type.String()),
  lastEventAt: Type.Optional(Timestamp),
  asOfDate: Type.String({ description: '计算所依据的日期' }),
  endedDate: Type.Optional(Type.String()),
  onTime: Type.Boolean(),
});
export type MatterClockView = Static<typeof MatterClockView>;

export const SignalView = Type.Object({
  id: Type.String(),
  matterId: Type.String(),
  tenant: Type.String(),
  level: SignalLevelName,
  rule: Type.String({ description: 'promised.warning、promised.exceeded、step.exceeded、statutory.exceeded' }),
  reason: Type.String({ description: '原因（中文），如“承诺时限剩余1个工作日”' }),
  raisedAt: Timestamp,
  clearedAt: Type.Optional(Timestamp),
  clearedReason: Type.Optional(Type.String()),
  caseNumber: Type.String(),
  itemName: Type.String(),
  department: Type.String(),
  windowId: Type.Optional(Type.String()),
  responsible: Type.Optional(Type.String()),
  notified: Type.Array(Type.String(), { description: '已通知的人：关系:用户名，如 responsible:clerk-a' }),
  stepIndex: Type.Optional(Type.Integer({ description: 'step.exceeded 信号的环节序号' })),
});
export type SignalView = Static<typeof SignalView>;

export const ClockAnswer = Type.Object({ clock: MatterClockView });
export const ClockPage = pageOf('clocks', MatterClockView);
export const SignalPage = pageOf('signals', SignalView);

export const RecordedEventsAnswer = Type.Object({
  events: Type.Array(
    Type.Object({
      eventId: Type.String(),
      type: Type.String(),
      tenant: Type.String(),
      aggregateId: Type.String(),
      aggregateVersion: Type.Integer(),
      occurredAt: Type.Optional(Timestamp),
      recordedAt: Type.Optional(Timestamp),
      topic: Type.String(),
    }),
  ),
});

const thresholdRules = {
  warningRemainingWorkingDays: Type.Integer({
    minimum: 0,
    maximum: 60,
    description: '承诺时限剩余不超过此工作日数时预警（默认1）',
  }),
  warningRemainingPercent: Type.Integer({
    minimum: 0,
    maximum: 100,
    description: '……或剩余不超过承诺时限的此百分比时预警（默认25）',
  }),
  yellowOnPromisedExceeded: Type.Boolean({ description: '超过承诺时限亮黄牌' }),
  yellowOnStepExceeded: Type.Boolean({ description: '环节超过预算时限亮黄牌' }),
  redOnStatutoryExceeded: Type.Boolean({ description: '超过法定时限亮红牌' }),
};

/** The rules as PUT /thresholds and the dry run take them: the tenant, the version read, the rule fields. */
export const ThresholdsBody = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    version: Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: '读取时的规则版本（乐观并发）' }),
    ...thresholdRules,
  },
  { additionalProperties: false },
);
export type ThresholdsBody = Static<typeof ThresholdsBody>;

export const ThresholdsView = Type.Object({
  tenant: Type.String(),
  version: Type.Integer(),
  ...thresholdRules,
  updatedBy: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Timestamp),
});
export const ThresholdsAnswer = Type.Object({ thresholds: ThresholdsView });

export const DryRunAnswer = Type.Object({
  changes: Type.Array(
    Type.Object({
      matterId: Type.String(),
      caseNumber: Type.String(),
      itemName: Type.String(),
      from: SignalLevelName,
      to: SignalLevelName,
    }),
    { description: '规则改变后信号会变化的未办结事项' },
  ),
  openMatters: Type.Integer({ description: '参与试算的未办结事项数' }),
});

/** GET /hall-today: the tenants of the big screen (as the live feed's). */
export const HallTodayQuery = LiveQuery;

const count = (description: string) => Type.Integer({ minimum: 0, description });
export const HallTodayAnswer = Type.Object({
  date: Type.String({ description: '今天（北京时间，按监察系统的时钟），YYYY-MM-DD' }),
  received: count('今日收件'),
  accepted: count('今日受理'),
  completed: count('今日办结'),
  completedOnTime: count('今日办结中在承诺时限内的'),
  open: count('在办件'),
  overdue: count('在办件中已超过承诺时限的'),
  openWarning: count('在办件中当前信号为预警的'),
  openYellow: count('在办件中当前信号为黄牌的'),
  openRed: count('在办件中当前信号为红牌的'),
  windows: Type.Array(
    Type.Object({
      windowId: Type.String({ description: '窗口标识' }),
      open: count('在办件'),
      worstSignal: SignalLevelName,
    }),
    { description: '有在办件的窗口，信号最重的在前' },
  ),
});
