import type { paths } from '../../api/schema';
import type { Agreement, AgreementState, DelegationStatisticsRow, Window } from '../../api/types';

// 代受理协议 and 代受理量统计 (J7, J8) in the admin console.

export type { Agreement, AgreementState };
export type StatisticsRow = DelegationStatisticsRow;
export type CreateAgreementBody = NonNullable<
  paths['/api/v1/joint-review/delegation/agreements']['post']['requestBody']
>['content']['application/json'];

export const AGREEMENT_STATE: Readonly<Record<AgreementState, string>> = { active: '有效', terminated: '已终止' };
export const AGREEMENT_STATE_COLOR: Readonly<Record<AgreementState, string>> = {
  active: 'green',
  terminated: 'default',
};

/** The agreement form's values (dates as YYYY-MM-DD from date inputs; an empty budget is the service's default). */
export interface AgreementValues {
  department: string;
  agreementNumber: string;
  items: string[];
  windowIds?: string[];
  transferWorkingDays?: number | null;
  replyWorkingDays?: number | null;
  signedOn: string;
  validFrom: string;
  validUntil?: string;
}

/** The form's values as the create or update body (without requestId / expectedVersion). */
export function agreementContent(v: AgreementValues): Omit<CreateAgreementBody, 'requestId'> {
  const budget = (n: number | null | undefined) => (typeof n === 'number' && n > 0 ? n : undefined);
  const transfer = budget(v.transferWorkingDays);
  const reply = budget(v.replyWorkingDays);
  return {
    department: v.department,
    agreementNumber: (v.agreementNumber ?? '').trim(),
    items: (v.items ?? []).map((itemSeriesId) => ({ itemSeriesId })),
    ...(v.windowIds && v.windowIds.length > 0 ? { windowIds: v.windowIds } : {}),
    ...(transfer ? { transferWorkingDays: transfer } : {}),
    ...(reply ? { replyWorkingDays: reply } : {}),
    signedOn: v.signedOn ?? '',
    validFrom: v.validFrom ?? '',
    ...(v.validUntil ? { validUntil: v.validUntil } : {}),
  };
}

/** An agreement as the form's initial values. */
export function valuesOf(a: Agreement): AgreementValues {
  return {
    department: a.department,
    agreementNumber: a.agreementNumber,
    items: a.items.map((i) => i.itemSeriesId),
    windowIds: a.windowIds,
    transferWorkingDays: a.transferWorkingDays || null,
    replyWorkingDays: a.replyWorkingDays || null,
    signedOn: a.signedOn,
    validFrom: a.validFrom,
    ...(a.validUntil ? { validUntil: a.validUntil } : {}),
  };
}

/** A reported field of the form's lists (`items.0.itemSeriesId`, `windowIds.2`) shown at the list's own field. */
export const agreementField = (name: string): string => name.replace(/^(items|windowIds)\.\d+(\.itemSeriesId)?$/, '$1');

/** The comprehensive windows (综合窗口) that accept for `department`: those an agreement may name. */
export function comprehensiveWindowsFor(windows: readonly Window[], department: string): Window[] {
  return windows.filter((w) => w.kind === 'comprehensive' && w.servesDepartments.includes(department));
}

/** "2026-12" and the month `back` months before it, for the statistics' default period. */
export function monthRange(today: string, back: number): { fromMonth: string; toMonth: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { fromMonth: from, toMonth: today.slice(0, 7) };
}

/** The number of months from `fromMonth` to `toMonth` inclusive (0 when reversed). */
export function monthsIn(fromMonth: string, toMonth: string): number {
  const idx = (s: string) => {
    const [y, m] = s.split('-').map(Number) as [number, number];
    return y * 12 + m;
  };
  return Math.max(0, idx(toMonth) - idx(fromMonth) + 1);
}

/**
 * Accepted cases a month from which the statistics page points at J8 (a delegated department whose volume may
 * justify stationing it in the hall): a reading aid for the center, not a rule of the service.
 */
export const HIGH_VOLUME_PER_MONTH = 20;

export interface DepartmentVolume {
  department: string;
  total: StatisticsRow | undefined;
  months: StatisticsRow[];
  perMonth: number;
  high: boolean;
}

/**
 * The statistics' rows (per department and month, then the department's total without `month`) grouped by
 * department, the busiest first, with the average a month over the period and whether it is high.
 */
export function volumes(rows: readonly StatisticsRow[], months: number): DepartmentVolume[] {
  const by = new Map<string, DepartmentVolume>();
  for (const r of rows) {
    const v = by.get(r.department) ?? {
      department: r.department,
      total: undefined,
      months: [],
      perMonth: 0,
      high: false,
    };
    if (r.month) v.months.push(r);
    else v.total = r;
    by.set(r.department, v);
  }
  const out = [...by.values()].map((v) => {
    const accepted = v.total?.accepted ?? v.months.reduce((s, r) => s + r.accepted, 0);
    const perMonth = months > 0 ? Math.round((accepted / months) * 10) / 10 : 0;
    return { ...v, perMonth, high: perMonth >= HIGH_VOLUME_PER_MONTH };
  });
  return out.sort(
    (a, b) => (b.total?.accepted ?? 0) - (a.total?.accepted ?? 0) || a.department.localeCompare(b.department),
  );
}

/** "3/4（75%）": finished on time out of those finished; — when none. */
export function onTime(onTimeCount: number, finished: number): string {
  if (finished <= 0) return '—';
  return `${onTimeCount}/${finished}（${Math.round((onTimeCount / finished) * 100)}%）`;
}
