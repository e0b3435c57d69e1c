import type { Principal } from '@govhall/auth';
import { textViolations } from '@govhall/identifiers';
import type { Case } from '../../domain/case';
import { transition } from '../../domain/case-events';
import { WITHDRAWABLE, ensureStatus } from '../../domain/case-status';
import { APPLICANT_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { applicantActor } from '../declaration.shared';

/** 撤回: the applicant withdraws before the decision, with a reason → WITHDRAWN (published). */
export function withdrawCaseUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer' | 'clock'>) {
  return async (command: { id: string; expectedVersion: number; reason: string }, actor: Principal): Promise<Case> => {
    const c = await loadForAct(
      deps,
      command,
      actor,
      APPLICANT_ACTS,
      textViolations('reason', command.reason, { label: '撤回原因', min: 1, max: 500 }),
    );
    ensureStatus(c, WITHDRAWABLE, '撤回');
    const { case: next, event } = transition(c, {
      action: '申请人撤回申请',
      transition: 'withdrawn',
      to: 'withdrawn',
      actor: applicantActor(actor),
      at: deps.clock.now(),
      reason: command.reason.trim(),
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
