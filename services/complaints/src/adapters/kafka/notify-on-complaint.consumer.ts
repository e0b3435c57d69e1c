import { startConsumer, type Consumer, type DeliveryOptions, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import type { NewNotification, NotificationLedger } from '@govhall/notify';
import { complaintNotice } from '../../domain/complaints/complaint-notices';
import type { ComplaintRepository } from '../../usecases/complaints/ports';
import { COMPLAINT_TOPIC } from './complaint-events';

export interface ComplaintNotifierDeps {
  complaints: Pick<ComplaintRepository, 'find'>;
  ledger: Pick<NotificationLedger, 'enqueue'>;
  /** The tenant's service center, signing the texts. */
  centerName: (tenant: string) => Promise<string>;
  /** Called after notifications were queued (wakes the dispatcher). */
  queued: () => void;
}

/** The events after which the complainant is told: the refusal, the answer. */
export const TOLD_ON = ['govhall.complaints.v1.ComplaintRejected', 'govhall.complaints.v1.ComplaintReplied'] as const;

/**
 * Tells the complainant (C10): for a refusal or an answer, an e-mail and/or an SMS in the ledger
 * (`<event id>:email|sms`) to the contact given with the complaint, read from this service's database (events carry
 * none), in the words of the event's act. A redelivered event adds nothing; a complaint with no contact is told
 * nothing (an anonymous 举报).
 */
export function complaintNotifier(deps: ComplaintNotifierDeps) {
  return async (envelope: { id: string; type: string; aggregateId: string; tenant: string }) => {
    const stored = await deps.complaints.find(envelope.aggregateId);
    if (!stored || (!stored.complainant.email && !stored.complainant.phone)) return;
    // The notice is of the event's act, whatever came after it: an answer voted on at once is stored closed by the
    // time its ComplaintReplied is read.
    const c = {
      ...stored,
      status: envelope.type.endsWith('ComplaintRejected') ? ('rejected' as const) : ('replied' as const),
    };
    const notice = complaintNotice(c, await deps.centerName(c.tenant));
    if (!notice) return;
    const entries: NewNotification[] = [];
    if (c.complainant.email) {
      entries.push({
        id: `${envelope.id}:email`,
        channel: 'email',
        to: c.complainant.email,
        subject: notice.subject,
        text: notice.emailText,
        tenant: c.tenant,
      });
    }
    if (c.complainant.phone) {
      entries.push({
        id: `${envelope.id}:sms`,
        channel: 'sms',
        to: c.complainant.phone,
        text: notice.smsText,
        tenant: c.tenant,
      });
    }
    let added = 0;
    for (const n of entries) if (await deps.ledger.enqueue(n)) added += 1;
    if (added) deps.queued();
  };
}

/** The notifier: reads the service's own complaint stream (its own group, with an inbox: each event once). */
export function startComplaintNotifier(
  deps: ComplaintNotifierDeps & {
    kafka: Kafka;
    connection: Connection;
    logger: Logger;
    groupId: string;
    delivery: DeliveryOptions;
  },
): Promise<Consumer> {
  const handle = complaintNotifier(deps);
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [COMPLAINT_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_complaint_notifier'),
    handlers: Object.fromEntries(TOLD_ON.map((type) => [type, ({ envelope }) => handle(envelope)])),
    ...deps.delivery,
  });
}
