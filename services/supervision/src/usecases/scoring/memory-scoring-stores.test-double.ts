import { ConcurrencyError } from '@govhall/errors';
import {
  ratesOf,
  emptyCounts,
  type KpiCounts,
  type KpiFigures,
  type KpiPeriod,
  type KpiSubjectLevel,
} from '../../domain/evaluation/kpi';
import type { SubjectConduct } from '../../domain/evaluation/scoring/score-subject';
import type { ScoringStandard } from '../../domain/evaluation/scoring/scoring-standard';
import type { ScoringDeps, WindowStaffMember } from './scoring.ports';

/** In-memory scoring ports for unit tests: figures and conduct are seeded per level and period. */
export function inMemoryScoringDeps(now = '2026-12-04T02:00:00Z') {
  const saved = new Map<string, ScoringStandard[]>();
  const figures: KpiFigures[] = [];
  const conduct = new Map<string, Map<string, SubjectConduct>>();
  const staff = new Map<string, WindowStaffMember[]>();
  const key = (tenant: string, level: KpiSubjectLevel, period: KpiPeriod) => `${tenant}|${level}|${period.key}`;
  const deps: ScoringDeps = {
    standards: {
      versions: async (tenant) => (saved.get(tenant) ?? []).map((s) => structuredClone(s)),
      save: async (standard, expectedVersion) => {
        const list = saved.get(standard.tenant) ?? [];
        if ((list.at(-1)?.version ?? 0) !== expectedVersion)
          throw new ConcurrencyError('考核标准已被他人修改，请刷新后重试');
        const stored = { ...structuredClone(standard), version: expectedVersion + 1 };
        saved.set(standard.tenant, [...list, stored]);
        return structuredClone(stored);
      },
    },
    kpis: {
      figures: async (tenant, level, period) =>
        figures.filter((f) => f.subject.tenant === tenant && f.subject.level === level && f.period.key === period.key),
    },
    conduct: { conduct: async (tenant, level, period) => conduct.get(key(tenant, level, period)) ?? new Map() },
    windowStaff: { aPostStaff: async (tenant) => staff.get(tenant) ?? [] },
    /** The document as JSON: what a renderer was asked to show. */
    renderer: { render: async (a) => Buffer.from(JSON.stringify(a)) },
    names: {
      ofTenant: async (tenant) =>
        tenant === '620321' ? [{ tenant, kind: 'department', code: 'SCJG', name: '市场监督管理局', version: 1 }] : [],
    },
    clock: { now: () => new Date(now) },
  };
  return {
    deps,
    seedFigures(tenant: string, level: KpiSubjectLevel, id: string, period: KpiPeriod, counts: Partial<KpiCounts>) {
      const c = { ...emptyCounts(), ...counts };
      figures.push({ subject: { tenant, level, id }, period, counts: c, rates: ratesOf(c) });
    },
    seedConduct(tenant: string, level: KpiSubjectLevel, id: string, period: KpiPeriod, c: Partial<SubjectConduct>) {
      const m = conduct.get(key(tenant, level, period)) ?? new Map<string, SubjectConduct>();
      m.set(id, { violations: [], sanctions: [], ...c });
      conduct.set(key(tenant, level, period), m);
    },
    seedStaff(tenant: string, members: WindowStaffMember[]) {
      staff.set(tenant, members);
    },
  };
}
