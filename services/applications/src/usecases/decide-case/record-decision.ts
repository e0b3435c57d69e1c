import type { Principal } from '@govhall/auth';
import type { Case, CaseStep, Decision, Outcome } from '../../domain/case';
import { transition, type CaseActor } from '../../domain/case-events';
import { stepDueDate } from '../../domain/clocks/deadline';
import { denialDecision, finishStep, skipPending } from '../../domain/handling';
import { throwIfInvalid } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import { pinnedEdition, plannedDelivery, todayOf } from '../handling.shared';

export interface DecisionAtStep {
  /** The case as it stands, with `step` (its decision step) active. */
  case: Case;
  step: CaseStep;
  outcome: Outcome;
  reasons: string[];
  remedies: string[];
  /** Who decided (the decision's and the step's `decidedBy`). */
  decidedBy: string;
  actor: CaseActor;
  /** The history's reason ('' = the decision's reasons). */
  reason?: string;
}

/**
 * The decision at the decision step (DecideCase, and a department system's decision reported by joint review):
 * approve → APPROVED (the result is issued next); deny → COMPLETED with the remedies, the pending steps skipped and
 * the delivery planned. Both issue the decision document (准予/不予许可决定书) with the department's seal.
 */
export async function recordDecision(deps: HandlingDeps, input: DecisionAtStep, principal: Principal): Promise<Case> {
  const c = input.case;
  const at = deps.clock.now();
  const denied = input.outcome === 'denied';
  const decision: Decision = denied
    ? denialDecision(input.reasons, input.remedies, input.decidedBy, at)
    : { outcome: 'approved', reasons: input.reasons, remedies: [], decidedBy: input.decidedBy, decidedAt: at };
  const edition = await pinnedEdition(deps, c);
  const calendar = await deps.calendars.forTenant(c.tenant);
  const today = todayOf(deps);
  const finished = finishStep(
    c.steps,
    input.step.index,
    { at, by: input.decidedBy, opinion: decision.reasons.join('；') || '准予许可' },
    (b) => stepDueDate(calendar, today, b),
  );
  let changes: Partial<Case> = { decision, steps: finished.steps, responsible: '' };
  if (denied) {
    const planned = plannedDelivery(deps, edition, undefined);
    throwIfInvalid(planned.violations);
    changes = { ...changes, steps: skipPending(finished.steps), delivery: planned.delivery };
  }
  const document = await deps.documents.issue({ ...c, ...changes }, 'decision', input.decidedBy, {
    reasons: decision.reasons,
    remedies: decision.remedies,
  });
  const { case: next, event } = transition(c, {
    action: denied ? '作出不予许可决定（办结）' : '作出准予许可决定',
    transition: 'decided',
    to: denied ? 'completed' : 'approved',
    actor: input.actor,
    at,
    reason: input.reason || decision.reasons.join('；'),
    detail: { decision, step: finished.finished, documents: [document] },
    changes,
  });
  return deps.cases.save(next, c.version, [event!], principal);
}
