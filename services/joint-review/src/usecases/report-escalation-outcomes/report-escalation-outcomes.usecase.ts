import type { Escalation } from '../../domain/escalations/escalation';
import { concludeEscalation } from '../../domain/escalations/sender';
import type { EscalationDeps } from '../escalations/escalation.ports';

/**
 * The parent's decision goes to the lower tenant's cases service (ConcludeJointReview on the ESCALATED case, with
 * the service's account of the lower tenant); once it is accepted the follow-up ends (CONCLUDED). A refusal is
 * retried on the next run.
 */
export function reportEscalationOutcomesUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'cases' | 'clock'>,
  onError: (e: Escalation, error: unknown) => void,
) {
  return async (limit = 20): Promise<number> => {
    let done = 0;
    for (const e of await deps.escalations.sendersIn(['decided'], limit)) {
      try {
        await deps.cases.reportOutcome(e);
        const change = concludeEscalation(e, deps.clock.now());
        await deps.escalations.save(change.escalation, e.version, change.events);
        done++;
      } catch (error) {
        onError(e, error);
      }
    }
    return done;
  };
}
