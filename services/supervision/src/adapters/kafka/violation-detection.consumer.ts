import {
  commitGroupOffsets,
  fetchCommittedOffsets,
  startConsumer,
  type Consumer,
  type DeliveryOptions,
  type GroupOffset,
  type Kafka,
} from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { recordCaseViolationsUseCase } from '../../usecases/violations/record-case-violations/record-case-violations.usecase';
import type { recordComplaintViolationsUseCase } from '../../usecases/violations/record-complaint-violations/record-complaint-violations.usecase';
import type { recordPaymentViolationsUseCase } from '../../usecases/violations/record-payment-violations/record-payment-violations.usecase';
import type { recordReconciliationViolationsUseCase } from '../../usecases/violations/record-reconciliation-violations/record-reconciliation-violations.usecase';
import type { recordRectificationViolationsUseCase } from '../../usecases/violations/record-rectification-violations/record-rectification-violations.usecase';
import { caseEventFacts } from './case-event-facts.mapper';
import { complaintEventFacts } from './complaint-event-facts.mapper';
import { staffMarkPaidFacts } from './payment-event-facts.mapper';
import { mismatchFacts } from './reconciliation-event-facts.mapper';
import { rectificationOverdueFacts } from './rectification-event-facts.mapper';

export const CASE_TOPIC = 'govhall.applications.case';
export const CASE_TRANSITIONED = 'govhall.applications.v1.CaseTransitioned';
/** The payments service's notices: a refused mark-paid attempt by staff is a violation (收缴分离). */
export const PAYMENT_NOTICE_TOPIC = 'govhall.payments.notice';
export const STAFF_MARK_PAID_REFUSED = 'govhall.payments.v1.StaffMarkPaidRefused';
/** Its reconciliation: fees collected outside the center (P4) and slips never confirmed (P3) are violations. */
export const RECONCILIATION_TOPIC = 'govhall.payments.reconciliation';
export const MISMATCH_FOUND = 'govhall.payments.v1.MismatchFound';
/** The complaints service's rectifications (差评整改): one overdue is a violation of the rated department. */
export const RECTIFICATION_TOPIC = 'govhall.complaints.rectification';
export const RECTIFICATION_OVERDUE = 'govhall.complaints.v1.RectificationOverdue';
/**
 * Its complaints (投诉和举报): an acceptance or an answer past its day is a violation of the handling office, an answer
 * classed 合理 one of the complaint's target.
 */
export const COMPLAINT_TOPIC = 'govhall.complaints.complaint';
export const COMPLAINT_ACCEPTANCE_OVERDUE = 'govhall.complaints.v1.ComplaintAcceptanceOverdue';
export const COMPLAINT_REPLY_OVERDUE = 'govhall.complaints.v1.ComplaintReplyOverdue';
export const COMPLAINT_REPLIED = 'govhall.complaints.v1.ComplaintReplied';

/**
 * A detection group that has never committed on a topic starts there where the journal's group stands (when that
 * one has committed): adding detection (or a topic to it) on a running system does not replay the whole topic at
 * once, and a test that starts the journal at the topics' end gets detection there too. A fresh system (neither
 * group committed) reads from the beginning. To detect over history, reset the group to the earliest offsets (ADR
 * 0037). Returns whether any topic was aligned.
 */
export async function alignNewGroupWithJournal(
  kafka: Kafka,
  groupId: string,
  journalGroupId: string,
  topics: string | readonly string[] = CASE_TOPIC,
): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  const aligned: GroupOffset[] = [];
  try {
    const committed = async (group: string, topic: string) =>
      (await fetchCommittedOffsets(admin, group, [topic]))[0]?.partitions.filter((p) => p.offset !== '-1') ?? [];
    for (const topic of typeof topics === 'string' ? [topics] : topics) {
      if ((await committed(groupId, topic)).length > 0) continue;
      const journal = await committed(journalGroupId, topic);
      aligned.push(...journal.map((p) => ({ topic, partition: p.partition, offset: p.offset })));
    }
  } finally {
    await admin.disconnect();
  }
  if (aligned.length === 0) return false;
  await commitGroupOffsets(kafka, groupId, aligned);
  return true;
}

/**
 * Automatic violation detection: its own consumer group on the case stream, the payment notices, the reconciliation,
 * the rectifications and the complaints (a new group starts where the journal stands), idempotent by violation id
 * (derived from the case, the kind and the step or attempt, or from the mismatch, the rectification or the complaint).
 */
export async function startViolationDetectionConsumer(deps: {
  kafka: Kafka;
  logger: Logger;
  groupId: string;
  /** The journal's group: a new detection group starts where it stands (alignNewGroupWithJournal). */
  journalGroupId: string;
  /** Prepended to the case topic (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  recordCaseViolations: ReturnType<typeof recordCaseViolationsUseCase>;
  recordPaymentViolations: ReturnType<typeof recordPaymentViolationsUseCase>;
  recordReconciliationViolations: ReturnType<typeof recordReconciliationViolationsUseCase>;
  recordRectificationViolations: ReturnType<typeof recordRectificationViolationsUseCase>;
  recordComplaintViolations: ReturnType<typeof recordComplaintViolationsUseCase>;
  delivery: DeliveryOptions;
}): Promise<Consumer> {
  const caseTopic = deps.topicPrefix + CASE_TOPIC;
  const noticeTopic = deps.topicPrefix + PAYMENT_NOTICE_TOPIC;
  const reconciliationTopic = deps.topicPrefix + RECONCILIATION_TOPIC;
  const rectificationTopic = deps.topicPrefix + RECTIFICATION_TOPIC;
  const complaintTopic = deps.topicPrefix + COMPLAINT_TOPIC;
  const topics = [caseTopic, noticeTopic, reconciliationTopic, rectificationTopic, complaintTopic];
  if (await alignNewGroupWithJournal(deps.kafka, deps.groupId, deps.journalGroupId, topics)) {
    deps.logger.info(
      { groupId: deps.groupId, from: deps.journalGroupId },
      'violation detection starts where the journal stands',
    );
  }
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics,
    logger: deps.logger,
    // No inbox: a violation's id comes from the case, the kind and the step (or the attempt), and one already stored
    // is kept, so a redelivered event stores nothing new without a per-event inbox read (ADR 0050).
    inbox: 'none',
    handlers: {
      [CASE_TRANSITIONED]: async (event) => {
        await deps.recordCaseViolations(caseEventFacts(event));
      },
      [STAFF_MARK_PAID_REFUSED]: async (event) => {
        await deps.recordPaymentViolations(staffMarkPaidFacts(event));
      },
      [MISMATCH_FOUND]: async (event) => {
        await deps.recordReconciliationViolations(mismatchFacts(event));
      },
      [RECTIFICATION_OVERDUE]: async (event) => {
        await deps.recordRectificationViolations(rectificationOverdueFacts(event));
      },
      [COMPLAINT_ACCEPTANCE_OVERDUE]: async (event) => {
        await deps.recordComplaintViolations(complaintEventFacts(event, 'acceptance_overdue'));
      },
      [COMPLAINT_REPLY_OVERDUE]: async (event) => {
        await deps.recordComplaintViolations(complaintEventFacts(event, 'reply_overdue'));
      },
      [COMPLAINT_REPLIED]: async (event) => {
        await deps.recordComplaintViolations(complaintEventFacts(event, 'replied'));
      },
    },
    fromBeginning: true,
    ...deps.delivery,
  });
}
