import { randomUUID } from 'node:crypto';
import { maskText } from '@govhall/logging';
import { context, propagation } from '@opentelemetry/api';
import type { Principal } from '@govhall/auth';
import { eventsV1, commonV1 } from '@govhall/proto';

export interface MessageFns<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

export interface NewEvent<T> {
  /** Fully qualified payload message name, e.g. govhall.catalogue.v1.ItemDraftCreated */
  type: string;
  codec: MessageFns<T>;
  payload: T;
  tenant: string;
  aggregateId: string;
  aggregateVersion: number;
  actor: commonV1.Actor;
  occurredAt?: Date;
}

/** Builds the envelope, capturing the active trace context so the relay continues the same trace. */
export function buildEnvelope<T>(event: NewEvent<T>): eventsV1.EventEnvelope {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    id: randomUUID(),
    type: event.type,
    tenant: event.tenant,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    occurredAt: event.occurredAt ?? new Date(),
    actor: event.actor,
    traceparent: carrier.traceparent ?? '',
    tracestate: carrier.tracestate ?? '',
    payload: Buffer.from(event.codec.encode(event.payload).finish()),
  };
}

export function encodeEnvelope(envelope: eventsV1.EventEnvelope): Buffer {
  return Buffer.from(eventsV1.EventEnvelope.encode(envelope).finish());
}

export function decodeEnvelope(bytes: Uint8Array): eventsV1.EventEnvelope {
  return eventsV1.EventEnvelope.decode(bytes);
}

/** The envelope's actor when a service acts on its own (a timer, a bank's signed message), named `service`. */
export function systemActor(service: string): commonV1.Actor {
  return {
    kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
    subject: '',
    username: service,
    tenant: '',
    roles: [],
    department: '',
    onBehalfOf: '',
  };
}

/** The envelope's actor for the principal that made the change. */
export function actorFromPrincipal(p: Principal): commonV1.Actor {
  return {
    kind: p.kind === 'service' ? commonV1.ActorKind.ACTOR_KIND_SERVICE : commonV1.ActorKind.ACTOR_KIND_USER,
    subject: p.subject,
    // An applicant's username is their ID number: events carry it masked (6203**********123X).
    username: maskText(p.username),
    tenant: p.tenant,
    roles: p.roles,
    department: p.department ?? '',
    onBehalfOf: p.onBehalfOf ?? '',
  };
}
