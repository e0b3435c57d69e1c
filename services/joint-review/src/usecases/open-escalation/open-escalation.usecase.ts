import type { Escalation } from '../../domain/escalations/escalation';
import { openSenderEscalation, withdrawSender, type EscalatedCaseFacts } from '../../domain/escalations/sender';
import { hostsTenant, type EscalationDeps } from '../escalations/escalation.ports';
import { legCalendar } from '../reviews/leg-calendar';

/**
 * The case stream escalated a case (TRANSITION_ESCALATION_REQUESTED): the lower center's sender record awaits
 * forwarding, its forwarding leg runs (J3), followed up by the window serving the case (or the department's window
 * lead). Once per case: a redelivered event writes nothing.
 */
export function openEscalationUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'settings' | 'duty' | 'calendars' | 'ids' | 'hosted'>,
) {
  return async (facts: EscalatedCaseFacts, at: Date): Promise<{ escalation: Escalation | null; created: boolean }> => {
    // Another deployment's tenant (the case stream of a shared broker): not this deployment's to follow up.
    if (!hostsTenant(deps.hosted, facts.tenant)) return { escalation: null, created: false };
    const existing = await deps.escalations.findSenderByCase(facts.tenant, facts.caseId);
    if (existing) return { escalation: existing, created: false };
    const followUpBy =
      (await deps.duty.windowResponsible(facts.tenant, facts.windowId)) ||
      (await deps.duty.windowLead(facts.tenant, facts.department));
    const change = openSenderEscalation(
      {
        id: deps.ids.newId(),
        facts,
        forwardWorkingDays: await deps.settings.forwardWorkingDays(facts.tenant),
        followUpBy,
        at,
      },
      legCalendar(await deps.calendars.forTenant(facts.tenant)),
    );
    return deps.escalations.insert(change.escalation, change.events);
  };
}

/**
 * The escalated case ended at the lower center (withdrawn, voided) before a decision: the sender record is
 * WITHDRAWN and, once the parent held it, the parent is told by the transfer (withdrawPending).
 */
export function endEscalatedCaseUseCase(deps: Pick<EscalationDeps, 'escalations'>) {
  return async (tenant: string, caseId: string, reason: string, at: Date): Promise<Escalation | null> => {
    const e = await deps.escalations.findSenderByCase(tenant, caseId);
    if (!e) return null;
    const change = withdrawSender(e, reason, at);
    if (change.events.length === 0) return null;
    const next = { ...change.escalation, withdrawPending: e.counterpartId !== '' || e.state === 'transferring' };
    return deps.escalations.save(
      next,
      e.version,
      change.events.map((ev) => ('escalation' in ev ? { ...ev, escalation: next } : ev)),
    );
  };
}
