import type { ItemContent, TimeLimit, TimeUnit } from '../item-content';
import type { HandlingCategory } from '../item';
import { filled, Violations } from './violations';

export const TIME_UNITS: Record<TimeUnit, string> = { working_day: '工作日', natural_day: '自然日' };

/** Longest limit accepted, in days (a few years: anything longer is a typing error). */
const MAX_DAYS = 1000;
const MIN_EXCEPTION_REASON = 10;

/** Largest promise that keeps the 30% compression: floor(70% of the statutory days), in integer arithmetic. */
export function maxPromisedDays(statutoryDays: number): number {
  return Math.floor((statutoryDays * 7) / 10);
}

/**
 * Compression of the promised limit against the statutory one (the supervision KPI: 1 - promised/statutory,
 * rounded to 4 places) and whether the promise exceeds 70% of the statutory limit (floored to whole days).
 * With no statutory limit there is nothing to compress: ratio 0, not exceeding (the missing limit is reported
 * on its own).
 */
export function promiseCompression(content: Pick<ItemContent, 'statutoryLimit' | 'promisedLimit'>): {
  ratio: number;
  exceeds70: boolean;
} {
  const statutory = content.statutoryLimit.days;
  const promised = content.promisedLimit.days;
  if (!(statutory > 0)) return { ratio: 0, exceeds70: false };
  return {
    ratio: Math.round((1 - promised / statutory) * 10000) / 10000,
    exceeds70: promised > maxPromisedDays(statutory),
  };
}

function checkLimitShape(path: string, limit: TimeLimit, label: string, v: Violations): void {
  v.integerIn(`${path}.days`, limit.days, `${label}天数`, 0, MAX_DAYS);
  v.oneOf(`${path}.unit`, limit.unit, `${label}单位`, TIME_UNITS);
}

export function checkTimingShape(content: ItemContent, v: Violations): void {
  checkLimitShape('content.statutoryLimit', content.statutoryLimit, '法定时限', v);
  checkLimitShape('content.promisedLimit', content.promisedLimit, '承诺时限', v);
  v.maxLength('content.promiseExceptionReason', content.promiseExceptionReason, '承诺时限例外理由', 500, true);
  v.integerIn('content.visits', content.visits, '到现场次数', 0, 2);
  v.maxEntries('content.specialProcedures', content.specialProcedures, '特别程序', 20);
  content.specialProcedures.forEach((p, i) => {
    const path = `content.specialProcedures.${i}`;
    v.maxLength(`${path}.name`, p.name, '特别程序名称', 100);
    checkLimitShape(`${path}.planned`, p.planned, '特别程序时限', v);
    v.maxLength(`${path}.legalBasis`, p.legalBasis, '特别程序依据', 500);
  });
}

/**
 * Reading of "immediate items promise same-day handling" (domain.md: decided on the spot or the same day):
 * an immediate item promises 0 working days (on the spot) or 1 (the same day; the day of receipt is not counted,
 * so 1 is the shortest promise that is not "on the spot"), and its workflow budgets fit in that (checked with the
 * workflow: sum ≤ promised ≤ 1). The 70% compression rule does not apply to it.
 */
export function checkTimingComplete(
  item: { handlingCategory: HandlingCategory; content: ItemContent },
  v: Violations,
): void {
  const { statutoryLimit: statutory, promisedLimit: promised } = item.content;
  const immediate = item.handlingCategory === 'immediate';
  if (statutory.days === 0) v.add('content.statutoryLimit.days', 'REQUIRED', '请填写法定时限（天数大于0）');
  if (immediate && promised.days > 1) {
    v.add(
      'content.promisedLimit.days',
      'IMMEDIATE_NOT_SAME_DAY',
      `即办件应当场或当日办结，承诺时限应为0或1个工作日，当前为${promised.days}`,
    );
  }
  if (!immediate && promised.days === 0) v.add('content.promisedLimit.days', 'REQUIRED', '请填写承诺时限（天数大于0）');
  const knownUnits = Object.hasOwn(TIME_UNITS, promised.unit) && Object.hasOwn(TIME_UNITS, statutory.unit);
  if (knownUnits && promised.unit !== statutory.unit) {
    v.add(
      'content.promisedLimit.unit',
      'UNIT_MISMATCH',
      `承诺时限与法定时限应使用同一单位（法定时限为${TIME_UNITS[statutory.unit]}）`,
    );
  }
  // a malformed number is reported by the shape check alone: nothing to compare then
  const comparable = [statutory.days, promised.days].every((d) => Number.isSafeInteger(d) && d >= 0);
  if (comparable && statutory.days > 0 && promised.days > statutory.days) {
    v.add(
      'content.promisedLimit.days',
      'EXCEEDS_STATUTORY',
      `承诺时限（${promised.days}天）不能超过法定时限（${statutory.days}天）`,
    );
  } else if (comparable && !immediate && promiseCompression(item.content).exceeds70) {
    checkPromiseException(item.content, v);
  }
  item.content.specialProcedures.forEach((p, i) => {
    const path = `content.specialProcedures.${i}`;
    if (!filled(p.name)) v.add(`${path}.name`, 'REQUIRED', '请填写特别程序名称（如听证、检验检测、专家评审）');
    if (p.planned.days === 0) v.add(`${path}.planned.days`, 'REQUIRED', '请填写特别程序的计划时长（天数大于0）');
  });
}

/** A promise above 70% of the statutory limit is allowed "in principle" only with a recorded reason. */
function checkPromiseException(content: ItemContent, v: Violations): void {
  const reason = content.promiseExceptionReason.trim();
  const max = maxPromisedDays(content.statutoryLimit.days);
  if (reason === '') {
    v.add(
      'content.promisedLimit.days',
      'PROMISE_OVER_70_PERCENT',
      `承诺时限原则上不超过法定时限的70%（最多${max}天），当前为${content.promisedLimit.days}天；` +
        `确需超过的，请填写不少于${MIN_EXCEPTION_REASON}个字的例外理由`,
    );
  } else if ([...reason].length < MIN_EXCEPTION_REASON) {
    v.add(
      'content.promiseExceptionReason',
      'TOO_SHORT',
      `承诺时限超过法定时限70%的例外理由应不少于${MIN_EXCEPTION_REASON}个字，以便审核和监察人员了解原因`,
    );
  }
}
