import type { AccessPolicy, Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import type { Case, CaseStatus } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import type { HandlingDeps } from '../handling.deps';
import { actorAs, loadForCaseAct } from '../handling.shared';

/**
 * Cases that are over and were received (A14: case materials are archived under the archival rules): delivered
 * results, refusals to accept, withdrawals, and cases voided at pre-review. A draft the applicant voided never
 * reached the center (no case number) and is not archived.
 */
export const ARCHIVABLE: readonly CaseStatus[] = ['delivered', 'not_accepted', 'withdrawn', 'voided'];
/** The case's window clerks, or a center admin of the tenant. */
export const ARCHIVE_ACTS: AccessPolicy = { roles: ['window_clerk', 'center_admin'] };

export interface ArchiveCaseCommand {
  id: string;
  expectedVersion: number;
}

/** 归档 → ARCHIVED (terminal). */
export function archiveCaseUseCase(deps: HandlingDeps) {
  return async (command: ArchiveCaseCommand, actor: Principal): Promise<Case> => {
    const c = await loadForCaseAct(deps, command, actor, () => ARCHIVE_ACTS);
    ensureStatus(c, ARCHIVABLE, '归档');
    if (c.status === 'voided' && !c.caseNumber) {
      throw new PreconditionError('NOT_RECEIVED', '申请人作废的草稿未提交到政务服务中心，无需归档');
    }
    const role =
      actor.roles.includes('window_clerk') && actor.department === c.department ? 'window_clerk' : 'center_admin';
    const { case: next, event } = transition(c, {
      action: '归档',
      transition: 'archived',
      to: 'archived',
      actor: actorAs(actor, role),
      at: deps.clock.now(),
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
