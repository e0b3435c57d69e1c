import { chinaToday } from '@govhall/calendar';
import { covers } from '../../domain/delegation/agreement';
import { openDelegatedCase, type DelegatedCase } from '../../domain/delegation/delegated-case';
import { legCalendar } from '../reviews/leg-calendar';
import type { DelegationDeps } from '../delegation/delegation.ports';

/** A case the case stream shows ACCEPTED (TRANSITION_ACCEPTED). */
export interface CaseAccepted {
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemId: string;
  itemName: string;
  itemBasicCode: string;
  department: string;
  windowId: string;
  casePromisedDueDate: string;
  at: Date;
}

/**
 * Opens the delegated case (AT_CENTER, transfer leg running) when the case was accepted at a comprehensive window
 * for an item series under an agreement in force on the day of acceptance, whose windows include that window (or
 * name none), with the agreement's budgets or, when it sets none, the tenant's (JointReviewSettings); otherwise, and for a case already opened (a redelivered event), writes nothing and answers null.
 */
export function openDelegatedCaseUseCase(
  deps: Pick<
    DelegationDeps,
    'agreements' | 'delegatedCases' | 'items' | 'windows' | 'duty' | 'calendars' | 'settings' | 'ids'
  >,
) {
  return async (accepted: CaseAccepted): Promise<{ delegatedCase: DelegatedCase; created: boolean } | null> => {
    if (!accepted.windowId || !accepted.itemId) return null;
    const item = await deps.items.get(accepted.itemId);
    if (!item) return null;
    const candidates = await deps.agreements.coveringSeries(accepted.tenant, item.seriesId);
    const day = chinaToday(accepted.at);
    const agreement = candidates.find(
      (a) => a.department === accepted.department && covers(a, item.seriesId, accepted.windowId, day),
    );
    if (!agreement) return null;
    const window = await deps.windows.get(accepted.tenant, accepted.windowId);
    if (!window?.comprehensive) return null;
    const existing = await deps.delegatedCases.findByCase(accepted.tenant, accepted.caseId);
    if (existing) return { delegatedCase: existing, created: false };
    const calendar = legCalendar(await deps.calendars.forTenant(accepted.tenant));
    // J7: the agreement's own budgets, else the tenant's settings.
    const settings = await deps.settings.forTenant(accepted.tenant);
    const { delegatedCase, events } = openDelegatedCase(
      {
        id: deps.ids.newId(),
        subject: {
          tenant: accepted.tenant,
          caseId: accepted.caseId,
          caseNumber: accepted.caseNumber,
          itemName: accepted.itemName,
          itemBasicCode: accepted.itemBasicCode,
          casePromisedDueDate: accepted.casePromisedDueDate,
        },
        department: accepted.department,
        agreementId: agreement.id,
        windowId: accepted.windowId,
        windowResponsible: await deps.duty.windowResponsible(accepted.tenant, accepted.windowId),
        transferWorkingDays: agreement.transferWorkingDays || settings.delegatedTransferWorkingDays,
        replyWorkingDays: agreement.replyWorkingDays || settings.delegatedReplyWorkingDays,
        at: accepted.at,
      },
      calendar,
    );
    return deps.delegatedCases.insert(delegatedCase, events);
  };
}
