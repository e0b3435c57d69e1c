import type { SiteNotification } from '../domain/site-notification';
import { APPLICANT } from './handling.test-double';
import type { NotificationInbox } from './notifications.ports';

/** The inbox in memory, with the store's rules (unique id, newest first, per-recipient marking). Unit tests only. */
export class InMemoryNotificationInbox implements NotificationInbox {
  readonly items = new Map<string, SiteNotification>();

  async add(n: SiteNotification): Promise<boolean> {
    if (this.items.has(n.id)) return false;
    this.items.set(n.id, { ...n });
    return true;
  }

  private mine(recipient: string) {
    return [...this.items.values()]
      .filter((n) => n.recipient === recipient)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async listFor(recipient: string, filter: { unreadOnly: boolean }, offset: number, limit: number) {
    const all = this.mine(recipient).filter((n) => !filter.unreadOnly || !n.readAt);
    return {
      notifications: all.slice(offset, offset + limit).map((n) => ({ ...n })),
      total: all.length,
      unread: await this.unreadCount(recipient),
    };
  }

  async markRead(recipient: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
    let marked = 0;
    for (const n of this.mine(recipient)) {
      if (n.readAt || (ids !== 'all' && !ids.includes(n.id))) continue;
      this.items.set(n.id, { ...n, readAt: at });
      marked += 1;
    }
    return marked;
  }

  async unreadCount(recipient: string): Promise<number> {
    return this.mine(recipient).filter((n) => !n.readAt).length;
  }
}

/** 2026-12-03 02:<minute> UTC. */
export const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 2, minute));

/** A notification of APPLICANT's case, created at `minute`. */
export function notification(id: string, minute: number, overrides: Partial<SiteNotification> = {}): SiteNotification {
  return {
    id,
    recipient: APPLICANT.subject,
    tenant: '620321',
    kind: 'accepted',
    caseId: 'case-1',
    caseNumber: '6203212026120300001',
    itemName: '食品经营许可',
    title: '受理通知：食品经营许可',
    text: '您申请的“食品经营许可”已于2026年12月3日受理。',
    createdAt: at(minute),
    ...overrides,
  };
}

/** APPLICANT's a (minute 1), b (3), c (2), all unread, and one of 李四 (4). */
export async function inboxWithThree() {
  const inbox = new InMemoryNotificationInbox();
  await inbox.add(notification('a:site', 1));
  await inbox.add(notification('b:site', 3));
  await inbox.add(notification('c:site', 2));
  await inbox.add(notification('other:site', 4, { recipient: 'subject-lisi' }));
  return inbox;
}
