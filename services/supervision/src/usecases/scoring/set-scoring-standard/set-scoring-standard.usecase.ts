import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import type { ScoringStandard, StandardDraft } from '../../../domain/evaluation/scoring/scoring-standard';
import { standardProblems } from '../../../domain/evaluation/scoring/standard-validation';
import { requireStandardWriter } from '../scoring.access';
import type { ScoringStandardStore } from '../scoring.ports';

export interface SetStandardInput extends StandardDraft {
  tenant: string;
  /** The latest version the admin read (0: the default): optimistic concurrency. */
  version: number;
}

/**
 * Saves a new version of a tenant's scoring standard (S27): its own center admin only, naming the version read
 * (CONCURRENT_MODIFICATION when someone saved first); every problem is refused at its field.
 */
export function setScoringStandardUseCase(deps: { standards: ScoringStandardStore; clock: { now(): Date } }) {
  return async (input: SetStandardInput, actor: Principal): Promise<ScoringStandard> => {
    const { tenant, version, ...draft } = input;
    const problems = standardProblems(draft);
    if (!/^\d{6}$/.test(tenant))
      problems.unshift({ path: 'tenant', reason: 'PATTERN', message: '地区代码应为6位数字' });
    if (!Number.isInteger(version) || version < 0)
      problems.push({ path: 'version', reason: 'RANGE', message: '版本号应为读取时的版本（0或正整数）' });
    if (problems.length) throw new ValidationError(problems);
    requireStandardWriter(actor, tenant);
    const standard: ScoringStandard = {
      ...draft,
      tenant,
      version,
      updatedBy: actor.username,
      updatedAt: deps.clock.now(),
    };
    return deps.standards.save(standard, version);
  };
}
