import { startConsumer, type DeliveryOptions, type Consumer, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { caseNotifications, siteNotification, type NotificationLedger } from '@govhall/notify';
import { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import type { NotificationInbox } from '../../usecases/notifications.ports';
import { paymentState, transition as transitionCodec } from '../grpc/case-enums';
import { notificationFacts, notificationKind } from '../notify/case-notification-facts';
import { CASE_TOPIC } from './case-events';

export interface NotifierDeps {
  core: Pick<CaseCore, 'cases' | 'editions' | 'clock'>;
  ledger: Pick<NotificationLedger, 'enqueue'>;
  /** The applicants' in-site notifications (消息). */
  inbox: Pick<NotificationInbox, 'add'>;
  progressUrl: (caseNumber: string) => string;
  /** Called after notifications were queued (wakes the dispatcher). */
  queued: () => void;
}

/**
 * What the notifier does with one CaseTransitioned event: for a transition the applicant must hear of
 * (`notificationKind`), an in-site notification for whoever filed the case (`<event id>:site`, whether or not they
 * left a contact), and the e-mail and/or SMS in the ledger (`<event id>:email|sms`) when they left one; the
 * dispatcher sends those. One wording for all (@govhall/notify). Ids derive from the event id, so a redelivered event
 * adds nothing. Contacts come from the case in this service's database, never from the event.
 */
export function caseTransitionNotifier(deps: NotifierDeps) {
  return async (envelope: {
    id: string;
    payload: Uint8Array;
    aggregateId: string;
    tenant: string;
    occurredAt?: Date;
  }) => {
    const event = applicationsV1.CaseTransitioned.decode(envelope.payload);
    const c = await deps.core.cases.findById(envelope.aggregateId);
    if (!c) return;
    const settled = event.payment ? paymentState.fromProto(event.payment.state) : undefined;
    const kind = notificationKind(transitionCodec.fromProto(event.transition), c, settled);
    if (!kind) return;
    const edition = await deps.core.editions.get(c.itemId);
    const facts = notificationFacts(kind, event, c, {
      centerName: `${edition?.tenantName ?? c.tenant}政务服务中心`,
      progressUrl: deps.progressUrl(c.caseNumber),
    });
    if (c.applicant.subject) {
      const site = siteNotification(envelope.id, facts);
      await deps.inbox.add({
        ...site,
        recipient: c.applicant.subject,
        tenant: c.tenant,
        caseId: c.id,
        createdAt: envelope.occurredAt ?? deps.core.clock.now(),
      });
    }
    if (!c.contact.email && !c.contact.mobile) return;
    const contacts = { email: c.contact.email || undefined, mobile: c.contact.mobile || undefined };
    let added = 0;
    for (const n of caseNotifications(envelope.id, facts, contacts, envelope.tenant)) {
      if (await deps.ledger.enqueue(n)) added += 1;
    }
    if (added) deps.queued();
  };
}

/** The notifier: reads the service's own case stream (caseTransitionNotifier for each transition event). */
export async function startNotifier(
  deps: NotifierDeps & {
    kafka: Kafka;
    connection: Connection;
    logger: Logger;
    groupId: string;
    delivery: DeliveryOptions;
  },
): Promise<Consumer> {
  const handle = caseTransitionNotifier(deps);
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [CASE_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_notifier'),
    handlers: { 'govhall.applications.v1.CaseTransitioned': ({ envelope }) => handle(envelope) },
    ...deps.delivery,
  });
}
