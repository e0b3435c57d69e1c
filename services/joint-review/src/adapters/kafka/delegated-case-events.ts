import type { Principal } from '@govhall/auth';
import type { OutboxMessage } from '@govhall/kafka';
import { jointReviewV1 } from '@govhall/proto';
import type { DelegatedCase, DelegatedCaseEvent } from '../../domain/delegation/delegated-case';
import { toProtoLeg, toProtoTask } from '../grpc/joint-review.mapper';
import { toProtoDelegatedCase } from '../grpc/delegation.mapper';
import { aggregateOutbox, type Encode } from './aggregate-outbox';

/** Topic of the delegated cases (DelegatedCase*, Task* and Leg* of their three legs); key = delegated case id. */
export const DELEGATED_CASE_TOPIC = 'govhall.joint-review.delegated-case';

const pb = jointReviewV1;

function toMessage(e: DelegatedCaseEvent, encode: Encode): OutboxMessage {
  switch (e.type) {
    case 'DelegatedCaseOpened':
      return encode(pb.DelegatedCaseOpened, { delegatedCase: toProtoDelegatedCase(e.delegatedCase) });
    case 'DelegatedCaseTransferred':
      return encode(pb.DelegatedCaseTransferred, { delegatedCase: toProtoDelegatedCase(e.delegatedCase) });
    case 'DelegatedCaseDecided':
      return encode(pb.DelegatedCaseDecided, { delegatedCase: toProtoDelegatedCase(e.delegatedCase) });
    case 'DelegatedCaseReplied':
      return encode(pb.DelegatedCaseReplied, { delegatedCase: toProtoDelegatedCase(e.delegatedCase) });
    case 'DelegatedCaseCancelled':
      return encode(pb.DelegatedCaseCancelled, { delegatedCase: toProtoDelegatedCase(e.delegatedCase) });
    case 'TaskOpened':
      return encode(pb.TaskOpened, { task: toProtoTask(e.task) });
    case 'TaskClaimed':
      return encode(pb.TaskClaimed, { task: toProtoTask(e.task) });
    case 'TaskCompleted':
      return encode(pb.TaskCompleted, { task: toProtoTask(e.task) });
    case 'TaskCancelled':
      return encode(pb.TaskCancelled, { task: toProtoTask(e.task), reason: e.reason });
    case 'LegStarted':
      return encode(pb.LegStarted, { leg: toProtoLeg(e.leg) });
    case 'LegFinished':
      return encode(pb.LegFinished, { leg: toProtoLeg(e.leg) });
  }
}

/**
 * A delegated case's domain events as outbox messages in the shared envelope, in order: keyed by the delegated case
 * id, with its stored version and time of change; `actor` undefined for the service's own acts.
 */
export function toDelegatedCaseOutbox(
  events: readonly DelegatedCaseEvent[],
  dc: DelegatedCase,
  actor: Principal | undefined,
): OutboxMessage[] {
  return aggregateOutbox(DELEGATED_CASE_TOPIC, events, dc, actor, toMessage);
}
