import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { RegionCode, Timestamp } from '../../../../../lib/common.schemas';
import { sanction, violationKind } from '../supervision.enums';
import { Tenant } from '../supervision.schemas';
import { assessmentGrade, indicatorDirection, indicatorLoss, scoredLevel } from './scoring.enums';

/** Shapes only: the supervision service checks the standard's rules (weights, bands, KPI keys) and the scope. */
const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T>[], { description });
/** The KPI keys an indicator may read (supervision's domain/evaluation/scoring/measures.ts). */
export const MEASURES = [
  'onTimeRate',
  'earlyRate',
  'averageWorkingDays',
  'averageVsPromised',
  'compressionRatio',
  'immediateShare',
  'onlineShare',
  'averageVisits',
  'satisfactionRate',
  'rectificationRate',
  'complaintReplyTimeliness',
  'warnings',
  'yellowCards',
  'redCards',
  'badRatings',
  'complaints',
] as const;
export type Measure = (typeof MEASURES)[number];
const Points = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });

const Indicator = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,31}$', description: '指标代码，如 ON_TIME' }),
    name: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S', description: '指标名称，如 按时办结率' }),
    measure: literals(MEASURES, '读取的考核数据（比率或次数）'),
    direction: literals(indicatorDirection.values, 'higher_better 越高越好；lower_better 越低越好'),
    target: Type.Number({ minimum: 0, description: '目标值；比率以百分数表示（100 即 100%）' }),
    fullMarks: Points('指标分值（各指标之和为100）'),
    loss: literals(indicatorLoss.values, 'linear 按差距扣分；per_item 按件扣分（次数类）'),
    pointsPerUnit: Points('每单位（百分点、天、次）扣分'),
    floor: Points('最低得分'),
  },
  { additionalProperties: false },
);

const standardFields = {
  effectiveFrom: Type.String({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
    description: '生效日期 YYYY-MM-DD：考核期间首日适用的版本',
  }),
  indicators: Type.Array(Indicator, { minItems: 1, maxItems: 30 }),
  violationDeductions: Type.Array(
    Type.Object(
      { kind: literals(violationKind.values, '违规类型'), points: Points('每次扣分') },
      { additionalProperties: false },
    ),
    { maxItems: 20 },
  ),
  sanctionDeductions: Type.Array(
    Type.Object(
      { sanction: literals(sanction.values, '责任追究方式'), points: Points('每次扣分') },
      { additionalProperties: false },
    ),
    { maxItems: 20 },
  ),
  bands: Type.Object(
    { excellent: Points('优秀分数线'), good: Points('良好分数线'), pass: Points('合格分数线') },
    { additionalProperties: false },
  ),
  excellentQuotaPercent: Type.Number({ minimum: 20, maximum: 100, description: '年度优秀比例（%），不低于20' }),
};

export const StandardBody = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    version: Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: '读取时的最新版本（乐观并发）' }),
    ...standardFields,
  },
  { additionalProperties: false },
);
export type StandardBody = Static<typeof StandardBody>;

export const StandardView = Type.Object({
  tenant: Type.String(),
  version: Type.Integer({ description: '0：默认标准' }),
  ...standardFields,
  updatedBy: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Timestamp),
});

export const StandardQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    version: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: '版本；0 或不填：最新' })),
  },
  { additionalProperties: false },
);
export const StandardAnswer = Type.Object({
  standard: StandardView,
  latestVersion: Type.Integer({ description: '最新保存的版本（修改时带上）' }),
});
export const SavedStandardAnswer = Type.Object({ standard: StandardView });

export const VersionsAnswer = Type.Object({
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      effectiveFrom: Type.String(),
      updatedBy: Type.String(),
      updatedAt: Type.Optional(Timestamp),
    }),
  ),
});

const Period = Type.String({
  pattern: '^2\\d{3}(-Q[1-4]|-(0[1-9]|1[0-2]))?$',
  description: '考核期间：季度 2026-Q4、月 2026-12 或年度 2026',
});
export const ScoresQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    level: literals(scoredLevel.values, '考核对象：tenant 中心、department 部门、window 窗口、person 个人'),
    period: Period,
  },
  { additionalProperties: false },
);

const Grade = literals(assessmentGrade.values, 'excellent 优秀、good 良好、pass 合格、fail 不合格');

export const ScoresAnswer = Type.Object({
  standardVersion: Type.Integer(),
  scores: Type.Array(
    Type.Object({
      level: Type.String(),
      subjectId: Type.String(),
      period: Type.String(),
      indicators: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          fullMarks: Type.Number(),
          points: Type.Number(),
          value: Type.Optional(Type.Number({ description: '读取的数值（比率以百分数表示）；无数据时不返回' })),
          line: Type.String({ description: '说明，如 按时办结率 96.0%，目标 100%，扣 2 分' }),
        }),
      ),
      deductions: Type.Array(
        Type.Object({
          cause: Type.String({ description: 'violation 违规 或 sanction 责任追究' }),
          code: Type.String(),
          count: Type.Integer(),
          points: Type.Number(),
          line: Type.String(),
        }),
      ),
      indicatorPoints: Type.Number(),
      deductionPoints: Type.Number(),
      total: Type.Number(),
      grade: Grade,
      barredFromExcellent: Type.Boolean(),
    }),
  ),
});

export const AnnualQuery = Type.Object(
  { tenant: Type.Optional(Tenant), year: Type.Integer({ minimum: 2000, maximum: 2100, description: '考核年度' }) },
  { additionalProperties: false },
);

export const AnnualAnswer = Type.Object({
  year: Type.Integer(),
  standardVersion: Type.Integer(),
  total: Type.Integer({ description: '参加考核的窗口A岗人员数' }),
  quotaPercent: Type.Number(),
  quotaRequired: Type.Integer({ description: '至少应评优秀人数 = ceil(比例 × 人数)' }),
  excellent: Type.Integer(),
  shortfall: Type.Integer({ description: '符合条件人员不足而未能评足的优秀名额' }),
  grades: Type.Array(
    Type.Object({
      personId: Type.String(),
      department: Type.String(),
      score: Type.Number(),
      rank: Type.Integer(),
      bandGrade: Grade,
      grade: Grade,
      excellentBasis: Type.String({ description: 'band 按分数线；quota 按优秀比例；空：非优秀' }),
      outsideHomeUnitQuota: Type.Boolean({ description: '不占用原单位优秀等次指标' }),
      barredFromExcellent: Type.Boolean(),
      note: Type.String(),
    }),
  ),
  homeUnits: Type.Array(Type.Object({ department: Type.String(), excellent: Type.Integer() })),
});

export const AssessmentQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    period: Type.String({ pattern: '^2\\d{3}-Q[1-4]$', description: '季度，如 2026-Q4' }),
  },
  { additionalProperties: false },
);
