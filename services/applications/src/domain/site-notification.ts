import type { NotificationKind } from '@govhall/notify';

/**
 * An in-site notification (消息) of a case for its applicant, shown in the portal: one per applicant-relevant
 * transition (the notifier's `notificationKind`), written whether or not the applicant left an e-mail or mobile.
 * Addressed by the applicant's Keycloak subject (the natural person, or the agent who filed for an enterprise), as
 * the applicant's lists of cases are. Its words are the e-mail's (@govhall/notify siteNotification).
 */
export interface SiteNotification {
  /** `<event id>:site`: a redelivered event maps to the same id and adds nothing. */
  id: string;
  /** Keycloak subject of whoever filed the case (applicant.subject). */
  recipient: string;
  tenant: string;
  kind: NotificationKind;
  caseId: string;
  caseNumber: string;
  itemName: string;
  title: string;
  text: string;
  createdAt: Date;
  /** Unset while unread. */
  readAt?: Date;
}

/** Ids a caller may mark read in one request. */
export const MARK_READ_MAX_IDS = 100;
