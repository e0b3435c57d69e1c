/**
 * The notification path against real infrastructure: the ledger in FerretDB (its own database), the dispatcher,
 * e-mail and SMS over SMTP to a Mailpit started for this test, read back through Mailpit's HTTP API.
 */
import { createLogger } from '@govhall/logging';
import { connectMongo, type Connection } from '@govhall/mongo';
import { startMailServer, stack, uniqueSuffix, type MailServerUnderTest } from '@govhall/testing';
import {
  MailboxSmsProvider,
  NotificationDispatcher,
  NotificationLedger,
  SmtpEmailSender,
  caseNotifications,
  notificationMessageId,
  type CaseNotificationFacts,
} from '../src';

const facts: CaseNotificationFacts = {
  kind: 'accepted',
  centerName: '永昌县政务服务中心',
  caseNumber: '62032120261203000123',
  itemName: '食品经营许可（新办）',
  applicantName: '张三',
  dates: { accepted: '2026-12-03', promisedBy: '2026-12-21' },
};

describe('notifications over SMTP with a ledger in the local store', () => {
  let mail: MailServerUnderTest;
  let connection: Connection;
  let ledger: NotificationLedger;
  let t = new Date('2026-12-03T02:00:00Z');
  const now = () => t;
  const logger = createLogger('notify-int', 'silent');
  let dispatcher: NotificationDispatcher;
  const dbName = `govhall_notify_${uniqueSuffix()}`;

  beforeAll(async () => {
    mail = await startMailServer({ chaos: true });
    connection = await connectMongo(stack.mongoUri, dbName);
    ledger = new NotificationLedger(connection, { now });
    await ledger.ensureIndexes();
    const email = new SmtpEmailSender({
      host: '127.0.0.1',
      port: mail.smtpPort,
      from: '"永昌县政务服务中心" <noreply@govhall.local>',
    });
    dispatcher = new NotificationDispatcher({ ledger, email, sms: new MailboxSmsProvider(email), logger, now });
  });

  afterAll(async () => {
    await connection?.db?.dropDatabase();
    await connection?.close();
    await mail?.stop();
  });

  it('sends the e-mail and the SMS of a case notification once; the Chinese subject arrives intact', async () => {
    const entries = caseNotifications(
      `evt-${uniqueSuffix()}`,
      facts,
      { email: 'zhangsan@example.cn', mobile: '13912345678' },
      '620321',
    );
    for (const e of entries) expect(await ledger.enqueue(e)).toBe(true);
    // The same cause handled again (a redelivered event): nothing new is queued.
    for (const e of entries) expect(await ledger.enqueue(e)).toBe(false);

    expect(await dispatcher.pass()).toMatchObject({ sent: 2 });
    expect(await dispatcher.pass()).toMatchObject({ sent: 0 });

    const emails = await mail.mailbox.to('zhangsan@example.cn');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.Subject).toBe('【永昌县政务服务中心】受理通知：食品经营许可（新办）（62032120261203000123）');
    expect(emails[0]!.From).toMatchObject({ Name: '永昌县政务服务中心', Address: 'noreply@govhall.local' });
    expect(`<${emails[0]!.MessageID}>`).toBe(notificationMessageId(entries[0]!.id));
    const body = await mail.mailbox.message(emails[0]!.ID);
    expect(body.Text).toContain('承诺办结日期：2026年12月21日');

    const texts = await mail.mailbox.to('13912345678@sms.local');
    expect(texts).toHaveLength(1);
    expect(texts[0]!.Subject).toBe('【永昌县政务服务中心】您的办件62032120261203000123已受理，承诺12月21日前办结。');

    expect(await ledger.get(entries[0]!.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect((await ledger.get(entries[0]!.id))!.response).toMatch(/^250/);
    expect((await ledger.listForCase(facts.caseNumber)).map((e) => e.state)).toEqual(['sent', 'sent']);
  });

  it('retries after the server refused with 451, and delivers exactly one copy', async () => {
    const to = `retry-${uniqueSuffix()}@example.cn`;
    const [entry] = caseNotifications(`evt-${uniqueSuffix()}`, facts, { email: to });
    await ledger.enqueue(entry!);
    await mail.mailbox.chaos({ Recipient: { ErrorCode: 451, Probability: 100 } });
    try {
      expect(await dispatcher.pass()).toMatchObject({ retrying: 1, sent: 0 });
    } finally {
      await mail.mailbox.chaos({ Recipient: { ErrorCode: 451, Probability: 0 } });
    }
    expect(await ledger.get(entry!.id)).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await ledger.get(entry!.id))!.lastError).toMatch(/smtp 451 at RCPT TO/);
    expect(await dispatcher.pass()).toMatchObject({ sent: 0 }); // backoff not over yet
    t = new Date(t.getTime() + 30_000);
    expect(await dispatcher.pass()).toMatchObject({ sent: 1 });
    expect(await ledger.get(entry!.id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await mail.mailbox.to(to)).toHaveLength(1);
  });

  it('a notification a crashed process left in `sending` is marked uncertain and not sent again', async () => {
    const to = `crash-${uniqueSuffix()}@example.cn`;
    const [entry] = caseNotifications(`evt-${uniqueSuffix()}`, facts, { email: to });
    await ledger.enqueue(entry!);
    // What a process leaves when it dies between claiming the entry and recording the server's answer.
    await ledger.update(entry!.id, 1, {
      state: 'sending',
      attempts: 1,
      lastAttemptAt: t,
      leaseUntil: new Date(t.getTime() + 300_000),
    });
    expect(await dispatcher.pass()).toMatchObject({ abandoned: 0, sent: 0 });
    t = new Date(t.getTime() + 300_001);
    expect(await dispatcher.pass()).toMatchObject({ abandoned: 1, sent: 0 });
    t = new Date(t.getTime() + 86_400_000);
    expect(await dispatcher.pass()).toMatchObject({ sent: 0 });
    expect(await ledger.get(entry!.id)).toMatchObject({ state: 'uncertain', attempts: 1 });
    expect((await ledger.listByState('uncertain')).map((e) => e.id)).toContain(entry!.id);
    expect(await mail.mailbox.to(to)).toHaveLength(0);

    // An operator who found it was not delivered sends it again, with the same Message-ID.
    expect(await ledger.resolveUncertain(entry!.id, 'resend', 'ops-1')).toBe(true);
    expect(await dispatcher.pass()).toMatchObject({ sent: 1 });
    const received = await mail.mailbox.to(to);
    expect(received).toHaveLength(1);
    expect(`<${received[0]!.MessageID}>`).toBe(notificationMessageId(entry!.id));
    expect(await ledger.resolveUncertain(entry!.id, 'resend', 'ops-1')).toBe(false);
  });

  it('expires entries by their indexed day once the retention has passed', async () => {
    const day = 86_400_000;
    const later = new Date(t.getTime() + 181 * day);
    expect(await ledger.sweep({ retentionMs: 180 * day, now: later })).toBeGreaterThanOrEqual(3);
    expect(await ledger.listForCase(facts.caseNumber)).toEqual([]);
  });
});
