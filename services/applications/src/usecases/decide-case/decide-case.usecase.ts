import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { Case, Outcome } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { requireActiveStep } from '../../domain/handling';
import { DECIDE } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import { actorAs, loadForCaseAct, textList } from '../handling.shared';
import { recordDecision } from './record-decision';

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
    return recordDecision(
      deps,
      {
        case: c,
        step,
        outcome: command.outcome as Outcome,
        reasons: checked.reasons,
        remedies: checked.remedies,
        decidedBy: actor.username,
        actor: actorAs(actor, 'approver'),
      },
      actor,
    );
  };
}
