import type { Principal } from '@govhall/auth';
import {
  actorFromPrincipal,
  buildEnvelope,
  systemActor,
  toOutboxMessage,
  type MessageFns,
  type OutboxMessage,
} from '@govhall/kafka';

/** What the service's aggregates have in common: an id (the key), a tenant and a version. */
interface Aggregate {
  id: string;
  tenant: string;
  version: number;
}

/**
 * The outbox messages of one aggregate's events on `topic`, in the shared envelope: payload type
 * `govhall.complaints.v1.<event type>`, the aggregate's id as key, its version; the acting person, or the service
 * itself (a sweep, an anonymous caller).
 */
export function aggregateOutbox<E extends { type: string; at: Date }, A extends Aggregate, P>(options: {
  topic: string;
  codecs: Record<E['type'], MessageFns<P>>;
  aggregateOf: (event: E) => A;
  payloadOf: (aggregate: A) => P;
}): (events: E[], actor: Principal | undefined) => OutboxMessage[] {
  return (events, actor) =>
    events.map((event) => {
      const aggregate = options.aggregateOf(event);
      return toOutboxMessage(
        options.topic,
        buildEnvelope({
          type: `govhall.complaints.v1.${event.type}`,
          codec: options.codecs[event.type as E['type']],
          payload: options.payloadOf(aggregate),
          tenant: aggregate.tenant,
          aggregateId: aggregate.id,
          aggregateVersion: aggregate.version,
          actor: actor?.username ? actorFromPrincipal(actor) : systemActor('complaints'),
          occurredAt: event.at,
        }),
      );
    });
}
