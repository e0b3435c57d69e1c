import { startConsumer, type Consumer, type ConsumerOptions, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import type { recordCaseViolationsUseCase } from '../../usecases/violations/record-case-violations/record-case-violations.usecase';
import { caseEventFacts } from './case-event-facts.mapper';

export const CASE_TOPIC = 'govhall.applications.case';
export const CASE_TRANSITIONED = 'govhall.applications.v1.CaseTransitioned';

/**
 * Automatic violation detection: its own consumer group on the case stream (a new group replays the topic),
 * idempotent by event id (its own inbox) and by violation id (derived from case, kind and step).
 */
export async function startViolationDetectionConsumer(deps: {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  groupId: string;
  recordCaseViolations: ReturnType<typeof recordCaseViolationsUseCase>;
  delivery: Pick<ConsumerOptions, 'deadLetterTopic' | 'retry' | 'inboxRetentionMs'>;
}): Promise<Consumer> {
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [CASE_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_violations'),
    handlers: {
      [CASE_TRANSITIONED]: async (event) => {
        await deps.recordCaseViolations(caseEventFacts(event));
      },
    },
    fromBeginning: true,
    ...deps.delivery,
  });
}
