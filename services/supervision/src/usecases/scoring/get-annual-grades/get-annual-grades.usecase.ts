import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { gradeAnnually, type AnnualGrades } from '../../../domain/evaluation/scoring/annual-grades';
import { scoreSubject } from '../../../domain/evaluation/scoring/score-subject';
import { scoringTenant } from '../scoring.access';
import { noActivity, standardForPeriod } from '../scoring-inputs';
import type { ScoringDeps } from '../scoring.ports';

export interface TenantAnnualGrades extends AnnualGrades {
  year: number;
  standardVersion: number;
}

/**
 * The annual grades of a tenant's window A-post staff (S24/S25): each scored over the year under the standard in
 * effect on 1 January, ranked, with at least the standard's 优秀 share (ADR 0042).
 */
export function getAnnualGradesUseCase(deps: Omit<ScoringDeps, 'clock'>) {
  return async (input: { tenant: string; year: number }, actor: Principal): Promise<TenantAnnualGrades> => {
    const tenant = scoringTenant(actor, input.tenant);
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
      throw new ValidationError([{ path: 'year', reason: 'RANGE', message: '考核年度应为2000至2100之间的年份' }]);
    const period = { kind: 'year' as const, key: String(input.year) };
    const [standard, staff, figures, conduct] = await Promise.all([
      standardForPeriod(deps.standards, tenant, { firstDay: `${input.year}-01-01`, lastDay: `${input.year}-12-31` }),
      deps.windowStaff.aPostStaff(tenant),
      deps.kpis.figures(tenant, 'person', period),
      deps.conduct.conduct(tenant, 'person', period),
    ]);
    const byId = new Map(figures.map((f) => [f.subject.id, f]));
    const candidates = staff.map((s) => {
      const score = scoreSubject(
        standard,
        byId.get(s.personId) ?? noActivity(tenant, 'person', s.personId, period),
        conduct.get(s.personId) ?? { violations: [], sanctions: [] },
      );
      return {
        personId: s.personId,
        department: s.department,
        score: score.total,
        barredFromExcellent: score.barredFromExcellent,
      };
    });
    const grades = gradeAnnually(candidates, standard.bands, standard.excellentQuotaPercent);
    return { ...grades, year: input.year, standardVersion: standard.version };
  };
}
