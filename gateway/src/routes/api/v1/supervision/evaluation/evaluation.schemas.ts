import { Type } from '@sinclair/typebox';
import { RegionCode, hintedPattern } from '../../../../../lib/common.schemas';
import { Tenant } from '../supervision.schemas';
import { kpiLevel, kpiPeriodKind } from './evaluation.enums';

/** Shapes only: the supervision service checks a key against its kind, the range, the month and the scope. */

const desc = (description: string) => ({ description });
const PERIOD_KEY = hintedPattern(
  '^2\\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-Q[1-4])?$',
  '期间应为 YYYY-MM-DD（日）、YYYY-MM（月）、YYYY-Q1…Q4（季度）或 YYYY（年）',
);
const MONTH = hintedPattern('^2\\d{3}-(0[1-9]|1[0-2])$', '月份应为 YYYY-MM');
const DATE = hintedPattern('^2\\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', '日期应为 YYYY-MM-DD');
const SUBJECT_ID = hintedPattern(
  '^[A-Za-z0-9_.-]{1,64}$',
  '统计对象应为部门编码、窗口标识或人员用户名（字母、数字、-、_、.，最多64位）',
);

export const LevelName = Type.Union(
  kpiLevel.values.map((v) => Type.Literal(v)),
  desc('统计对象：tenant 地区（服务中心）、department 部门、window 窗口、person 人员'),
);
export const PeriodKindName = Type.Union(
  kpiPeriodKind.values.map((v) => Type.Literal(v)),
  desc('统计周期：day 日、month 月、quarter 季度、year 年'),
);

export const KpisQuery = Type.Object(
  {
    level: LevelName,
    tenant: Type.Optional(Tenant),
    subjectId: Type.Optional(
      Type.String({ pattern: SUBJECT_ID, description: '一个部门、窗口或人员；不填：该层级全部' }),
    ),
    periodKind: PeriodKindName,
    fromKey: Type.String({ pattern: PERIOD_KEY, description: '开始期间，如 2026-07、2026-Q3' }),
    toKey: Type.Optional(Type.String({ pattern: PERIOD_KEY, description: '结束期间（含）；不填：与开始期间相同' })),
    includeSubordinates: Type.Optional(
      Type.Boolean({ description: '同时统计下级（县区）租户：每个租户一行（下钻）并合计（汇总）；从不包括同级' }),
    ),
  },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0 });
const Rate = Type.Optional(Type.Number({ description: '比率（0–1）；分母为0时不返回（无数据）' }));

const KpiCountsView = Type.Object({
  accepted: Type.Integer({ minimum: 0, description: '受理件数（按受理日期计）' }),
  completed: Type.Integer({ minimum: 0, description: '办结件数（按办结日期计）' }),
  onTime: Type.Integer({ minimum: 0, description: '按时办结件数' }),
  early: Type.Integer({ minimum: 0, description: '提前办结件数' }),
  workingDaysUsed: Count,
  promisedWorkingDays: Count,
  statutoryWorkingDays: Count,
  immediate: Count,
  online: Count,
  visits: Count,
  warnings: Type.Integer({ minimum: 0, description: '预警次数' }),
  yellowCards: Type.Integer({ minimum: 0, description: '黄牌次数' }),
  redCards: Type.Integer({ minimum: 0, description: '红牌次数' }),
  violations: Type.Integer({ minimum: 0, description: '违规起数（不含已撤销）' }),
  ratings: Count,
  satisfiedRatings: Count,
  badRatings: Count,
  badRatingsRectifiedOnTime: Count,
  complaints: Count,
  complaintsRepliedOnTime: Count,
});

const KpiRatesView = Type.Object({
  onTimeRate: Rate,
  earlyRate: Rate,
  averageWorkingDays: Rate,
  averageVsPromised: Rate,
  compressionRatio: Rate,
  immediateShare: Rate,
  onlineShare: Rate,
  averageVisits: Rate,
  satisfactionRate: Rate,
  rectificationRate: Rate,
  complaintReplyTimeliness: Rate,
});

export const KpiFiguresView = Type.Object({
  subject: Type.Object({
    level: LevelName,
    id: Type.String({ description: '地区代码、部门编码、窗口标识或人员用户名；合计行按层级汇总时为空' }),
    tenant: Type.String(),
  }),
  period: Type.Object({ kind: PeriodKindName, key: Type.String() }),
  counts: KpiCountsView,
  rates: KpiRatesView,
});

export const KpiList = Type.Object({
  figures: Type.Array(KpiFiguresView, desc('每个统计对象、每个期间一行（只列有数据的）')),
  totals: Type.Array(KpiFiguresView, desc('每个期间的合计（汇总），比率由合计数重新计算')),
});

export const MonthQuery = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    month: Type.String({ pattern: MONTH, description: '月份 YYYY-MM，不晚于本月' }),
  },
  { additionalProperties: false },
);

export const BulletinQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    month: Type.String({ pattern: MONTH, description: '月份 YYYY-MM，不晚于本月' }),
  },
  { additionalProperties: false },
);

export const DailyCheckParams = Type.Object(
  { date: Type.String({ pattern: DATE, description: '检查日期 YYYY-MM-DD（北京时间），不晚于今天' }) },
  { additionalProperties: false },
);

export const DailyCheckQuery = Type.Object({ tenant: Type.Optional(Tenant) }, { additionalProperties: false });

const PublicRow = Type.Object({
  id: Type.String({ description: '地区代码、部门编码或窗口标识' }),
  accepted: Count,
  completed: Count,
  onTime: Count,
  onTimeRate: Rate,
  ratings: Count,
  satisfactionRate: Rate,
});

export const PublicStatistics = Type.Object({
  tenant: Type.String(),
  month: Type.String(),
  total: PublicRow,
  departments: Type.Array(PublicRow),
  windows: Type.Array(PublicRow),
});
