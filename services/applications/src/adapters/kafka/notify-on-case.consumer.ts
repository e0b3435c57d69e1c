import { startConsumer, type DeliveryOptions, type Consumer, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { applicationsV1 } from '@govhall/proto';
import { paymentState, transition as transitionCodec } from '../grpc/case-enums';
import { notificationFacts, notificationKind } from '../notify/case-notification-facts';
import { CASE_TOPIC } from './case-events';
import { RECTIFICATION_CLOSING_TYPES, RECTIFICATION_TOPIC, rectificationNotifier } from './notify-on-rectification';
import { centerNameOf, tellApplicant, type NotifierDeps } from './tell-applicant';

export type { NotifierDeps } from './tell-applicant';

/** The topics the notifier reads: the service's own case stream and the complaints service's rectifications. */
export const NOTIFIER_TOPICS = [CASE_TOPIC, RECTIFICATION_TOPIC] as const;

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
    const facts = notificationFacts(kind, event, c, {
      centerName: await centerNameOf(deps.core, c),
      progressUrl: deps.progressUrl(c.caseNumber),
    });
    await tellApplicant(deps, envelope.id, c, facts, envelope.occurredAt ?? deps.core.clock.now());
  };
}

/**
 * The notifier: reads the service's own case stream (caseTransitionNotifier for each transition event) and the
 * complaints service's rectifications (rectificationNotifier: the outcome of a rectification of the applicant's bad
 * rating of their case, ADR 0065).
 */
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
  const rectified = rectificationNotifier(deps);
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [...NOTIFIER_TOPICS],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_notifier'),
    handlers: {
      'govhall.applications.v1.CaseTransitioned': ({ envelope }) => handle(envelope),
      ...Object.fromEntries(RECTIFICATION_CLOSING_TYPES.map((type) => [type, ({ envelope }) => rectified(envelope)])),
    },
    ...deps.delivery,
  });
}
