import { Type, type Static } from '@sinclair/typebox';
import { dayKind } from './catalogue.enums';
import { DateString, RegionCode, SafeText } from '../../../../lib/common.schemas';
import { EnumOf } from './catalogue.schemas';

const Tenant = RegionCode('租户（行政区划代码）');

export const DayKind = EnumOf(
  dayKind,
  '日期类型：工作日 workday / 周末 weekend / 法定节假日 holiday / 调休上班 makeup_workday / ' +
    '本地放假 local_holiday / 本地上班 local_workday',
);

export const CalendarParams = Type.Object(
  { tenant: Tenant, year: Type.Integer({ minimum: 2000, maximum: 2100, description: '年份' }) },
  { additionalProperties: false },
);
export const TenantParams = Type.Object({ tenant: Tenant }, { additionalProperties: false });
export const OverrideParams = Type.Object(
  { tenant: Tenant, date: DateString('调整的日期 YYYY-MM-DD') },
  { additionalProperties: false },
);

export const OverrideBody = Type.Object(
  {
    working: Type.Boolean({ description: 'true 本地上班；false 本地放假' }),
    reason: SafeText(2, 50, '原因，作为当天的名称显示，如“三月三（壮族传统节日）”'),
  },
  { additionalProperties: false },
);

export const AddWorkingDaysQuery = Type.Object(
  {
    start: DateString('起算日 YYYY-MM-DD（受理之日不计入）'),
    days: Type.Integer({ minimum: 0, maximum: 2500, description: '工作日天数（0至2500）' }),
  },
  { additionalProperties: false },
);
export const CountWorkingDaysQuery = Type.Object(
  { from: DateString('起（不含）'), to: DateString('止（含）') },
  { additionalProperties: false },
);

const Provisional = {
  provisional: Type.Boolean({
    description:
      'true：跨入尚未公布放假安排的年份，该部分按周一至周五并扣除《全国年节及纪念日放假办法》规定的法定节假日计算（调休未知），公布后日期可能变化',
  }),
  unpublishedYears: Type.Array(Type.Integer(), { description: '尚未公布放假安排的年份' }),
};
export const AddWorkingDaysResult = Type.Object({
  date: Type.String({ description: '到期日 YYYY-MM-DD' }),
  ...Provisional,
});
export const CountWorkingDaysResult = Type.Object({ days: Type.Integer({ description: '工作日数' }), ...Provisional });

export const CalendarDay = Type.Object({
  date: Type.String(),
  working: Type.Boolean(),
  kind: DayKind,
  name: Type.Optional(Type.String({ description: '节日名称（春节、国庆节……）或本地调整的原因' })),
});

export const CalendarOverride = Type.Object({
  date: Type.String(),
  working: Type.Boolean(),
  reason: Type.String(),
});

export const CalendarYear = Type.Object({
  tenant: Type.String(),
  year: Type.Integer(),
  published: Type.Boolean({ description: '国务院办公厅是否已公布该年放假安排' }),
  specialDays: Type.Array(CalendarDay, { description: '节假日、调休上班日和本地调整，按日期排列' }),
  workingDays: Type.Integer({ description: '全年工作日数' }),
  overrides: Type.Array(CalendarOverride, { description: '本租户的本地调整' }),
  source: Type.Optional(Type.String({ description: '官方数据来源' })),
});
export type CalendarYear = Static<typeof CalendarYear>;
