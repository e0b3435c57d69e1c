import type { AccessPolicy, Principal } from '@govhall/auth';
import { concealForbidden, type Violation } from '@govhall/errors';
import type { Case, CaseStep, Outcome } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { stepDueDate } from '../../domain/clocks/deadline';
import { denialDecision, skipPending, stepKind } from '../../domain/handling';
import { caseNotFound, caseResource, idViolations, throwIfInvalid } from '../case.policies';
import { decisionViolations } from '../decide-case/decide-case.usecase';
import type { HandlingDeps } from '../handling.deps';
import { actorAs, pinnedEdition, plannedDelivery, todayOf } from '../handling.shared';

/** The joint-review service: a service account (role `service`) of the case's tenant (ADR 0025). */
export const JOINT_REVIEW_SERVICE: AccessPolicy = { roles: ['service'] };

export interface ConcludeJointReviewCommand {
  id: string;
  reviewId: string;
  outcome: Outcome | '';
  reasons: string[];
}

const REVIEW_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * The joint-review service reports the lead's conclusion on a JOINT_REVIEW case, or the parent center's outcome on
 * an ESCALATED one. Agreement → PROCESSING at the decision step (the steps before it done by the joint review);
 * denial → COMPLETED with the denial decision, its reasons and the default remedies. The call has no version: the
 * service acts on the case as it stands; a second conclusion finds the case no longer waiting (WRONG_STATE).
 */
export function concludeJointReviewUseCase(deps: HandlingDeps) {
  return async (command: ConcludeJointReviewCommand, actor: Principal): Promise<Case> => {
    const checked = decisionViolations({ outcome: command.outcome, reasons: command.reasons, remedies: [] });
    const violations: Violation[] = [...idViolations(command.id), ...checked.violations];
    if (!REVIEW_ID.test(command.reviewId)) {
      violations.push({ path: 'reviewId', reason: 'PATTERN', message: '联审编号应为1至100位字母、数字或 _ . : -' });
    }
    throwIfInvalid(violations);
    const c = await deps.cases.findById(command.id);
    if (!c) throw caseNotFound();
    concealForbidden(
      () => deps.authorizer.ensure(actor, 'write', caseResource(c), JOINT_REVIEW_SERVICE),
      caseNotFound(),
    );
    ensureStatus(c, ['joint_review', 'escalated'], '登记联审结论');
    const at = deps.clock.now();
    const source = c.status === 'escalated' ? '上级中心' : '联合审批';
    const reason = `${source}结论（${command.reviewId}）${checked.reasons.length ? `：${checked.reasons.join('；')}` : ''}`;
    const actorRef = actorAs(actor, 'service');

    if (command.outcome === 'denied') {
      const decision = denialDecision(checked.reasons, [], actor.username, at);
      const edition = await pinnedEdition(deps, c);
      const planned = plannedDelivery(deps, edition, undefined);
      throwIfInvalid(planned.violations);
      const changes: Partial<Case> = {
        decision,
        steps: skipPending(c.steps),
        delivery: planned.delivery,
        responsible: '',
      };
      const document = await deps.documents.issue({ ...c, ...changes }, 'decision', actor.username, {
        reasons: decision.reasons,
        remedies: decision.remedies,
      });
      const { case: next, event } = transition(c, {
        action: `${source}不予许可（办结）`,
        transition: 'joint_review_concluded',
        to: 'completed',
        actor: actorRef,
        at,
        reason,
        detail: { decision, documents: [document] },
        changes,
      });
      return deps.cases.save(next, c.version, [event!], actor);
    }

    const calendar = await deps.calendars.forTenant(c.tenant);
    const today = todayOf(deps);
    const decisionAt = c.steps.findIndex((s) => stepKind(s) === 'decision');
    const steps: CaseStep[] = c.steps.map((s, i) => {
      if (decisionAt < 0 || i < decisionAt) {
        return s.state === 'done'
          ? s
          : { ...s, state: 'done', finishedAt: at, handledBy: actor.username, opinion: reason };
      }
      if (i === decisionAt) {
        return { ...s, state: 'active', startedAt: at, dueDate: stepDueDate(calendar, today, s.budgetWorkingDays) };
      }
      return s;
    });
    const { case: next, event } = transition(c, {
      action: `${source}同意，转入决定环节`,
      transition: 'joint_review_concluded',
      to: 'processing',
      actor: actorRef,
      at,
      reason,
      changes: { steps, responsible: '' },
    });
    return deps.cases.save(next, c.version, [event!], actor);
  };
}
