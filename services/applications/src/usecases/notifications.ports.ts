import type { SiteNotification } from '../domain/site-notification';

/** The applicants' in-site notifications (collection `site_notifications`). */
export interface NotificationInbox {
  /** Stores a notification; `false` when its id is already there (nothing changes). */
  add(notification: SiteNotification): Promise<boolean>;
  /** The recipient's notifications, newest first, the total of the filter and the recipient's unread count. */
  listFor(
    recipient: string,
    filter: { unreadOnly: boolean },
    offset: number,
    limit: number,
  ): Promise<{ notifications: SiteNotification[]; total: number; unread: number }>;
  /** Marks the recipient's unread notifications read (those of `ids`, or all); answers how many changed. */
  markRead(recipient: string, ids: readonly string[] | 'all', at: Date): Promise<number>;
  unreadCount(recipient: string): Promise<number>;
}
