import type { DecisionOutcome } from '../../domain/tasks/task';
import { recordDelegatedDecision, type DelegatedCase } from '../../domain/delegation/delegated-case';
import type { DelegationDeps } from '../delegation/delegation.ports';
import { legCalendar } from '../reviews/leg-calendar';

/** The case's decision as the case stream shows it (TRANSITION_DECIDED). */
export interface CaseDecided {
  tenant: string;
  caseId: string;
  outcome: DecisionOutcome;
  reasons: string[];
  remedies: string[];
  decidedBy: string;
  at: Date;
}

/**
 * The department decided the delegated case in the cases service (DecideCase; ADR 0056): the decision task is DONE
 * (source CASE_STREAM), the department leg finishes and the reply leg starts at the accepting window. A case that is
 * not delegated, or not AT_DEPARTMENT, is left alone (null).
 */
export function recordDelegatedDecisionUseCase(deps: Pick<DelegationDeps, 'delegatedCases' | 'duty' | 'calendars'>) {
  return async (decided: CaseDecided): Promise<DelegatedCase | null> => {
    const dc = await deps.delegatedCases.findByCase(decided.tenant, decided.caseId);
    if (!dc || dc.state !== 'at_department') return null;
    const change = recordDelegatedDecision(
      dc,
      {
        outcome: decided.outcome,
        reasons: decided.reasons,
        remedies: decided.remedies,
        documentNumber: '',
        attachments: [],
        decidedBy: decided.decidedBy,
        handlerName: '',
        decidedAt: decided.at,
        source: 'case_stream',
      },
      await deps.duty.windowResponsible(dc.tenant, dc.windowId),
      legCalendar(await deps.calendars.forTenant(dc.tenant)),
    );
    if (!change) return null;
    return deps.delegatedCases.save(change.delegatedCase, dc.version, change.events);
  };
}
