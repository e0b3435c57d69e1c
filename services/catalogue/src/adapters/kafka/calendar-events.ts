import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { catalogueV1 } from '@govhall/proto';
import type { CalendarChangedEvent } from '../../usecases/calendar.ports';
import { toProtoOverride } from '../grpc/calendar.mapper';

/** Topic of the tenants' calendar changes; key = tenant code. Listed in deploy/kafka/topics.txt. */
export const CALENDAR_TOPIC = 'govhall.catalogue.calendar';

/** Translates calendar events into outbox messages carrying the shared envelope (aggregate = the tenant). */
export function toOutbox(events: CalendarChangedEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) =>
    toOutboxMessage(
      CALENDAR_TOPIC,
      buildEnvelope({
        type: 'govhall.catalogue.v1.CalendarChanged',
        codec: catalogueV1.CalendarChanged,
        payload: {
          tenant: event.tenant,
          year: Number(event.override.date.slice(0, 4)),
          override: toProtoOverride(event.override),
          set: event.set,
        },
        tenant: event.tenant,
        aggregateId: event.tenant,
        aggregateVersion: event.version,
        actor: actorFromPrincipal(actor),
        occurredAt: event.occurredAt,
      }),
    ),
  );
}
