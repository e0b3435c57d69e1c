import type { Principal } from '@govhall/auth';
import type { Case, DeliveryMethod } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { stepDueDate } from '../../domain/clocks/deadline';
import { ensurePaymentSettled } from '../../domain/payment';
import { activeStep, finishStep, stepKind } from '../../domain/handling';
import type { Licence } from '../../domain/licence';
import { WINDOW_ACTS, stepPolicy, throwIfInvalid } from '../case.policies';
import type { HandlingDeps } from '../handling.deps';
import {
  actorAs,
  loadForCaseAct,
  pinnedEdition,
  plannedDelivery,
  putLicence,
  todayOf,
  validUntilViolations,
} from '../handling.shared';

export interface IssueResultCommand {
  id: string;
  expectedVersion: number;
  /** YYYY-MM-DD or '' (no expiry). */
  validUntil: string;
  deliveryMethod: DeliveryMethod | '';
  address: string;
}

/** The certificate step's role when the workflow has one active, else the window (统一发证). */
function issuerRole(c: Case): string {
  const step = activeStep(c);
  return step && stepKind(step) === 'certificate' ? step.role : 'window_clerk';
}

/**
 * 制证 (decision 3): from APPROVED, the licence goes into the e-licence library with its PDF and the decision behind
 * it → COMPLETED (办结: the promised clock stops here). For an edition with fees the payment must be paid or waived
 * first (FAILED_PRECONDITION PAYMENT_OUTSTANDING, also while the case is AWAITING_PAYMENT). The result is delivered as asked (if the edition offers it)
 * or by the edition's first way; a window pickup gets a 6-digit pickup code for the applicant.
 */
export function issueResultUseCase(deps: HandlingDeps) {
  return async (command: IssueResultCommand, actor: Principal): Promise<{ case: Case; licence: Licence }> => {
    const today = todayOf(deps);
    const c = await loadForCaseAct(
      deps,
      command,
      actor,
      (x) => (issuerRole(x) === 'window_clerk' ? WINDOW_ACTS : stepPolicy(issuerRole(x))),
      validUntilViolations(command.validUntil, today),
    );
    ensureStatus(c, ['approved', 'awaiting_payment'], '出具结果（制证）');
    const edition = await pinnedEdition(deps, c);
    // 收缴分离: an item with fees gets its result only once the bank confirmed the payment (or it was waived).
    ensurePaymentSettled(c, edition, '出具结果（制证）');
    const planned = plannedDelivery(deps, edition, command.deliveryMethod, command.address);
    throwIfInvalid(planned.violations);
    const role = issuerRole(c);
    const at = deps.clock.now();
    const decisionDocumentIds = c.documents.filter((d) => d.kind === 'decision').map((d) => d.id);
    const { licence, documents } = await putLicence(deps, c, edition, {
      validUntil: command.validUntil,
      issuedBy: actor.username,
      decisionDocumentIds,
    });
    const step = activeStep(c);
    let steps = c.steps;
    let finishedStep;
    if (step && stepKind(step) === 'certificate') {
      const calendar = await deps.calendars.forTenant(c.tenant);
      const finished = finishStep(
        c.steps,
        step.index,
        { at, by: actor.username, opinion: `已制证：${licence.licenceNumber}` },
        (b) => stepDueDate(calendar, today, b),
      );
      steps = finished.steps;
      finishedStep = finished.finished;
    }
    const { case: next, event } = transition(c, {
      action: `出具结果（办结）：${licence.name} ${licence.licenceNumber}`,
      transition: 'result_issued',
      to: 'completed',
      actor: actorAs(actor, role),
      at,
      detail: {
        licenceId: licence.id,
        // The pickup code is the applicant's secret: the case keeps it, the event does not carry it.
        delivery: planned.delivery && { ...planned.delivery, pickupCode: '' },
        documents,
        ...(finishedStep ? { step: finishedStep } : {}),
      },
      changes: { licenceId: licence.id, delivery: planned.delivery, steps, responsible: '' },
    });
    return { case: await deps.cases.save(next, c.version, [event!], actor), licence };
  };
}
