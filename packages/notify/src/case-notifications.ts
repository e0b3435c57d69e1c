import type { NewNotification } from './ledger';
import { renderCaseNotification, type CaseNotificationFacts } from './templates';

/** Where an applicant is told: what the case recorded (either may be missing). */
export interface ApplicantContacts {
  email?: string;
  /** Mainland mobile number. */
  mobile?: string;
}

/**
 * The ledger entries for one case notification: an e-mail and/or an SMS, rendered from the facts. `cause` is the
 * unique id of what caused it (the transition's event id): the entries are `<cause>:email` and `<cause>:sms`, so
 * handling the same event again enqueues nothing new.
 */
export function caseNotifications(
  cause: string,
  facts: CaseNotificationFacts,
  contacts: ApplicantContacts,
  tenant?: string,
): NewNotification[] {
  const rendered = renderCaseNotification(facts);
  const common = { kind: facts.kind, caseNumber: facts.caseNumber, tenant };
  const out: NewNotification[] = [];
  if (contacts.email)
    out.push({
      id: `${cause}:email`,
      channel: 'email',
      to: contacts.email,
      subject: rendered.subject,
      text: rendered.emailText,
      ...common,
    });
  if (contacts.mobile)
    out.push({ id: `${cause}:sms`, channel: 'sms', to: contacts.mobile, text: rendered.smsText, ...common });
  return out;
}

/** An in-site notification (消息) of a case, shown to the applicant in the portal. */
export interface SiteNotificationText {
  /** `<cause>:site`: the same cause gives the same id, so a redelivered event adds nothing. */
  id: string;
  kind: CaseNotificationFacts['kind'];
  caseNumber: string;
  itemName: string;
  title: string;
  text: string;
}

/** The in-site notification of one case notification, in the e-mail's words (renderCaseNotification). */
export function siteNotification(cause: string, facts: CaseNotificationFacts): SiteNotificationText {
  const rendered = renderCaseNotification(facts);
  return {
    id: `${cause}:site`,
    kind: facts.kind,
    caseNumber: facts.caseNumber,
    itemName: facts.itemName,
    title: rendered.siteTitle,
    text: rendered.siteText,
  };
}
