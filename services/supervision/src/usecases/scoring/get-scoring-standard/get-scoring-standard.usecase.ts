import type { Principal } from '@govhall/auth';
import { NotFoundError, ValidationError } from '@govhall/errors';
import { defaultStandard, type ScoringStandard } from '../../../domain/evaluation/scoring/scoring-standard';
import { scoringTenant } from '../scoring.access';
import type { ScoringStandardStore } from '../scoring.ports';

export interface StandardView {
  standard: ScoringStandard;
  /** The latest saved version (0: none): what a change must name. */
  latestVersion: number;
}

/** One version of a tenant's standard, or its latest (the default, version 0, until it saves one). */
export function getScoringStandardUseCase(deps: { standards: ScoringStandardStore }) {
  return async (input: { tenant: string; version: number }, actor: Principal): Promise<StandardView> => {
    const tenant = scoringTenant(actor, input.tenant);
    if (!Number.isInteger(input.version) || input.version < 0)
      throw new ValidationError([{ path: 'version', reason: 'RANGE', message: '版本号应为0（最新）或正整数' }]);
    const versions = await deps.standards.versions(tenant);
    const latestVersion = versions.at(-1)?.version ?? 0;
    if (input.version === 0) return { standard: versions.at(-1) ?? defaultStandard(tenant), latestVersion };
    const found = versions.find((v) => v.version === input.version);
    if (!found) throw new NotFoundError('SCORING_STANDARD_NOT_FOUND', `考核标准第${input.version}版不存在`);
    return { standard: found, latestVersion };
  };
}
