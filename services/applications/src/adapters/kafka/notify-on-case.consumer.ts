import { startConsumer, type ConsumerOptions, type Consumer, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { caseNotifications, type NotificationLedger } from '@govhall/notify';
import { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import { transition as transitionCodec } from '../grpc/case-enums';
import { notificationFacts, notificationKind } from '../notify/case-notification-facts';
import { CASE_TOPIC } from './case-events';

/**
 * The notifier: reads the service's own case stream and puts the applicant's notifications (e-mail and SMS, A15) in
 * the ledger, one per transition event and channel (ids `<event id>:email|sms`, so a redelivered event adds
 * nothing); the dispatcher sends them. Contacts come from the case in this service's database, never from the event.
 */
export async function startNotifier(deps: {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  groupId: string;
  core: Pick<CaseCore, 'cases' | 'editions'>;
  ledger: NotificationLedger;
  progressUrl: (caseNumber: string) => string;
  /** Called after notifications were queued (wakes the dispatcher). */
  queued: () => void;
  delivery: Pick<ConsumerOptions, 'deadLetterTopic' | 'retry' | 'inboxRetentionMs'>;
}): Promise<Consumer> {
  const handler = async ({
    envelope,
  }: {
    envelope: { id: string; payload: Uint8Array; aggregateId: string; tenant: string };
  }) => {
    const event = applicationsV1.CaseTransitioned.decode(envelope.payload);
    const c = await deps.core.cases.findById(envelope.aggregateId);
    if (!c) return;
    const kind = notificationKind(transitionCodec.fromProto(event.transition), c);
    if (!kind || (!c.contact.email && !c.contact.mobile)) return;
    const edition = await deps.core.editions.get(c.itemId);
    const facts = notificationFacts(kind, event, c, {
      centerName: `${edition?.tenantName ?? c.tenant}政务服务中心`,
      progressUrl: deps.progressUrl(c.caseNumber),
    });
    const contacts = { email: c.contact.email || undefined, mobile: c.contact.mobile || undefined };
    let added = 0;
    for (const n of caseNotifications(envelope.id, facts, contacts, envelope.tenant)) {
      if (await deps.ledger.enqueue(n)) added += 1;
    }
    if (added) deps.queued();
  };
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [CASE_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_notifier'),
    handlers: { 'govhall.applications.v1.CaseTransitioned': handler },
    ...deps.delivery,
  });
}
