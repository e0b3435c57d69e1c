import type { Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import type { Case, CaseDocument, CaseStep, Decision, DeliveryMethod, Outcome } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { denialDecision } from '../../domain/handling';
import { ensurePaymentSettled } from '../../domain/payment';
import type { Licence } from '../../domain/licence';
import { WINDOW_ACTS, throwIfInvalid } from '../case.policies';
import { decisionViolations } from '../decide-case/decide-case.usecase';
import type { HandlingDeps } from '../handling.deps';
import { actorAs, loadForCaseAct, pinnedEdition, plannedDelivery, putLicence, todayOf } from '../handling.shared';

export interface DecideOnTheSpotCommand {
  id: string;
  expectedVersion: number;
  outcome: Outcome | '';
  reasons: string[];
  deliveryMethod: DeliveryMethod | '';
}

/**
 * 即办件 (A8): the window clerk of the case's department accepts and decides an immediate item in the same visit,
 * from PRE_REVIEW or PRE_REVIEW_PASSED → COMPLETED in one act (approved: the licence is issued at once). A10 leaves
 * immediate items out of the acceptance slip, so the act issues one document: the licence, or the denial decision
 * with its reasons and remedies. Other items are FAILED_PRECONDITION (they are accepted and handled in steps), and so
 * is an approval of an item with fees (PAYMENT_OUTSTANDING: it is accepted, decided, paid, then issued).
 */
export function decideOnTheSpotUseCase(deps: HandlingDeps) {
  return async (command: DecideOnTheSpotCommand, actor: Principal): Promise<{ case: Case; licence?: Licence }> => {
    const checked = decisionViolations({ outcome: command.outcome, reasons: command.reasons, remedies: [] });
    const c = await loadForCaseAct(deps, command, actor, () => WINDOW_ACTS, checked.violations);
    if (c.handlingCategory !== 'immediate') {
      throw new PreconditionError('NOT_IMMEDIATE', '只有即办件可以当场办结；其他事项须受理后按环节办理', {
        handlingCategory: c.handlingCategory,
      });
    }
    ensureStatus(c, ['pre_review', 'pre_review_passed'], '当场办结');
    const edition = await pinnedEdition(deps, c);
    // 收缴分离: an approval on the spot would issue the licence before any fee is assessed and paid; an item with fees
    // is accepted and decided (APPROVED), paid at the bank, then issued (ADR draft: payments and immediate items).
    if (command.outcome !== 'denied') ensurePaymentSettled(c, edition, '当场办结');
    const planned = plannedDelivery(deps, edition, command.deliveryMethod);
    throwIfInvalid(planned.violations);
    const at = deps.clock.now();
    const today = todayOf(deps);
    const denied = command.outcome === 'denied';
    const decision: Decision = denied
      ? denialDecision(checked.reasons, [], actor.username, at)
      : { outcome: 'approved', reasons: checked.reasons, remedies: [], decidedBy: actor.username, decidedAt: at };
    const opinion = denied ? `不予许可：${decision.reasons.join('；')}` : '当场准予许可';
    const steps: CaseStep[] = (
      c.steps.length > 0
        ? c.steps
        : edition.workflow.map((s, index): CaseStep => ({
            index,
            name: s.name,
            role: s.role,
            budgetWorkingDays: s.budgetWorkingDays,
            department: c.department,
            state: 'pending',
            dueDate: today,
            handledBy: '',
            opinion: '',
          }))
    ).map((s) =>
      s.state === 'done'
        ? s
        : { ...s, state: 'done', startedAt: at, finishedAt: at, handledBy: actor.username, opinion },
    );
    const changes: Partial<Case> = {
      decision,
      steps,
      delivery: planned.delivery,
      decidedOnTheSpot: true,
      responsible: actor.username,
      // Accepted (and decided) on the day of receipt at the earliest (ADR 0026: after hours that is tomorrow).
      clocks: {
        ...c.clocks,
        receivedDate: c.clocks.receivedDate || today,
        acceptedDate: c.clocks.receivedDate > today ? c.clocks.receivedDate : today,
      },
    };
    let licence: Licence | undefined;
    let documents: CaseDocument[];
    if (denied) {
      documents = [
        await deps.documents.issue({ ...c, ...changes }, 'decision', actor.username, {
          reasons: decision.reasons,
          remedies: decision.remedies,
        }),
      ];
    } else {
      const put = await putLicence(deps, { ...c, ...changes }, edition, {
        validUntil: '',
        issuedBy: actor.username,
        decisionDocumentIds: [],
      });
      licence = put.licence;
      documents = put.documents;
      changes.licenceId = licence.id;
    }
    const { case: next, event } = transition(c, {
      action: denied
        ? '即办件当场作出不予许可决定（办结）'
        : `即办件当场办结：${licence!.name} ${licence!.licenceNumber}`,
      transition: 'decided_on_the_spot',
      to: 'completed',
      actor: actorAs(actor, 'window_clerk'),
      at,
      reason: decision.reasons.join('；'),
      detail: {
        decision,
        documents,
        ...(licence ? { licenceId: licence.id } : {}),
        ...(planned.delivery ? { delivery: { ...planned.delivery, pickupCode: '' } } : {}),
      },
      changes,
    });
    const stored = await deps.cases.save(next, c.version, [event!], actor);
    return licence ? { case: stored, licence } : { case: stored };
  };
}
