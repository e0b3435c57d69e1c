import type { Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import type { OfficeEmail, RaisedSignal } from '../../domain/messages/signal-messages';
import { listMyMessagesUseCase } from './list-my-messages/list-my-messages.usecase';
import { markMessageReadUseCase } from './mark-message-read/mark-message-read.usecase';
import { messageSignalRecipientsUseCase } from './message-signal-recipients/message-signal-recipients.usecase';
import type { StaffMessageStore, StoredStaffMessage } from './messages.ports';

class MemoryMessages implements StaffMessageStore {
  readonly all = new Map<string, StoredStaffMessage>();
  async insertNew(messages: StoredStaffMessage[]) {
    const fresh = messages.filter((m) => !this.all.has(m.id));
    for (const m of fresh) this.all.set(m.id, { ...m });
    return fresh.length;
  }
  async listFor(username: string, unreadOnly: boolean, offset: number, limit: number) {
    return [...this.all.values()]
      .filter((m) => m.username === username && (!unreadOnly || !m.readAt))
      .slice(offset, offset + limit);
  }
  async countFor(username: string, unreadOnly: boolean) {
    return (await this.listFor(username, unreadOnly, 0, Infinity)).length;
  }
  async get(id: string) {
    return this.all.get(id) ?? null;
  }
  async markRead(id: string, at: Date) {
    this.all.get(id)!.readAt = at;
  }
}

const signal = (over: Partial<RaisedSignal> = {}): RaisedSignal => ({
  id: 'case-1.statutory.exceeded.1',
  tenant: '620321',
  matterId: 'case-1',
  level: 'red',
  // A reason carrying personal data must not pass through (masked all the same).
  reason: '已超过法定办理时限2个工作日，申请人电话13912345678，身份证62032119900307123X',
  caseNumber: '620321202603020001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  notified: [
    'responsible:clerk1',
    'window_lead:lead1',
    'department_head:head1',
    'supervisor:sup1',
    'supervisor:clerk1',
  ],
  raisedAt: new Date('2026-03-12T02:00:00Z'),
  ...over,
});

const staff = (username: string, tenant = '620321'): Principal => ({
  kind: 'user',
  subject: username,
  username,
  tenant,
  roles: ['window_clerk'],
  clientId: 'c',
});

function world(minLevel: 'yellow' | 'red' = 'red', to = 'office@supervision.local') {
  const messages = new MemoryMessages();
  const emails: OfficeEmail[] = [];
  const email = {
    enqueue: async (e: OfficeEmail) => {
      if (emails.some((x) => x.id === e.id)) return false;
      emails.push(e);
      return true;
    },
  };
  const clock = { now: () => new Date('2026-03-13T02:00:00Z') };
  return {
    messages,
    emails,
    tell: messageSignalRecipientsUseCase({ messages, email, office: { to, minLevel } }),
    list: listMyMessagesUseCase({ messages }),
    read: markMessageReadUseCase({ messages, clock }),
  };
}

describe('signals messaged to people (S16)', () => {
  it('each recipient gets one site message, the office one e-mail; a redelivery sends nothing new', async () => {
    const w = world();
    expect(await w.tell(signal())).toEqual({ messages: 4, emails: 1 });
    expect(await w.tell(signal())).toEqual({ messages: 0, emails: 0 });
    const mine = (await w.list({ unreadOnly: false }, staff('clerk1'))).messages;
    expect(mine.map((m) => [m.id, m.relation, m.title])).toEqual([
      ['case-1.statutory.exceeded.1:clerk1', 'responsible', '【红牌】食品经营许可（620321202603020001）'],
    ]);
    expect(mine[0]!.text).toContain('您收到此消息，是因为您是该事项的责任人。');
    expect(w.emails).toHaveLength(1);
    expect(w.emails[0]).toMatchObject({ id: 'case-1.statutory.exceeded.1:email', to: 'office@supervision.local' });
    expect(w.emails[0]!.text).toContain('已通过站内消息告知：责任人 clerk1、窗口负责人 lead1');
    for (const text of [...[...w.messages.all.values()].map((m) => m.text), w.emails[0]!.text, w.emails[0]!.subject]) {
      expect(text).not.toMatch(/13912345678|62032119900307123X/);
    }
  });

  it('mails the office only at or above its level, and only with an address', async () => {
    expect((await world('red').tell(signal({ level: 'yellow', id: 'y.1' }))).emails).toBe(0);
    expect((await world('yellow').tell(signal({ level: 'yellow', id: 'y.1' }))).emails).toBe(1);
    expect((await world('yellow', '').tell(signal())).emails).toBe(0);
  });

  it('a member of staff reads and marks only their own messages', async () => {
    const w = world();
    await w.tell(signal());
    const id = 'case-1.statutory.exceeded.1:head1';
    expect(await w.list({ unreadOnly: true }, staff('head1'))).toMatchObject({ messages: [{ id }], total: 1 });
    await expect(w.read(id, staff('clerk1'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(w.read(id, staff('head1', '620302'))).rejects.toBeInstanceOf(NotFoundError);
    expect((await w.read(id, staff('head1'))).readAt).toEqual(new Date('2026-03-13T02:00:00Z'));
    expect(await w.list({ unreadOnly: true }, staff('head1'))).toMatchObject({ messages: [], total: 0 });
    expect(await w.list({ unreadOnly: false }, staff('head1'))).toMatchObject({ total: 1 });
    await expect(w.list({ unreadOnly: false }, { ...staff('zs'), roles: ['applicant'] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
