import {
  caseNotifications,
  siteNotification,
  type CaseNotificationFacts,
  type NotificationLedger,
} from '@govhall/notify';
import type { Case } from '../../domain/case';
import type { CaseCore } from '../../usecases/deps';
import type { NotificationInbox } from '../../usecases/notifications.ports';

/** What the notifier's handlers need: the cases, the ledger of e-mails and SMS, the in-site inbox. */
export interface NotifierDeps {
  core: Pick<CaseCore, 'cases' | 'editions' | 'clock'>;
  ledger: Pick<NotificationLedger, 'enqueue'>;
  /** The applicants' in-site notifications (消息). */
  inbox: Pick<NotificationInbox, 'add'>;
  progressUrl: (caseNumber: string) => string;
  /** Called after notifications were queued (wakes the dispatcher). */
  queued: () => void;
}

/** The tenant's service center as the applicant reads it (the SMS signature 【…】, the e-mail's sender). */
export async function centerNameOf(core: Pick<CaseCore, 'editions'>, c: Pick<Case, 'itemId' | 'tenant'>) {
  const edition = await core.editions.get(c.itemId);
  return `${edition?.tenantName ?? c.tenant}政务服务中心`;
}

/**
 * Tells a case's applicant what `facts` say: an in-site notification for whoever filed the case (`<cause>:site`,
 * whether or not they left a contact), and the e-mail and/or SMS in the ledger (`<cause>:email|sms`) when they left
 * one. `cause` is the id of the event that caused it, so handling the event again adds nothing.
 */
export async function tellApplicant(
  deps: Pick<NotifierDeps, 'ledger' | 'inbox' | 'queued'>,
  cause: string,
  c: Case,
  facts: CaseNotificationFacts,
  at: Date,
): Promise<void> {
  if (c.applicant.subject) {
    const site = siteNotification(cause, facts);
    await deps.inbox.add({ ...site, recipient: c.applicant.subject, tenant: c.tenant, caseId: c.id, createdAt: at });
  }
  if (!c.contact.email && !c.contact.mobile) return;
  const contacts = { email: c.contact.email || undefined, mobile: c.contact.mobile || undefined };
  let added = 0;
  for (const n of caseNotifications(cause, facts, contacts, c.tenant)) {
    if (await deps.ledger.enqueue(n)) added += 1;
  }
  if (added) deps.queued();
}
