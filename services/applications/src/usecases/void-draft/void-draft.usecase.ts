import type { Principal } from '@govhall/auth';
import { textViolations } from '@govhall/identifiers';
import type { Case } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { ensureStatus } from '../../domain/case-status';
import { APPLICANT_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { applicantActor } from '../declaration.shared';

/** Voids a draft (A17); never submitted, it publishes nothing. The reason is optional. */
export function voidDraftUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer' | 'clock'>) {
  return async (command: { id: string; expectedVersion: number; reason: string }, actor: Principal): Promise<Case> => {
    const c = await loadForAct(
      deps,
      command,
      actor,
      APPLICANT_ACTS,
      textViolations('reason', command.reason, { label: '作废原因', max: 500 }),
    );
    ensureStatus(c, ['draft'], '作废草稿');
    const { case: next } = transition(c, {
      action: '作废草稿',
      to: 'voided',
      actor: applicantActor(actor),
      at: deps.clock.now(),
      reason: command.reason.trim(),
    });
    return deps.cases.save(next, c.version, [], actor);
  };
}
