import { randomInt, randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { buildEnvelope, createKafka, createProducer, encodeEnvelope, type Producer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { toDocument } from '@govhall/mongo';
import { applicationsV1, commonV1, paymentsV1 } from '@govhall/proto';
import {
  grpcFailure,
  stack,
  startEventReader,
  startGroupAtTopicEnd,
  startMailServer,
  userToken,
  waitFor,
  type EventReader,
  type MailServerUnderTest,
} from '@govhall/testing';
import { validItemFixture } from '../../catalogue/src/domain/item.test-double';
import type { Case, CaseStep, Deadline } from '../src/domain/case';
import { draftCase } from '../src/domain/case.test-double';
import { CasesWorld, SCJG, TENANT, newPhone, type Applicant } from './cases-world';
import { NOTIFIER_TOPICS } from '../src/adapters/kafka/notify-on-case.consumer';

// 收缴分离 on the cases side against the real stack: the test publishes the payments service's notice events to
// govhall.payments.notice itself (in the shared envelope, as that service's relay would), and the cases service —
// its own process with its own consumer group — holds the approved case while the notice is due, refuses the result
// meanwhile, releases it once paid (exactly once, however often NoticePaid arrives), and tells the applicant by
// e-mail and SMS (a private Mailpit). The case is put straight into the service's database as the window and the
// decision leave it (as handling.int.test.ts does); the item, with a fee line, into the catalogue's.
const NOTICE_TOPIC = 'govhall.payments.notice';
const world = new CasesWorld({ name: 'payments', tag: 'p', events: true, clock: true });
const itemId = randomUUID();
const paymentsGroup = `applications-payments-p${world.suffix}`;
const notifierGroup = `applications-notifier-p${world.suffix}`;
let applicant: Applicant;
let producer: Producer;
let notices: EventReader;
let mail: MailServerUnderTest;

/** Noon in China of a day (the cases service's clock). */
const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;

beforeAll(async () => {
  await world.start();
  // Creates the notice topic if the running broker predates it; the service's group starts at its end.
  notices = await startEventReader([{ topic: NOTICE_TOPIC, partitions: 3 }]);
  await startGroupAtTopicEnd(paymentsGroup, [NOTICE_TOPIC]);
  await startGroupAtTopicEnd(notifierGroup, [...NOTIFIER_TOPICS]);
  mail = await startMailServer();
  const item = validItemFixture({ id: itemId, seriesId: itemId, status: 'published', version: 3 });
  item.content.fees = [
    {
      name: '食品经营许可证工本费',
      legalBasis: '《行政事业性收费标准管理办法》',
      amountFen: 55_010,
      formula: '',
      reductions: '',
      feeCode: 'SPJY-GBF',
    },
  ];
  await world.mongo
    .db(world.catalogue.db)
    .collection('items')
    .insertOne(toDocument(item, { idempotencyKey: `fx-${item.id}`, outbox: [] }) as never);
  applicant = await world.registerPerson('孙缴费');
  await world.startApplications({
    GOVHALL_TENANTS: TENANT,
    PAYMENTS_GROUP_ID: paymentsGroup,
    NOTIFIER_GROUP_ID: notifierGroup,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.smtpPort),
  });
  producer = await createProducer(
    createKafka('payments-test', stack.kafkaBrokers.split(','), createLogger('test', 'warn')),
  );
}, 300_000);

afterAll(async () => {
  world.setClock();
  await producer?.disconnect();
  await notices?.stop();
  await mail?.stop();
  await world.stop();
});

const deadline = (startDate: string, limit: number, dueDate: string): Deadline => ({
  dueDate,
  startDate,
  limitWorkingDays: limit,
  extensionWorkingDays: 0,
  suspendedWorkingDays: 0,
  provisional: false,
  skipped: [],
  explanation: '',
});

/**
 * An approved case of the fee item, accepted on Monday 2026-10-26: promised 10 working days (due 11-09), statutory
 * 20 (due 11-23), 审查 and 决定 done, 制证送达 active since 11-02 (due 11-03).
 */
async function approvedCase(contact: { mobile: string; email: string }): Promise<Case> {
  const workflow = validItemFixture().content.workflow;
  const steps: CaseStep[] = workflow.map((s, index) => ({
    index,
    name: s.name,
    role: s.role,
    budgetWorkingDays: s.budgetWorkingDays,
    department: SCJG,
    state: index < 3 ? 'done' : 'active',
    dueDate: index === 3 ? '2026-11-03' : '',
    handledBy: index < 3 ? 'yc-clerk' : '',
    opinion: '',
  }));
  const c = draftCase({
    id: randomUUID(),
    caseNumber: `62032120261026${String(randomInt(1e4)).padStart(4, '0')}`,
    status: 'approved',
    version: 7,
    itemId,
    itemName: '食品经营许可',
    itemBasicCode: validItemFixture().basicCode,
    department: SCJG,
    windowId: 'w-1',
    applicant: {
      kind: 'natural_person',
      personId: applicant.person.id,
      name: '孙缴费',
      idCode: applicant.idNumber,
      subject: applicant.person.subject,
      agentPersonId: '',
      agentName: '',
      agentSubject: '',
      agentGrantId: '',
    },
    contact,
    createdBy: applicant.idNumber,
    steps,
    clocks: {
      receivedDate: '2026-10-23',
      acceptedDate: '2026-10-26',
      noticeDueDate: '',
      promised: deadline('2026-10-26', 10, '2026-11-09'),
      statutory: deadline('2026-10-26', 20, '2026-11-23'),
    },
    decision: { outcome: 'approved', reasons: [], remedies: [], decidedBy: 'yc-approver', decidedAt: new Date() },
    submittedAt: new Date('2026-10-23T02:00:00Z'),
  });
  await world
    .collection('cases')
    .insertOne(toDocument(c, { idempotencyKey: `fx-${c.id}`, ownerSubject: c.applicant.subject, outbox: [] }) as never);
  return c;
}

/** The payments service's notice of the case: 550.10 yuan, due by 2026-11-16. */
function notice(c: Case, state: paymentsV1.NoticeState): paymentsV1.Notice {
  return paymentsV1.Notice.fromPartial({
    id: `notice-${c.id}`,
    tenant: TENANT,
    caseId: c.id,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    state,
    number: '永昌县政务服务中心缴〔2026〕00012号',
    paymentCode: '62032126110200001237',
    payerName: '孙**',
    totalFen: 55_010,
    totalCapitals: '人民币伍佰伍拾元壹角整',
    deadline: '2026-11-16',
    version: 1,
  });
}

/** A notice event in the shared envelope, as the payments service's outbox relay publishes it (key = notice id). */
async function publish<T>(
  type: 'NoticeIssued' | 'NoticePaid',
  codec: { encode(m: T): { finish(): Uint8Array }; decode(b: Uint8Array): T },
  payload: T & { notice?: paymentsV1.Notice },
  version: number,
  again?: ReturnType<typeof buildEnvelope>,
) {
  const envelope =
    again ??
    buildEnvelope({
      type: `govhall.payments.v1.${type}`,
      codec,
      payload,
      tenant: TENANT,
      aggregateId: payload.notice!.id,
      aggregateVersion: version,
      actor: {
        kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
        subject: '',
        username: 'payments',
        tenant: '',
        roles: [],
        department: '',
        onBehalfOf: '',
      },
    });
  await producer.send({
    topic: NOTICE_TOPIC,
    messages: [{ key: envelope.aggregateId, value: encodeEnvelope(envelope) }],
  });
  return envelope;
}

/** Once the service's consumer recorded the event as handled (its inbox; events of one notice come in order). */
const handled = (envelopeId: string) =>
  waitFor(
    async () => (await world.collection('inbox_payment_notices').countDocuments({ _id: envelopeId as never })) > 0,
    { timeoutMs: 60_000, what: `the notice event ${envelopeId} to be handled` },
  );

type CaseAnswer = { case?: applicationsV1.Case };
const S = applicationsV1.CaseStatus;

describe('a case waiting for its payment (收缴分离)', () => {
  it('holds the approved case while the notice is due, refuses the result, releases it once paid (exactly once) and tells the applicant', async () => {
    const email = `pay-${world.suffix}@example.cn`;
    const mobile = newPhone();
    const c = await approvedCase({ mobile, email });
    const clerk = await userToken('yc-clerk');
    const getCase = async () =>
      (await world.call<applicationsV1.GetCaseRequest, CaseAnswer>('getCase', { id: c.id }, clerk)).case!;
    const issue = (expectedVersion: number) =>
      world.call<applicationsV1.IssueResultRequest, applicationsV1.IssueResultResponse>(
        'issueResult',
        {
          id: c.id,
          expectedVersion,
          validUntil: '',
          deliveryMethod: applicationsV1.DeliveryMethod.DELIVERY_METHOD_WINDOW_PICKUP,
          address: '',
        },
        clerk,
      );

    // Before any notice: the fee is still being assessed, no result.
    const early = await grpcFailure(issue(7));
    expect([early.code, early.reason]).toEqual([status.FAILED_PRECONDITION, 'PAYMENT_OUTSTANDING']);

    // Monday 2026-11-02: the notice is issued → AWAITING_PAYMENT.
    world.setClock(chinaNoon('2026-11-02'));
    const issued = await publish(
      'NoticeIssued',
      paymentsV1.NoticeIssued,
      { notice: notice(c, paymentsV1.NoticeState.NOTICE_STATE_ISSUED) },
      2,
    );
    await handled(issued.id);
    const waiting = await getCase();
    expect(waiting.status).toBe(S.CASE_STATUS_AWAITING_PAYMENT);
    expect(waiting.payment).toEqual({
      noticeId: `notice-${c.id}`,
      noticeNumber: '永昌县政务服务中心缴〔2026〕00012号',
      paymentCode: '62032126110200001237',
      totalFen: 55_010,
      deadline: '2026-11-16',
      state: applicationsV1.PaymentState.PAYMENT_STATE_DUE,
      waits: [{ from: '2026-11-02', to: '' }],
    });
    const refused = await grpcFailure(issue(Number(waiting.version)));
    expect([refused.code, refused.reason]).toEqual([status.FAILED_PRECONDITION, 'PAYMENT_OUTSTANDING']);
    expect(refused.message).toContain('永昌县政务服务中心缴〔2026〕00012号');

    // Wednesday 11-04: the bank confirmed. NoticePaid arrives three times: the same envelope twice (a redelivery),
    // then a second envelope of the same fact (the payments relay after a crash). The last one is the barrier: the
    // notice's events are in one partition, handled in order.
    world.setClock(chinaNoon('2026-11-04'));
    const paidNotice = { notice: notice(c, paymentsV1.NoticeState.NOTICE_STATE_PAID) };
    const paid = await publish('NoticePaid', paymentsV1.NoticePaid, paidNotice, 3);
    await publish('NoticePaid', paymentsV1.NoticePaid, paidNotice, 3, paid);
    const paidAgain = await publish('NoticePaid', paymentsV1.NoticePaid, paidNotice, 3);
    await handled(paidAgain.id);

    const released = await getCase();
    expect(released.status).toBe(S.CASE_STATUS_APPROVED);
    expect(released.payment).toMatchObject({
      state: applicationsV1.PaymentState.PAYMENT_STATE_PAID,
      waits: [{ from: '2026-11-02', to: '2026-11-04' }],
    });
    // Held [11-02, 11-04): 2 working days. The promised date moves 11-09 → 11-11; the statutory one stays.
    expect(released.clocks!.promised).toMatchObject({ dueDate: '2026-11-11', suspendedWorkingDays: 2 });
    expect(released.clocks!.statutory!.dueDate).toBe('2026-11-23');
    // 制证送达 had 2 working days left when the wait began (11-02, 11-03): now 11-04, 11-05.
    expect(released.steps[3]).toMatchObject({ dueDate: '2026-11-05' });

    // The result now; one PAYMENT_REQUESTED and one PAYMENT_SETTLED on the case stream.
    const done = await issue(Number(released.version));
    expect(done.case!.status).toBe(S.CASE_STATUS_COMPLETED);
    const transitions = (await world.transitions(c.id, 3)).map((t) => applicationsV1.Transition[t.transition]);
    expect(transitions).toEqual([
      'TRANSITION_PAYMENT_REQUESTED',
      'TRANSITION_PAYMENT_SETTLED',
      'TRANSITION_RESULT_ISSUED',
    ]);
    const settledEvent = (await world.transitions(c.id, 3))[1]!;
    expect(settledEvent.facts).toMatchObject({ status: S.CASE_STATUS_APPROVED, clockRunning: true });
    expect(settledEvent.payment).toMatchObject({ state: applicationsV1.PaymentState.PAYMENT_STATE_PAID });

    // The applicant's e-mails and SMS (the local SMS stand-in delivers to <mobile>@sms.local): due, then received.
    const mails = await waitFor(
      async () => {
        const list = await mail.mailbox.to(email);
        return list.length >= 3 ? list : undefined;
      },
      { timeoutMs: 60_000, what: 'the payment e-mails' },
    );
    const due = mails.find((m) => m.Subject.includes('缴费通知'))!;
    const dueText = (await mail.mailbox.message(due.ID)).Text;
    expect(dueText).toContain('缴款码：62032126110200001237');
    expect(dueText).toContain('应缴金额：人民币550.10元');
    expect(dueText).toContain('缴款期限：2026年11月16日前');
    const received = mails.find((m) => m.Subject.includes('缴费确认'))!;
    expect((await mail.mailbox.message(received.ID)).Text).toContain('人民币550.10元已由银行确认到账');
    const sms = await waitFor(
      async () => {
        const list = await mail.mailbox.to(`${mobile}@sms.local`);
        return list.length >= 3 ? list : undefined;
      },
      { timeoutMs: 60_000, what: 'the payment SMS' },
    );
    const texts = await Promise.all(sms.map(async (m) => (await mail.mailbox.message(m.ID)).Text));
    expect(texts.filter((t) => t.includes('缴款码62032126110200001237'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('已确认到账'))).toHaveLength(1);
    // Exactly one of each, however often NoticePaid came.
    expect(mails.filter((m) => m.Subject.includes('缴费确认'))).toHaveLength(1);
    expect(mails.filter((m) => m.Subject.includes('缴费通知'))).toHaveLength(1);
  });
});
