import type { Principal } from '@govhall/auth';
import type { Case } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { stepDueDate } from '../../domain/clocks/deadline';
import { finishStep, requireActiveStep } from '../../domain/handling';
import type { HandlingDeps } from '../handling.deps';
import { activeStepPolicy, actorAs, loadForCaseAct, textField, todayOf } from '../handling.shared';

export interface CompleteStepCommand {
  id: string;
  expectedVersion: number;
  opinion: string;
}

/**
 * Finishes the active review step with the handler's opinion (办理意见, required); the next step becomes active with
 * its due date by its budget in working days. The step's role, in the case's department, acts. A decision,
 * certificate or delivery step is finished by its own act (DecideCase, IssueResult, DeliverResult).
 */
export function completeStepUseCase(deps: HandlingDeps) {
  return async (command: CompleteStepCommand, actor: Principal): Promise<Case> => {
    const opinion = textField('opinion', command.opinion, '办理意见', 1, 1000);
    const c = await loadForCaseAct(deps, command, actor, activeStepPolicy, opinion.violations);
    ensureStatus(c, ['processing'], '办结环节');
    const step = requireActiveStep(c, ['review']);
    const calendar = await deps.calendars.forTenant(c.tenant);
    const at = deps.clock.now();
    const today = todayOf(deps);
    const { steps, finished } = finishStep(
      c.steps,
      step.index,
      { at, by: actor.username, opinion: opinion.value },
      (b) => stepDueDate(calendar, today, b),
    );
    const { case: next, event } = transition(c, {
      action: `办结环节：${step.name}`,
      transition: 'step_completed',
      actor: actorAs(actor, step.role),
      at,
      reason: opinion.value,
      detail: { step: finished },
      changes: { steps, responsible: '' },
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
