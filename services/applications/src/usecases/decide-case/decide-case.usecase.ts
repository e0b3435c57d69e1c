import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { Case, Decision, Outcome } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { stepDueDate } from '../../domain/clocks/deadline';
import { denialDecision, finishStep, requireActiveStep, skipPending } from '../../domain/handling';
import { DECIDE, throwIfInvalid } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import { actorAs, loadForCaseAct, pinnedEdition, plannedDelivery, textList, todayOf } from '../handling.shared';

export interface DecideCaseCommand {
  id: string;
  expectedVersion: number;
  /** '' when the caller named none. */
  outcome: Outcome | '';
  reasons: string[];
  remedies: string[];
}

/** An outcome and, for a denial, its written reasons (A32) and remedies (default 行政复议 / 行政诉讼). */
export function decisionViolations(command: Pick<DecideCaseCommand, 'outcome' | 'reasons' | 'remedies'>) {
  const violations: Violation[] = [];
  if (command.outcome !== 'approved' && command.outcome !== 'denied') {
    violations.push({ path: 'outcome', reason: 'REQUIRED', message: '请选择准予或不予许可' });
  }
  const reasons = textList('reasons', command.reasons, '决定理由');
  const remedies = textList('remedies', command.remedies, '救济途径');
  violations.push(...reasons.violations, ...remedies.violations);
  if (command.outcome === 'denied' && command.reasons.length === 0) {
    violations.push({ path: 'reasons', reason: 'REQUIRED', message: '不予许可须书面说明理由' });
  }
  return { violations, reasons: reasons.values, remedies: remedies.values };
}

/**
 * 决定: an approver of the case's department decides at the decision step. Approve → APPROVED (the result is issued
 * next, IssueResult); deny with written reasons and the applicant's remedies → COMPLETED, the decision document
 * being the result (decision 3). Both issue the decision document (准予/不予许可决定书) with the department's seal.
 */
export function decideCaseUseCase(deps: HandlingDeps) {
  return async (command: DecideCaseCommand, actor: Principal): Promise<Case> => {
    const checked = decisionViolations(command);
    const c = await loadForCaseAct(deps, command, actor, () => DECIDE, checked.violations);
    ensureStatus(c, ['processing'], '作出决定');
    const step = requireActiveStep(c, ['decision']);
    const at = deps.clock.now();
    const denied = command.outcome === 'denied';
    const decision: Decision = denied
      ? denialDecision(checked.reasons, checked.remedies, actor.username, at)
      : { outcome: 'approved', reasons: checked.reasons, remedies: [], decidedBy: actor.username, decidedAt: at };
    const edition = await pinnedEdition(deps, c);
    const calendar = await deps.calendars.forTenant(c.tenant);
    const today = todayOf(deps);
    const finished = finishStep(
      c.steps,
      step.index,
      { at, by: actor.username, opinion: decision.reasons.join('；') || '准予许可' },
      (b) => stepDueDate(calendar, today, b),
    );
    let changes: Partial<Case> = { decision, steps: finished.steps, responsible: '' };
    if (denied) {
      const planned = plannedDelivery(deps, edition, undefined);
      throwIfInvalid(planned.violations);
      changes = { ...changes, steps: skipPending(finished.steps), delivery: planned.delivery };
    }
    const document = await deps.documents.issue({ ...c, ...changes }, 'decision', actor.username, {
      reasons: decision.reasons,
      remedies: decision.remedies,
    });
    const { case: next, event } = transition(c, {
      action: denied ? '作出不予许可决定（办结）' : '作出准予许可决定',
      transition: 'decided',
      to: denied ? 'completed' : 'approved',
      actor: actorAs(actor, 'approver'),
      at,
      reason: decision.reasons.join('；'),
      detail: { decision, step: finished.finished, documents: [document] },
      changes,
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
