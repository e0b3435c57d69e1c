import {
  commitGroupOffsets,
  startConsumer,
  type Consumer,
  type ConsumerOptions,
  type GroupOffset,
  type Kafka,
} from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { recordCaseViolationsUseCase } from '../../usecases/violations/record-case-violations/record-case-violations.usecase';
import { caseEventFacts } from './case-event-facts.mapper';

export const CASE_TOPIC = 'govhall.applications.case';
export const CASE_TRANSITIONED = 'govhall.applications.v1.CaseTransitioned';

/**
 * Automatic violation detection: its own consumer group on the case stream (a new group replays the topic),
 * idempotent by violation id (derived from case, kind and step).
 */
/**
 * A detection group that has never committed starts where the journal's group stands on the case topic (when that
 * one has committed): adding detection to a running system does not replay the whole topic at once, and a test that
 * starts the journal at the topic's end gets detection there too. A fresh system (neither group committed) reads
 * from the beginning. To detect over history, reset the group to the earliest offsets (ADR 0037).
 */
export async function alignNewGroupWithJournal(
  kafka: Kafka,
  groupId: string,
  journalGroupId: string,
  caseTopic = CASE_TOPIC,
): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  let aligned: GroupOffset[];
  try {
    const committed = async (group: string) =>
      (await admin.fetchOffsets({ groupId: group, topics: [caseTopic] }))[0]?.partitions.filter(
        (p) => p.offset !== '-1',
      ) ?? [];
    if ((await committed(groupId)).length > 0) return false;
    const journal = await committed(journalGroupId);
    if (journal.length === 0) return false;
    aligned = journal.map((p) => ({ topic: caseTopic, partition: p.partition, offset: p.offset }));
  } finally {
    await admin.disconnect();
  }
  await commitGroupOffsets(kafka, groupId, aligned);
  return true;
}

export async function startViolationDetectionConsumer(deps: {
  kafka: Kafka;
  logger: Logger;
  groupId: string;
  /** The journal's group: a new detection group starts where it stands (alignNewGroupWithJournal). */
  journalGroupId: string;
  /** Prepended to the case topic (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  recordCaseViolations: ReturnType<typeof recordCaseViolationsUseCase>;
  delivery: Pick<ConsumerOptions, 'deadLetterTopic' | 'retry' | 'inboxRetentionMs'>;
}): Promise<Consumer> {
  const caseTopic = deps.topicPrefix + CASE_TOPIC;
  if (await alignNewGroupWithJournal(deps.kafka, deps.groupId, deps.journalGroupId, caseTopic)) {
    deps.logger.info(
      { groupId: deps.groupId, from: deps.journalGroupId },
      'violation detection starts where the journal stands',
    );
  }
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [caseTopic],
    logger: deps.logger,
    // No inbox: a violation's id comes from the case, the kind and the step, and one already stored is kept, so a
    // redelivered event stores nothing new without a per-event inbox read (ADR 0050).
    inbox: 'none',
    handlers: {
      [CASE_TRANSITIONED]: async (event) => {
        await deps.recordCaseViolations(caseEventFacts(event));
      },
    },
    fromBeginning: true,
    ...deps.delivery,
  });
}
