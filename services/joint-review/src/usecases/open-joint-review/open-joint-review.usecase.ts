import { PreconditionError } from '@govhall/errors';
import { defaultFlow } from '../../domain/reviews/joint-flow';
import { openJointReview, type CaseFacts, type JointReview } from '../../domain/reviews/joint-review';
import { legCalendar } from '../reviews/leg-calendar';
import { windowLeadsOf, type ReviewDeps } from '../reviews/review.deps';

/** The case as the case stream hands it over (TRANSITION_JOINT_REVIEW_REQUESTED). */
export interface JointCaseHandedOver {
  caseId: string;
  caseNumber: string;
  tenant: string;
  itemId: string;
  itemName: string;
  itemBasicCode: string;
  /** The department and window that accepted the case (the first receiving window, J9). */
  department: string;
  windowId: string;
  /** The item's co-departments as the case stream names them. */
  coDepartments: string[];
  casePromisedDueDate: string;
  caseStatutoryDueDate: string;
  /** When the case was handed over (the event's time): tasks and legs start then. */
  at: Date;
}

/**
 * Opens the case's joint review as the case stream asks (as "system"): the item's flow (or the default: every
 * co-department at once with the tenant's default budget), the lead by the tenant's J9 rule, the first stage's tasks
 * assigned to each department's window lead (J5). Once per case: a redelivered event returns the review already
 * open and writes nothing.
 */
export function openJointReviewUseCase(deps: ReviewDeps) {
  return async (handed: JointCaseHandedOver): Promise<{ review: JointReview; created: boolean }> => {
    const existing = await deps.reviews.findByCase(handed.tenant, handed.caseId);
    if (existing) return { review: existing, created: false };
    const item = await deps.items.get(handed.itemId);
    if (!item) throw new PreconditionError('ITEM_NOT_FOUND', `找不到事项 ${handed.itemId}`);
    const settings = await deps.settings.forTenant(handed.tenant);
    const flow =
      (await deps.flows.find(handed.tenant, item.seriesId)) ??
      defaultFlow({
        tenant: handed.tenant,
        itemSeriesId: item.seriesId,
        itemName: handed.itemName,
        leadDepartment: item.department,
        leadWindowId: handed.windowId,
        coDepartments: handed.coDepartments.length > 0 ? handed.coDepartments : item.coDepartments,
        defaultBudgetWorkingDays: settings.defaultReviewWorkingDays,
      });
    const lead =
      settings.leadRule === 'first_receiving_window'
        ? { department: handed.department, windowId: handed.windowId }
        : { department: flow.leadDepartment || item.department, windowId: flow.leadWindowId || handed.windowId };
    // The lead takes no co-review task of its own.
    const participants = flow.participants.filter((p) => p.department !== lead.department);
    const windowLeads = await windowLeadsOf(
      deps,
      handed.tenant,
      participants.map((p) => p.department),
    );
    const calendar = legCalendar(await deps.calendars.forTenant(handed.tenant));
    const facts: CaseFacts = {
      tenant: handed.tenant,
      caseId: handed.caseId,
      caseNumber: handed.caseNumber,
      itemName: handed.itemName,
      itemBasicCode: handed.itemBasicCode,
      itemId: handed.itemId,
      itemSeriesId: item.seriesId,
      casePromisedDueDate: handed.casePromisedDueDate,
      caseStatutoryDueDate: handed.caseStatutoryDueDate,
    };
    const { review, events } = openJointReview(
      {
        id: deps.ids.newId(),
        case: facts,
        flow: { ...flow, participants },
        leadRule: settings.leadRule,
        lead,
        windowLeads,
        newTaskId: () => deps.ids.newId(),
        at: handed.at,
        by: 'system',
      },
      calendar,
    );
    return deps.reviews.insert(review, events);
  };
}
