import { buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { commonV1, supervisionV1 } from '@govhall/proto';
import type { Signal } from '../../domain/signals/signal';
import { toProtoSignal } from '../proto/clocks.mapper';

/** Topic of signal raises and clears; key = matter id. Listed in deploy/kafka/topics.txt. */
export const SIGNAL_TOPIC = 'govhall.supervision.signal';

/** Supervision itself acting (its clocks and timer). */
const SUPERVISION = {
  kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
  subject: '',
  username: 'supervision',
  tenant: '',
  roles: [],
  department: '',
  onBehalfOf: '',
};

/** SignalRaised or SignalCleared of a signal, as an outbox message of its document. */
export function signalMessage(kind: 'raised' | 'cleared', signal: Signal, at: Date): OutboxMessage {
  const payload = { signal: toProtoSignal(signal) };
  const envelope =
    kind === 'raised'
      ? buildEnvelope({
          type: 'govhall.supervision.v1.SignalRaised',
          codec: supervisionV1.SignalRaised,
          payload,
          ...meta(signal, at, 1),
        })
      : buildEnvelope({
          type: 'govhall.supervision.v1.SignalCleared',
          codec: supervisionV1.SignalCleared,
          payload,
          ...meta(signal, at, 2),
        });
  return toOutboxMessage(SIGNAL_TOPIC, envelope);
}

function meta(signal: Signal, at: Date, version: number) {
  // Keyed by matter, so a matter's raises and clears stay in order; version 1 raised, 2 cleared.
  return {
    tenant: signal.tenant,
    aggregateId: signal.matterId,
    aggregateVersion: version,
    actor: SUPERVISION,
    occurredAt: at,
  };
}
