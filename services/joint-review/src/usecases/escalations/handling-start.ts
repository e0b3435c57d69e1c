import type { Escalation, EscalationChange } from '../../domain/escalations/escalation';
import { completeRoundIfDone } from '../../domain/escalations/receiver';
import { legCalendar } from '../reviews/leg-calendar';
import type { EscalationDeps } from './escalation.ports';

/**
 * Completes the receiver's round when its last file is in (the handling leg starts or resumes, a RECEIVED update
 * goes down): the task goes to the department's window lead (J5), the budget is what is left in the parent's
 * calendar until the case's promised due date (at least 1 working day).
 */
export async function completeRound(
  deps: Pick<EscalationDeps, 'duty' | 'calendars' | 'ids'>,
  e: Escalation,
  sequence: number,
  at: Date,
): Promise<EscalationChange> {
  const working = await deps.calendars.forTenant(e.tenant);
  const calendar = legCalendar(working);
  const windowLead = e.task ? '' : await deps.duty.windowLead(e.tenant, e.department);
  const today = calendar.dayOf(at);
  const left = e.case.promisedDueDate ? calendar.workingDaysBetween(today, e.case.promisedDueDate) : 1;
  return completeRoundIfDone(
    e,
    { sequence, taskId: deps.ids.newId(), windowLead, budgetWorkingDays: Math.max(1, left), at },
    calendar,
  );
}
