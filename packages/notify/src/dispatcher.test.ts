import { Writable } from 'node:stream';
import { ConcurrencyError } from '@govhall/errors';
import { createLogger } from '@govhall/logging';
import { DeliveryError, type DeliveryReceipt, type OutgoingEmail, type OutgoingSms } from './delivery';
import { NotificationDispatcher, retryDelayMs, DEFAULT_RETRY_POLICY, type DispatchLedger } from './dispatcher';
import type { LedgerEntry, NewNotification } from './ledger';

/** An in-memory ledger with the store's versioned-update rule (test double). */
class MemoryLedger implements DispatchLedger {
  readonly entries = new Map<string, LedgerEntry>();
  constructor(private readonly now: () => Date) {}

  add(n: NewNotification, extra: Partial<LedgerEntry> = {}): void {
    const now = this.now();
    this.entries.set(n.id, {
      ...n,
      version: 1,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
      day: now.toISOString().slice(0, 10),
      ...extra,
    });
  }
  async due(now: Date, limit: number) {
    return [...this.entries.values()]
      .filter((e) => e.state === 'pending' && e.nextAttemptAt <= now)
      .slice(0, limit)
      .map((e) => ({ ...e }));
  }
  async abandoned(now: Date, limit: number) {
    return [...this.entries.values()]
      .filter((e) => e.state === 'sending' && e.leaseUntil !== undefined && e.leaseUntil < now)
      .slice(0, limit)
      .map((e) => ({ ...e }));
  }
  async update(id: string, version: number, set: Partial<LedgerEntry>, unset: (keyof LedgerEntry)[] = []) {
    const e = this.entries.get(id);
    if (!e || e.version !== version) throw new ConcurrencyError();
    const next: LedgerEntry = { ...e, ...set, version: version + 1, updatedAt: this.now() };
    for (const k of unset) delete next[k];
    this.entries.set(id, next);
  }
  state(id: string) {
    return this.entries.get(id)!;
  }
}

/** A channel whose answers the test scripts (test double). */
class ScriptedChannel {
  readonly sent: (OutgoingEmail | OutgoingSms)[] = [];
  readonly answers: (DeliveryError | Error | 'ok')[] = [];
  onSend?: () => Promise<void>;
  async send(message: OutgoingEmail | OutgoingSms): Promise<DeliveryReceipt> {
    await this.onSend?.();
    const answer = this.answers.shift() ?? 'ok';
    if (answer !== 'ok') throw answer;
    this.sent.push(message);
    return { response: '250 OK queued', messageId: `<${message.id}@test>` };
  }
}

function logSink() {
  const lines: string[] = [];
  const logger = createLogger(
    'notify-test',
    'debug',
    {},
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    }),
  );
  return { logger, lines };
}

const email = (id: string): NewNotification => ({
  id,
  channel: 'email',
  to: 'zhangsan@example.cn',
  subject: '【永昌县政务服务中心】受理通知',
  text: '张三：您的申请已受理。',
  caseNumber: '62032120261203000123',
});
const sms = (id: string): NewNotification => ({
  id,
  channel: 'sms',
  to: '13912345678',
  text: '【永昌县政务服务中心】您的办件已受理。',
});

function setup() {
  let t = new Date('2026-12-03T02:00:00Z');
  const clock = {
    now: () => t,
    advance: (ms: number) => {
      t = new Date(t.getTime() + ms);
    },
  };
  const ledger = new MemoryLedger(clock.now);
  const mail = new ScriptedChannel();
  const texts = new ScriptedChannel();
  const { logger, lines } = logSink();
  const dispatcher = new NotificationDispatcher({ ledger, email: mail, sms: texts, logger, now: clock.now });
  return { clock, ledger, mail, texts, dispatcher, lines };
}

describe('NotificationDispatcher', () => {
  it('sends a pending e-mail and SMS once and records them sent', async () => {
    const { ledger, mail, texts, dispatcher } = setup();
    ledger.add(email('n1:email'));
    ledger.add(sms('n1:sms'));
    expect(await dispatcher.pass()).toMatchObject({ sent: 2 });
    expect(mail.sent.map((m) => m.id)).toEqual(['n1:email']);
    expect(texts.sent.map((m) => m.id)).toEqual(['n1:sms']);
    expect(ledger.state('n1:email')).toMatchObject({ state: 'sent', attempts: 1, messageId: '<n1:email@test>' });
    expect(ledger.state('n1:email').leaseUntil).toBeUndefined();
    expect(await dispatcher.pass()).toMatchObject({ sent: 0 });
    expect(mail.sent).toHaveLength(1);
  });

  it('retries a provably unsent message after the backoff, not before', async () => {
    const { clock, ledger, mail, dispatcher } = setup();
    ledger.add(email('n2:email'));
    mail.answers.push(new DeliveryError('refused', 'not_sent_retryable', 'ECONNREFUSED at connect'));
    expect(await dispatcher.pass()).toMatchObject({ retrying: 1 });
    expect(ledger.state('n2:email')).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'ECONNREFUSED at connect',
    });
    clock.advance(DEFAULT_RETRY_POLICY.baseDelayMs - 1);
    expect(await dispatcher.pass()).toMatchObject({ sent: 0 });
    expect(mail.sent).toHaveLength(0);
    clock.advance(1);
    expect(await dispatcher.pass()).toMatchObject({ sent: 1 });
    expect(ledger.state('n2:email')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(mail.sent).toHaveLength(1);
  });

  it('backs off exponentially up to the cap and gives up after maxAttempts', async () => {
    expect([1, 2, 3].map((a) => retryDelayMs(DEFAULT_RETRY_POLICY, a))).toEqual([30_000, 60_000, 120_000]);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 20)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
    const { clock, ledger, mail, dispatcher } = setup();
    ledger.add(email('n3:email'));
    for (let i = 0; i < DEFAULT_RETRY_POLICY.maxAttempts; i += 1) {
      mail.answers.push(new DeliveryError('greylisted', 'not_sent_retryable', 'smtp 451 at RCPT TO'));
      await dispatcher.pass();
      clock.advance(DEFAULT_RETRY_POLICY.maxDelayMs);
    }
    expect(ledger.state('n3:email')).toMatchObject({ state: 'failed', attempts: DEFAULT_RETRY_POLICY.maxAttempts });
    expect(await dispatcher.pass()).toMatchObject({ sent: 0 });
    expect(mail.sent).toHaveLength(0);
  });

  it('does not retry a permanent refusal', async () => {
    const { clock, ledger, mail, dispatcher } = setup();
    ledger.add(email('n4:email'));
    mail.answers.push(new DeliveryError('no such user', 'not_sent_permanent', 'smtp 550 at RCPT TO'));
    expect(await dispatcher.pass()).toMatchObject({ failed: 1 });
    clock.advance(DEFAULT_RETRY_POLICY.maxDelayMs);
    await dispatcher.pass();
    expect(ledger.state('n4:email')).toMatchObject({ state: 'failed', attempts: 1, lastError: 'smtp 550 at RCPT TO' });
  });

  it('marks an unknown outcome (or any unclassified error) uncertain and never resends it', async () => {
    const { clock, ledger, mail, dispatcher } = setup();
    ledger.add(email('n5:email'));
    ledger.add(email('n6:email'));
    mail.answers.push(new DeliveryError('lost after DATA', 'unknown', 'ECONNRESET during message'));
    mail.answers.push(new TypeError('something unexpected'));
    expect(await dispatcher.pass()).toMatchObject({ uncertain: 2 });
    clock.advance(DEFAULT_RETRY_POLICY.maxDelayMs * 10);
    await dispatcher.pass();
    expect(ledger.state('n5:email')).toMatchObject({ state: 'uncertain', attempts: 1 });
    expect(ledger.state('n6:email')).toMatchObject({ state: 'uncertain', attempts: 1, lastError: 'TypeError' });
    expect(mail.sent).toHaveLength(0);
  });

  it('an attempt left in `sending` by a dead process becomes uncertain once its lease ran out, and is not sent', async () => {
    const { clock, ledger, mail, dispatcher } = setup();
    ledger.add(email('n7:email'), {
      state: 'sending',
      attempts: 1,
      version: 2,
      leaseUntil: new Date(clock.now().getTime() + 60_000),
    });
    expect(await dispatcher.pass()).toMatchObject({ abandoned: 0, sent: 0 });
    expect(ledger.state('n7:email').state).toBe('sending');
    clock.advance(60_001);
    expect(await dispatcher.pass()).toMatchObject({ abandoned: 1, sent: 0 });
    expect(ledger.state('n7:email')).toMatchObject({ state: 'uncertain', attempts: 1 });
    clock.advance(DEFAULT_RETRY_POLICY.maxDelayMs);
    await dispatcher.pass();
    expect(mail.sent).toHaveLength(0);
  });

  it('claims before sending: an entry another dispatcher claimed first is skipped', async () => {
    const { ledger, mail, dispatcher, clock } = setup();
    ledger.add(email('n8:email'));
    const other = new NotificationDispatcher({ ledger, email: mail, logger: logSink().logger, now: clock.now });
    let release!: () => void;
    mail.onSend = () => new Promise<void>((r) => (release = r));
    const first = other.pass();
    await new Promise((r) => setImmediate(r));
    mail.onSend = undefined;
    expect(await dispatcher.pass()).toMatchObject({ sent: 0 });
    release();
    expect(await first).toMatchObject({ sent: 1 });
    expect(mail.sent).toHaveLength(1);
  });

  it('logs recipients masked, never the full address or number', async () => {
    const { ledger, mail, dispatcher, lines } = setup();
    ledger.add(email('n9:email'));
    ledger.add(sms('n9:sms'));
    mail.answers.push(new DeliveryError('refused', 'not_sent_retryable', 'ECONNREFUSED at connect'));
    await dispatcher.pass();
    const log = lines.join('');
    expect(log).toContain('z******n@example.cn');
    expect(log).toContain('139****5678');
    expect(log).not.toContain('zhangsan@example.cn');
    expect(log).not.toContain('13912345678');
  });
});
