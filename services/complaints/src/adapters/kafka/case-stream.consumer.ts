import { chinaDate } from '@govhall/identifiers';
import { startConsumer, type Consumer, type DeliveryOptions, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { applicationsV1, commonV1, enumSpelling } from '@govhall/proto';
import type { CaseTransitionFacts } from '../../domain/ratings/served-case';
import type { recordCaseTransitionUseCase } from '../../usecases/ratings/record-case-transition/record-case-transition.usecase';

/** The cases service's stream (key = case id). */
export const CASE_TOPIC = 'govhall.applications.case';

const transitions = enumSpelling(applicationsV1.Transition, 'TRANSITION_');
const statuses = enumSpelling(applicationsV1.CaseStatus, 'CASE_STATUS_');

/** What the ratings read of a CaseTransitioned envelope. */
export function caseTransitionFacts(envelope: {
  id: string;
  occurredAt?: Date;
  aggregateId: string;
  tenant: string;
  actor?: commonV1.Actor;
  payload: Uint8Array;
}): CaseTransitionFacts {
  const event = applicationsV1.CaseTransitioned.decode(envelope.payload);
  const f = event.facts;
  const at = envelope.occurredAt ?? new Date();
  return {
    eventId: envelope.id,
    occurredAt: at,
    occurredOn: chinaDate(at),
    transition: transitions.fromProto(event.transition) ?? '',
    status: statuses.fromProto(f?.status ?? 0) ?? '',
    caseId: f?.caseId || envelope.aggregateId,
    caseNumber: f?.caseNumber ?? '',
    tenant: f?.tenant || envelope.tenant,
    itemName: f?.itemName ?? '',
    department: f?.department ?? '',
    windowId: f?.windowId ?? '',
    applicantName: f?.applicantName ?? '',
    actor: envelope.actor?.kind === commonV1.ActorKind.ACTOR_KIND_USER ? envelope.actor.username : '',
    ...(event.step
      ? {
          step: {
            name: event.step.name,
            department: event.step.department,
            handledBy: event.step.handledBy,
          },
        }
      : {}),
    ...(event.decision?.decidedBy ? { decidedBy: event.decision.decidedBy } : {}),
  };
}

/** Reads the case stream in its own consumer group, with an inbox so a redelivered event is handled once. */
export function startCaseStreamConsumer(
  record: ReturnType<typeof recordCaseTransitionUseCase>,
  deps: {
    kafka: Kafka;
    connection: Connection;
    logger: Logger;
    groupId: string;
    delivery: DeliveryOptions;
  },
): Promise<Consumer> {
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [CASE_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_case_stream'),
    handlers: {
      'govhall.applications.v1.CaseTransitioned': ({ envelope }) => record(caseTransitionFacts(envelope)),
    },
    ...deps.delivery,
  });
}
