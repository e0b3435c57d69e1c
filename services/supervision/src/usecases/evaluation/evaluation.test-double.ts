import { chinaToday } from '@govhall/calendar';
import type { KpiDayRow } from '../../domain/evaluation/kpi-facts';
import type { Violation } from '../../domain/violations/violation';
import { applyCaseEventsUseCase, single } from '../apply-case-event/apply-case-event.usecase';
import { inMemoryClockDeps } from '../clocks.test-double';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import type { ViolationStore } from '../violations/violation.ports';
import type { DisplayNameEntry } from '../../domain/evaluation/display-names';
import { MemoryInspectionStore } from '../inspections/memory-inspection-stores.test-double';
import type {
  BulletinRenderer,
  DailyCheckRenderer,
  DailyCheckSource,
  DirtyDays,
  DisplayNameStore,
  KpiDayStore,
  KpiFactsSource,
} from './evaluation.ports';
import { createEvaluationUseCases } from './evaluation.use-cases';
import { markingCaseEvents, markingSignalStore, markingViolationStore } from './kpi-marking';

const covers = (f: { tenant: string; includeSubordinates: boolean }, tenant: string) =>
  f.includeSubordinates ? tenant.startsWith(f.tenant.replace(/(00)+$/, '')) : tenant === f.tenant;

/**
 * The evaluation use cases over in-memory stores, fed by the real clock use cases (case events applied to
 * matters, the timer raising signals) through the same marking wrappers as the composition root.
 */
export function inMemoryEvaluation(start: string) {
  const clocks = inMemoryClockDeps(start);
  const marks = new Map<string, { tenant: string; day: string; seq: number }>();
  const dirty: DirtyDays = {
    mark: async (tenant, day) => {
      const key = `${tenant}|${day}`;
      marks.set(key, { tenant, day, seq: (marks.get(key)?.seq ?? 0) + 1 });
    },
    markAll: async (list) => {
      for (const { tenant, day } of list) await dirty.mark(tenant, day);
    },
    pending: async (limit, after, scope) =>
      [...marks.values()]
        .filter((m) => `${m.tenant}|${m.day}` > after)
        .filter((m) => !scope || (covers(scope, m.tenant) && m.day >= scope.firstDay && m.day <= scope.lastDay))
        .sort((a, b) => `${a.tenant}|${a.day}`.localeCompare(`${b.tenant}|${b.day}`))
        .slice(0, limit)
        .map((m) => ({ ...m })),
    done: async (m) => {
      if (marks.get(`${m.tenant}|${m.day}`)?.seq === m.seq) marks.delete(`${m.tenant}|${m.day}`);
    },
  };
  const dayRows = new Map<string, KpiDayRow>();
  const days: KpiDayStore = {
    replaceDay: async (tenant, day, rows) => {
      for (const [k, r] of dayRows) if (r.subject.tenant === tenant && r.day === day) dayRows.delete(k);
      for (const r of rows) dayRows.set(`${tenant}|${r.subject.level}|${r.subject.id}|${day}`, structuredClone(r));
    },
    query: async (f) =>
      [...dayRows.values()].filter(
        (r) =>
          covers(f, r.subject.tenant) &&
          r.subject.level === f.level &&
          (!f.subjectId || r.subject.id === f.subjectId) &&
          r.day >= f.firstDay &&
          r.day <= f.lastDay,
      ),
  };
  const violations = new Map<string, Violation>();
  const violationStore: ViolationStore = markingViolationStore(
    {
      recordNew: async (vs) => {
        const fresh = vs.filter((v) => !violations.has(v.id));
        for (const v of fresh) violations.set(v.id, v);
        return fresh;
      },
      get: async (id) => violations.get(id) ?? null,
      list: async () => [...violations.values()],
      save: async (v) => {
        violations.set(v.id, v);
        return v;
      },
    },
    dirty,
  );
  const facts: KpiFactsSource = {
    dayFacts: async (tenant, day) => {
      const stored = [...clocks.matters.values()].filter((s) => s.matter.tenant === tenant);
      return {
        tenant,
        day,
        accepted: stored.filter((s) => s.matter.acceptedDate === day).map((s) => ({ matter: s.matter })),
        ended: stored.filter((s) => s.matter.endedDate === day),
        signals: [...clocks.signals.values()]
          .filter((s) => s.tenant === tenant && chinaToday(s.raisedAt) === day)
          .map((s) => ({
            tenant,
            department: s.department,
            windowId: s.windowId,
            person: s.responsible,
            level: s.level,
          })),
        violations: [...violations.values()]
          .filter((v) => v.tenant === tenant && v.occurredDate === day && v.state !== 'dismissed')
          .map((v) => ({ tenant, department: v.department, windowId: v.windowId, person: v.person })),
      };
    },
  };
  const rendered: unknown[] = [];
  const renderer: BulletinRenderer = {
    render: async (b) => {
      rendered.push(b);
      return { pdf: Buffer.from('%PDF-test'), contentHash: 'hash' };
    },
  };
  const dailyRenderer: DailyCheckRenderer = {
    render: async (sheet) => {
      rendered.push(sheet);
      return { pdf: Buffer.from('%PDF-test'), contentHash: 'hash' };
    },
  };
  const daily: DailyCheckSource = {
    day: async (tenant, date) => ({
      violations: [...violations.values()]
        .filter((v) => v.tenant === tenant && v.occurredDate === date && v.state !== 'dismissed')
        .map((v) => ({ ...v })),
      moreViolations: 0,
      signals: [...clocks.signals.values()].filter((s) => s.tenant === tenant && chinaToday(s.raisedAt) === date),
    }),
  };
  const inspections = new MemoryInspectionStore();
  const displayNames = new Map<string, DisplayNameEntry>();
  const names: DisplayNameStore = {
    put: async (e) => {
      const key = `${e.kind}:${e.code}`;
      if ((displayNames.get(key)?.version ?? -1) < e.version) displayNames.set(key, { ...e });
    },
    ofTenant: async (tenant) => [...displayNames.values()].filter((e) => e.tenant === tenant),
  };
  const clockDeps = { ...clocks.deps, signals: markingSignalStore(clocks.deps.signals, dirty) };
  const evaluation = createEvaluationUseCases({
    dirty,
    days,
    facts,
    details: {
      details: async () => ({ cards: [], moreCards: 0, violations: [], moreViolations: 0 }),
    },
    renderer,
    inspections,
    daily,
    names,
    dailyRenderer,
    clock: clockDeps.clock,
  });
  return {
    ...clocks,
    evaluation,
    marks,
    dayRows,
    violations: violationStore,
    inspections,
    rendered,
    apply: single(markingCaseEvents(applyCaseEventsUseCase(clockDeps), dirty)),
    refreshClocks: refreshClocksUseCase(clockDeps),
  };
}
