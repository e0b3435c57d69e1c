import type { Principal } from '@govhall/auth';
import { ValidationError, type Violation } from '@govhall/errors';
import type { KpiFigures, KpiPeriodKind, KpiSubjectLevel } from '../../../domain/evaluation/kpi';
import { periodRange } from '../../../domain/evaluation/kpi-period';
import { sumIntoPeriods, totalsPerPeriod } from '../../../domain/evaluation/kpi-roll-up';
import { checkId, covers, mayRead, readSelector } from '../../clocks.access';
import { checkedPeriodKeys, EVALUATION_READERS, throwIfAny } from '../evaluation.access';
import type { DirtyScope, KpiDayStore } from '../evaluation.ports';

export interface ListKpisQuery {
  /** Undefined: not given (refused). */
  level?: KpiSubjectLevel;
  tenant: string;
  subjectId: string;
  periodKind?: KpiPeriodKind;
  fromKey: string;
  toKey: string;
  includeSubordinates: boolean;
}

export interface KpiList {
  /** Per subject and period that has any fact. */
  figures: KpiFigures[];
  /** Per requested period: every row's counts added, rates derived again (the roll-up). */
  totals: KpiFigures[];
}

/**
 * KPIs of a level's subjects over one or more periods, summed from the day rows: a supervisor's (or center admin's)
 * own tenant, and with `includeSubordinates` the tenants below it, one row each (drill-down) and their totals
 * (roll-up); never a sibling. Recounts the marked days first, so the answer includes every change marked before.
 */
export function listKpisUseCase(deps: {
  days: Pick<KpiDayStore, 'query'>;
  refresh: (scope: DirtyScope) => Promise<unknown>;
}) {
  return async (q: ListKpisQuery, actor: Principal): Promise<KpiList> => {
    const selector = readSelector(actor, q, EVALUATION_READERS);
    const violations: Violation[] = [];
    if (!q.level)
      violations.push({ path: 'level', reason: 'REQUIRED', message: '请选择统计对象（地区、部门、窗口或人员）' });
    if (!q.periodKind)
      violations.push({ path: 'periodKind', reason: 'REQUIRED', message: '请选择统计周期（日、月、季度或年）' });
    if (q.level === 'tenant' && q.subjectId) {
      violations.push({ path: 'subjectId', reason: 'NOT_ALLOWED', message: '按地区统计时不能再指定统计对象' });
    } else {
      try {
        checkId(q.subjectId, 'subjectId', '统计对象标识', false);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        violations.push(...e.violations);
      }
    }
    if (!q.fromKey) violations.push({ path: 'fromKey', reason: 'REQUIRED', message: '请指定开始期间' });
    const keys = q.fromKey ? checkedPeriodKeys(q.periodKind, q.fromKey, q.toKey, violations) : [];
    throwIfAny(violations);
    const level = q.level!;
    const kind = q.periodKind!;

    const range = {
      firstDay: periodRange({ kind, key: keys[0]! })!.firstDay,
      lastDay: periodRange({ kind, key: keys[keys.length - 1]! })!.lastDay,
    };
    await deps.refresh({ ...selector, ...range });
    const rows = await deps.days.query({ ...selector, level, subjectId: q.subjectId, ...range });
    const visible = rows.filter(
      (r) => covers(selector, r.subject.tenant) && mayRead(actor, r.subject.tenant, EVALUATION_READERS),
    );
    const figures = sumIntoPeriods(visible, kind);
    const subject = { level, id: level === 'tenant' ? selector.tenant : q.subjectId, tenant: selector.tenant };
    return { figures, totals: totalsPerPeriod(figures, kind, keys, subject) };
  };
}
