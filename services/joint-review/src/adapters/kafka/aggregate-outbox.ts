import type { Principal } from '@govhall/auth';
import {
  actorFromPrincipal,
  buildEnvelope,
  toOutboxMessage,
  type MessageFns,
  type OutboxMessage,
} from '@govhall/kafka';
import { commonV1 } from '@govhall/proto';

/** The envelope's type is the payload's full proto name (events.proto). */
const PACKAGE = 'govhall.joint_review.v1';

/** The service itself acting (the case stream, the transfer, the reporters). */
export const SYSTEM: commonV1.Actor = {
  kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
  subject: '',
  username: 'joint-review',
  tenant: '',
  roles: [],
  department: '',
  onBehalfOf: '',
};

/** Encodes one event's payload with its codec into an outbox message. */
export type Encode = <T>(codec: MessageFns<T>, payload: T) => OutboxMessage;

/**
 * An aggregate's domain events as outbox messages in the shared envelope, in order: on `topic`, keyed by the
 * aggregate id, with its stored version and time of change, and who acted (the service itself when `actor` is
 * undefined). `toMessage` picks each event's codec and payload.
 */
export function aggregateOutbox<E extends { type: string }>(
  topic: string,
  events: readonly E[],
  aggregate: { id: string; tenant: string; version: number; updatedAt: Date },
  actor: Principal | undefined,
  toMessage: (event: E, encode: Encode) => OutboxMessage,
): OutboxMessage[] {
  return events.map((e) =>
    toMessage(e, (codec, payload) =>
      toOutboxMessage(
        topic,
        buildEnvelope({
          type: `${PACKAGE}.${e.type}`,
          codec,
          payload,
          tenant: aggregate.tenant,
          aggregateId: aggregate.id,
          aggregateVersion: aggregate.version,
          actor: actor ? actorFromPrincipal(actor) : SYSTEM,
          occurredAt: aggregate.updatedAt,
        }),
      ),
    ),
  );
}
