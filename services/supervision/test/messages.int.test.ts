import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { eventsV1, supervisionV1 } from '@govhall/proto';
import { ID_NUMBER_IN_TEXT, MOBILE_IN_TEXT } from '@govhall/identifiers';
import { grpcFailure, stack, stackMailbox, uniqueSuffix, waitFor } from '@govhall/testing';
import { SIGNAL_TOPIC, startOrderWorld, type OrderWorld, type Staff } from './order-world';

// Signals told to people (S16, ADR 0045) against the real stack: supervision (its own process, reading its own
// signal topic) messages each recipient in its site messages and mails the supervision office's mailbox through
// @govhall/notify over SMTP to the stack's Mailpit. Time moves by CLOCK_FILE; a duplicate SignalRaised is put on the
// topic by the test.
const pb = supervisionV1;
const office = `office-${uniqueSuffix()}@supervision.local`;
const mailbox = stackMailbox();
const kafka = new Kafka({
  clientId: 'supervision-messages-test',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
let w: OrderWorld;

beforeAll(async () => {
  w = await startOrderWorld({ SIGNAL_EMAIL_TO: office, SIGNAL_EMAIL_MIN_LEVEL: 'yellow' });
  w.setDay('2026-03-12');
  await producer.connect();
}, 240_000);

afterAll(async () => {
  await producer.disconnect();
  await w?.stop();
});

/** The person's messages about one matter (the world's probe orders are told too). */
const messagesOf = async (who: Staff, matterId?: string, unreadOnly = false) =>
  (
    await w.call<supervisionV1.ListMyMessagesRequest, supervisionV1.ListMyMessagesResponse>(
      'messages',
      'listMyMessages',
      pb.ListMyMessagesRequest.fromPartial({ unreadOnly, page: { pageSize: 100 } }),
      who,
    )
  ).messages.filter((m) => !matterId || m.matterId === matterId);
const SUBJECT = '窗口服务投诉核查';
const officeMails = async () => (await mailbox.to(office)).filter((m) => m.Subject.includes(SUBJECT));

describe('signals messaged to people', () => {
  it('each recipient gets a site message, the office an e-mail in Mailpit; a redelivered SignalRaised adds nothing', async () => {
    const issued = await w.call<supervisionV1.IssueOrderRequest, supervisionV1.IssueOrderResponse>(
      'orders',
      'issueOrder',
      pb.IssueOrderRequest.fromPartial({
        tenant: '620321',
        targetKind: pb.OrderTargetKind.ORDER_TARGET_KIND_WINDOW,
        targetId: 'w-msg-1',
        subject: SUBJECT,
        requirement: '请核查并答复。',
        deadlineWorkingDays: 1,
        responsibleDepartment: '620321-SCJG',
        responsiblePerson: w.usernames.clerk,
        requestId: `messages-${Date.now()}`,
      }),
      'supervisor',
    );
    const id = issued.order!.id;
    // One working day left at once: 预警 (site messages only: the office is mailed from 黄牌 on).
    await waitFor(async () => (await messagesOf('clerk', id)).length === 1, { what: "the clerk's 预警 message" });
    w.setDay('2026-03-16');
    const yellowMail = await waitFor(async () => (await officeMails()).find((m) => m.Subject.includes('【黄牌】')), {
      what: "the office's e-mail",
      timeoutMs: 30_000,
    });
    expect(yellowMail.Subject).toBe('电子监察【黄牌】窗口服务投诉核查');
    const mail = await mailbox.message(yellowMail.ID);
    expect(mail.Text).toContain('已超过督办办理期限1个工作日');
    expect(mail.Text).toContain(`责任人 ${w.usernames.clerk}`);
    // The shared shapes, bounded: a hex signal id may hold an 11-digit run that is no phone number.
    expect(mail.Text).not.toMatch(new RegExp(`${MOBILE_IN_TEXT}|${ID_NUMBER_IN_TEXT}`));

    for (const [who, relation] of [
      ['clerk', 'responsible'],
      ['head', 'department_head'],
      ['supervisor', 'supervisor'],
    ] as const) {
      const got = await waitFor(
        async () => {
          const m = await messagesOf(who, id);
          return m.length === 2 ? m : undefined;
        },
        { what: `${who}'s messages` },
      );
      expect(got.map((m) => [m.level, m.relation])).toEqual([
        [pb.SignalLevel.SIGNAL_LEVEL_YELLOW, relation],
        [pb.SignalLevel.SIGNAL_LEVEL_WARNING, relation],
      ]);
      expect(got[0]!.title).toBe('【黄牌】窗口服务投诉核查');
    }
    // Nobody outside the signal's recipients is told.
    expect(await messagesOf('sibling')).toEqual([]);

    // The yellow SignalRaised delivered again (a new envelope, so the inbox lets it through): nothing new.
    const raised = await waitFor(
      async () =>
        w.events
          .of(SIGNAL_TOPIC, id, 'govhall.supervision.v1.SignalRaised')
          .find(
            (e) =>
              supervisionV1.SignalRaised.decode(e.envelope.payload).signal?.level ===
              pb.SignalLevel.SIGNAL_LEVEL_YELLOW,
          ),
      { what: 'the yellow SignalRaised on the topic' },
    );
    await producer.send({
      topic: SIGNAL_TOPIC,
      messages: [
        {
          key: id,
          value: Buffer.from(eventsV1.EventEnvelope.encode({ ...raised.envelope, id: randomUUID() }).finish()),
        },
      ],
    });
    // The marker on the same partition (key = the order): a reply clears, a return raises 黄牌 again (a new signal).
    await w.call('orders', 'replyToOrder', { id, text: '已核查。', version: 1 }, 'clerk');
    await w.call('orders', 'returnOrder', { id, reason: '请补充核查材料', version: 2 }, 'supervisor');
    const marker = `${id}.promised.exceeded.2`;
    await waitFor(async () => (await messagesOf('clerk', id)).some((m) => m.signalId === marker), {
      what: 'the marker message',
    });
    await waitFor(
      async () => {
        for (const m of await officeMails()) if ((await mailbox.message(m.ID)).Text.includes(marker)) return true;
        return false;
      },
      { what: "the marker's e-mail" },
    );
    expect(await messagesOf('clerk', id)).toHaveLength(3);
    expect((await officeMails()).map((m) => m.Subject)).toEqual([
      '电子监察【黄牌】窗口服务投诉核查',
      '电子监察【黄牌】窗口服务投诉核查',
    ]);
  }, 120_000);

  it('a member of staff marks their own message read; another person cannot', async () => {
    const [first] = await messagesOf('clerk');
    const other = await grpcFailure(w.call('messages', 'markMessageRead', { id: first!.id }, 'head'));
    expect(other.code).toBe(status.NOT_FOUND);
    const bad = await grpcFailure(w.call('messages', 'markMessageRead', { id: 'not an id' }, 'clerk'));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations[0]).toMatchObject({ path: 'id', message: '消息标识格式不正确' });
    const read = await w.call<supervisionV1.MarkMessageReadRequest, supervisionV1.MarkMessageReadResponse>(
      'messages',
      'markMessageRead',
      { id: first!.id },
      'clerk',
    );
    expect(read.message!.readAt).toBeDefined();
    expect((await messagesOf('clerk', undefined, true)).map((m) => m.id)).not.toContain(first!.id);
  }, 60_000);
});
