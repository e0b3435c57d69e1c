import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { displayNames } from '../../../domain/evaluation/display-names';
import { parsePeriodKey } from '../../../domain/evaluation/kpi-period';
import type { ScoringDeps } from '../scoring.ports';
import { scoreSubjectsUseCase } from '../score-subjects/score-subjects.usecase';

/** The departments' 季考核 of a quarter as a PDF, from the same scores ScoreSubjects answers. */
export function renderQuarterlyAssessmentUseCase(
  deps: Pick<ScoringDeps, 'standards' | 'kpis' | 'conduct' | 'clock' | 'renderer' | 'names'>,
) {
  const score = scoreSubjectsUseCase(deps);
  return async (input: { tenant: string; period: string }, actor: Principal) => {
    if (parsePeriodKey(input.period)?.kind !== 'quarter')
      throw new ValidationError([{ path: 'period', reason: 'PATTERN', message: '季考核的期间应为季度（如2026-Q4）' }]);
    const r = await score({ tenant: input.tenant, level: 'department', period: input.period }, actor);
    const tenant = r.scores[0]?.subject.tenant ?? (input.tenant || actor.tenant);
    const names = displayNames(await deps.names.ofTenant(tenant));
    const pdf = await deps.renderer.render({
      tenant,
      period: input.period,
      standardVersion: r.standardVersion,
      scores: r.scores,
      madeAt: deps.clock.now(),
      departmentNames: Object.fromEntries(r.scores.map((s) => [s.subject.id, names.department(s.subject.id)])),
    });
    return { pdf, fileName: `${tenant}-${input.period}-季考核.pdf`, standardVersion: r.standardVersion };
  };
}
