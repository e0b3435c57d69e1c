import type { Violation as FieldViolation } from '@govhall/errors';
import { SANCTIONS } from '../../accountability/accountability';
import { VIOLATION_KINDS } from '../../violations/violation';
import { isMeasureKey, MEASURES } from './measures';
import { MIN_EXCELLENT_QUOTA_PERCENT, type Indicator, type StandardDraft } from './scoring-standard';

export const MAX_INDICATORS = 30;
const CODE = /^[A-Z][A-Z0-9_]{0,31}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_NAME = 40;

const finite = (n: number): boolean => typeof n === 'number' && Number.isFinite(n);
const problem = (path: string, reason: string, message: string): FieldViolation => ({ path, reason, message });

function indicatorProblems(i: Indicator, at: string): FieldViolation[] {
  const p: FieldViolation[] = [];
  if (!CODE.test(i.code))
    p.push(problem(`${at}.code`, 'PATTERN', '指标代码应为大写字母开头的字母、数字或下划线（最多32位）'));
  if (!i.name.trim()) p.push(problem(`${at}.name`, 'REQUIRED', '请填写指标名称'));
  else if (i.name.length > MAX_NAME) p.push(problem(`${at}.name`, 'TOO_LONG', `指标名称不能超过${MAX_NAME}个字`));
  if (!isMeasureKey(i.measure)) {
    p.push(problem(`${at}.measure`, 'ENUM', '指标读取的考核数据不存在，请从列表中选择'));
    return p;
  }
  if (i.direction !== 'higher_better' && i.direction !== 'lower_better')
    p.push(problem(`${at}.direction`, 'ENUM', '请选择指标方向（越高越好或越低越好）'));
  const percent = MEASURES[i.measure].unit === 'percent';
  if (!finite(i.target) || i.target < 0 || (percent && i.target > 100))
    p.push(problem(`${at}.target`, 'RANGE', percent ? '目标值应为0至100之间的百分比' : '目标值不能为负数'));
  if (!finite(i.fullMarks) || i.fullMarks <= 0 || i.fullMarks > 100)
    p.push(problem(`${at}.fullMarks`, 'RANGE', '指标分值应大于0且不超过100'));
  if (i.loss !== 'linear' && i.loss !== 'per_item')
    p.push(problem(`${at}.loss`, 'ENUM', '请选择扣分方式（按差距扣分或按件扣分）'));
  else if (i.loss === 'per_item' && MEASURES[i.measure].unit !== 'count')
    p.push(problem(`${at}.loss`, 'MISMATCH', '按件扣分只适用于次数类指标（如红牌次数）'));
  if (!finite(i.pointsPerUnit) || i.pointsPerUnit <= 0 || i.pointsPerUnit > 100)
    p.push(problem(`${at}.pointsPerUnit`, 'RANGE', '每单位扣分应大于0且不超过100'));
  if (!finite(i.floor) || i.floor < 0 || (finite(i.fullMarks) && i.floor > i.fullMarks))
    p.push(problem(`${at}.floor`, 'RANGE', '最低得分应在0至指标分值之间'));
  return p;
}

function deductionProblems(d: StandardDraft): FieldViolation[] {
  const p: FieldViolation[] = [];
  d.violationDeductions.forEach((v, n) => {
    if (!VIOLATION_KINDS.includes(v.kind)) p.push(problem(`violationDeductions.${n}.kind`, 'ENUM', '违规类型不存在'));
    else if (d.violationDeductions.findIndex((o) => o.kind === v.kind) !== n)
      p.push(problem(`violationDeductions.${n}.kind`, 'DUPLICATE', '同一违规类型只能设置一次扣分'));
    if (!finite(v.points) || v.points < 0 || v.points > 100)
      p.push(problem(`violationDeductions.${n}.points`, 'RANGE', '每次违规扣分应在0至100之间'));
  });
  d.sanctionDeductions.forEach((s, n) => {
    if (!SANCTIONS.includes(s.sanction))
      p.push(problem(`sanctionDeductions.${n}.sanction`, 'ENUM', '处理方式不在七种责任追究方式之内'));
    else if (d.sanctionDeductions.findIndex((o) => o.sanction === s.sanction) !== n)
      p.push(problem(`sanctionDeductions.${n}.sanction`, 'DUPLICATE', '同一处理方式只能设置一次扣分'));
    if (!finite(s.points) || s.points < 0 || s.points > 100)
      p.push(problem(`sanctionDeductions.${n}.points`, 'RANGE', '每次责任追究扣分应在0至100之间'));
  });
  return p;
}

function bandProblems(d: StandardDraft): FieldViolation[] {
  const p: FieldViolation[] = [];
  const { excellent, good, pass } = d.bands;
  for (const [key, value] of Object.entries({ excellent, good, pass }))
    if (!finite(value) || value <= 0 || value > 100)
      p.push(problem(`bands.${key}`, 'RANGE', '等次分数线应大于0且不超过100'));
  if (p.length) return p;
  if (good >= excellent) p.push(problem('bands.good', 'ORDER', '良好分数线应低于优秀分数线'));
  if (pass >= good) p.push(problem('bands.pass', 'ORDER', '合格分数线应低于良好分数线'));
  return p;
}

/** Every problem of a draft standard, each at its field (paths as the proto's fields), in Chinese; [] when sound. */
export function standardProblems(d: StandardDraft): FieldViolation[] {
  const p: FieldViolation[] = [];
  if (!DATE.test(d.effectiveFrom) || Number.isNaN(Date.parse(`${d.effectiveFrom}T00:00:00Z`)))
    p.push(problem('effectiveFrom', 'PATTERN', '生效日期应为YYYY-MM-DD格式的有效日期'));
  if (d.indicators.length === 0) p.push(problem('indicators', 'REQUIRED', '请至少设置一项考核指标'));
  if (d.indicators.length > MAX_INDICATORS)
    p.push(problem('indicators', 'TOO_MANY', `考核指标不能超过${MAX_INDICATORS}项`));
  d.indicators.forEach((i, n) => {
    p.push(...indicatorProblems(i, `indicators.${n}`));
    if (CODE.test(i.code) && d.indicators.findIndex((o) => o.code === i.code) !== n)
      p.push(problem(`indicators.${n}.code`, 'DUPLICATE', `指标代码${i.code}重复`));
  });
  const weights = d.indicators.reduce((sum, i) => sum + (finite(i.fullMarks) ? i.fullMarks : 0), 0);
  if (d.indicators.length && Math.abs(weights - 100) > 1e-9)
    p.push(problem('indicators', 'WEIGHTS', `各指标分值之和应为100分，现为${Math.round(weights * 100) / 100}分`));
  p.push(...deductionProblems(d), ...bandProblems(d));
  const q = d.excellentQuotaPercent;
  if (!finite(q) || q < MIN_EXCELLENT_QUOTA_PERCENT || q > 100)
    p.push(
      problem(
        'excellentQuotaPercent',
        'RANGE',
        `优秀比例应在${MIN_EXCELLENT_QUOTA_PERCENT}%至100%之间（不低于窗口人员总数的20%）`,
      ),
    );
  return p;
}
