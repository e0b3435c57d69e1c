import type { Principal } from '@govhall/auth';
import type { ScoringStandard } from '../../../domain/evaluation/scoring/scoring-standard';
import { scoringTenant } from '../scoring.access';
import type { ScoringStandardStore } from '../scoring.ports';

export type StandardVersionSummary = Pick<ScoringStandard, 'version' | 'effectiveFrom' | 'updatedBy' | 'updatedAt'>;

/** The saved versions of a tenant's standard, newest first, with the dates they take effect. */
export function listScoringStandardVersionsUseCase(deps: { standards: ScoringStandardStore }) {
  return async (tenant: string, actor: Principal): Promise<StandardVersionSummary[]> => {
    const versions = await deps.standards.versions(scoringTenant(actor, tenant));
    return versions
      .map(({ version, effectiveFrom, updatedBy, updatedAt }) => ({ version, effectiveFrom, updatedBy, updatedAt }))
      .reverse();
  };
}
