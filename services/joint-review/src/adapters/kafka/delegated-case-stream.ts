import { applicationsV1 } from '@govhall/proto';
import type { cancelDelegatedCaseUseCase } from '../../usecases/cancel-delegated-case/cancel-delegated-case.usecase';
import type { openDelegatedCaseUseCase } from '../../usecases/open-delegated-case/open-delegated-case.usecase';
import type { recordDelegatedDecisionUseCase } from '../../usecases/record-delegated-decision/record-delegated-decision.usecase';
import type { recordDelegatedReplyUseCase } from '../../usecases/record-delegated-reply/record-delegated-reply.usecase';

const T = applicationsV1.Transition;
const O = applicationsV1.Outcome;

/** What the case stream does for delegated acceptance (代受理): open, decide, reply, cancel. */
export interface DelegationStreamUseCases {
  open: ReturnType<typeof openDelegatedCaseUseCase>;
  decide: ReturnType<typeof recordDelegatedDecisionUseCase>;
  reply: ReturnType<typeof recordDelegatedReplyUseCase>;
  cancel: ReturnType<typeof cancelDelegatedCaseUseCase>;
}

const ENDINGS = new Map<applicationsV1.Transition, string>([
  [T.TRANSITION_WITHDRAWN, '申请人已撤回申请'],
  [T.TRANSITION_VOIDED, '办件已作废'],
]);

/**
 * Follows a case's transition for its delegated case: ACCEPTED at a comprehensive window under an agreement opens
 * it, DECIDED records the department's decision, DELIVERED the center's reply, WITHDRAWN and VOIDED cancel it.
 * True when something was written (outbox messages queued).
 */
export async function followDelegatedCase(
  uc: DelegationStreamUseCases,
  event: applicationsV1.CaseTransitioned,
  at: Date,
): Promise<boolean> {
  const facts = event.facts;
  if (!facts) return false;
  switch (event.transition) {
    case T.TRANSITION_ACCEPTED: {
      const opened = await uc.open({
        tenant: facts.tenant,
        caseId: facts.caseId,
        caseNumber: facts.caseNumber,
        itemId: facts.itemId,
        itemName: facts.itemName,
        itemBasicCode: facts.itemBasicCode,
        department: facts.department,
        windowId: facts.windowId,
        casePromisedDueDate: facts.clocks?.promised?.dueDate ?? '',
        at,
      });
      return !!opened?.created;
    }
    case T.TRANSITION_DECIDED: {
      const d = event.decision;
      if (!d || (d.outcome !== O.OUTCOME_APPROVED && d.outcome !== O.OUTCOME_DENIED)) return false;
      const decided = await uc.decide({
        tenant: facts.tenant,
        caseId: facts.caseId,
        outcome: d.outcome === O.OUTCOME_APPROVED ? 'approved' : 'denied',
        reasons: [...d.reasons],
        remedies: [...d.remedies],
        decidedBy: d.decidedBy,
        at: d.decidedAt ?? at,
      });
      return !!decided;
    }
    case T.TRANSITION_DELIVERED:
      return !!(await uc.reply(facts.tenant, facts.caseId, at));
    default: {
      const ending = ENDINGS.get(event.transition);
      return ending ? !!(await uc.cancel(facts.tenant, facts.caseId, ending, at)) : false;
    }
  }
}
