import type { Principal } from '@govhall/auth';
import type { KpiSubjectLevel } from '../../../domain/evaluation/kpi';
import { scoreSubject, type SubjectScore } from '../../../domain/evaluation/scoring/score-subject';
import { scoringTenant } from '../scoring.access';
import { checkedLevel, checkedPeriod, noActivity, standardForPeriod } from '../scoring-inputs';
import type { ScoringDeps } from '../scoring.ports';

export interface ScoreSubjectsInput {
  tenant: string;
  level: KpiSubjectLevel | undefined;
  /** 2026-Q4, 2026-12 or 2026. */
  period: string;
}

export interface SubjectScores {
  standardVersion: number;
  scores: SubjectScore[];
}

/**
 * Scores every subject of a level for a period (季考核 for a quarter) under the standard in effect on the period's
 * first day: those with KPI figures and those with only violations or sanctions; best first.
 */
export function scoreSubjectsUseCase(deps: Pick<ScoringDeps, 'standards' | 'kpis' | 'conduct'>) {
  return async (input: ScoreSubjectsInput, actor: Principal): Promise<SubjectScores> => {
    const tenant = scoringTenant(actor, input.tenant);
    const level = checkedLevel(input.level, 'level');
    const { period, range } = checkedPeriod(input.period, 'period');
    const [standard, figures, conduct] = await Promise.all([
      standardForPeriod(deps.standards, tenant, range),
      deps.kpis.figures(tenant, level, period),
      deps.conduct.conduct(tenant, level, period),
    ]);
    const byId = new Map(figures.map((f) => [f.subject.id, f]));
    for (const id of conduct.keys()) if (!byId.has(id)) byId.set(id, noActivity(tenant, level, id, period));
    const none = { violations: [], sanctions: [] };
    const scores = [...byId.values()]
      .map((f) => scoreSubject(standard, f, conduct.get(f.subject.id) ?? none))
      .sort((a, b) => b.total - a.total || a.subject.id.localeCompare(b.subject.id));
    return { standardVersion: standard.version, scores };
  };
}
