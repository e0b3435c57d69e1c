import { startConsumer, type Consumer, type DeliveryOptions, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { paymentsV1 } from '@govhall/proto';
import type { NoticeFacts, NoticeOutcome } from '../../domain/payment';

/** The payments service's notice stream (key = notice id), listed in deploy/kafka/topics.txt. */
export const PAYMENT_NOTICE_TOPIC = 'govhall.payments.notice';

const TYPE = (name: string) => `govhall.payments.v1.${name}`;

export interface PaymentNoticeUseCases {
  /** NoticeIssued: the approved case waits for payment (await-payment). */
  awaitPayment(notice: NoticeFacts): Promise<boolean>;
  /** NoticePaid / NoticeWaived / NoticeCancelled (settle-payment). */
  settlePayment(notice: NoticeFacts, outcome: NoticeOutcome): Promise<boolean>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/**
 * The case's view of a notice. A notice without a case, or whose total is not a whole number of fen the platform can
 * hold exactly, is a broken contract: it fails (and goes to the dead letters after the retries) rather than moving a
 * case on a wrong amount.
 */
export function noticeFacts(envelope: { tenant: string }, notice: paymentsV1.Notice | undefined): NoticeFacts {
  if (!notice?.id || !notice.caseId) throw new Error('payment notice event without a notice or its case');
  if (!Number.isSafeInteger(notice.totalFen) || notice.totalFen < 0) {
    throw new Error(`payment notice ${notice.id}: total is not a whole number of fen`);
  }
  return {
    noticeId: notice.id,
    // The envelope's tenant is the notice's (the payments service writes both); the case must be of the same.
    tenant: notice.tenant || envelope.tenant,
    caseId: notice.caseId,
    number: notice.number,
    paymentCode: notice.paymentCode,
    totalFen: notice.totalFen,
    deadline: notice.deadline,
  };
}

type Envelope = { tenant: string; payload: Uint8Array };

/** What the consumer does with each notice event it takes (exported for the unit test). */
export function paymentNoticeHandlers(
  uc: PaymentNoticeUseCases,
): Record<string, (envelope: Envelope) => Promise<void>> {
  const settle = (outcome: NoticeOutcome, decode: (bytes: Uint8Array) => { notice?: paymentsV1.Notice }) => {
    return async (envelope: Envelope) => {
      if (await uc.settlePayment(noticeFacts(envelope, decode(envelope.payload).notice), outcome)) uc.afterWrite();
    };
  };
  return {
    [TYPE('NoticeIssued')]: async (envelope) => {
      const { notice } = paymentsV1.NoticeIssued.decode(envelope.payload);
      if (await uc.awaitPayment(noticeFacts(envelope, notice))) uc.afterWrite();
    },
    [TYPE('NoticePaid')]: settle('paid', (b) => paymentsV1.NoticePaid.decode(b)),
    [TYPE('NoticeWaived')]: settle('waived', (b) => paymentsV1.NoticeWaived.decode(b)),
    [TYPE('NoticeCancelled')]: settle('cancelled', (b) => paymentsV1.NoticeCancelled.decode(b)),
  };
}

/**
 * Reads govhall.payments.notice in its own consumer group, with an inbox so a redelivered event is handled once (the
 * use cases are idempotent besides: they act only on a case in the state that notice expects). Other notice events
 * (assessment parts, slips, refused mark-paid attempts) are acknowledged and ignored.
 */
export function startPaymentNoticeConsumer(
  uc: PaymentNoticeUseCases,
  deps: {
    kafka: Kafka;
    connection: Connection;
    logger: Logger;
    groupId: string;
    delivery: DeliveryOptions;
  },
): Promise<Consumer> {
  const handlers = Object.fromEntries(
    Object.entries(paymentNoticeHandlers(uc)).map(([type, handle]) => [
      type,
      ({ envelope }: { envelope: Envelope }) => handle(envelope),
    ]),
  );
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [PAYMENT_NOTICE_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_payment_notices'),
    handlers,
    ...deps.delivery,
  });
}
