import { startConsumer, type Consumer, type DeliveryOptions, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { chinaToday } from '@govhall/calendar';
import { applicationsV1 } from '@govhall/proto';
import type { CaseChange } from '../../domain/projects/project';
import type { EscalatedCaseFacts } from '../../domain/escalations/sender';
import { followDelegatedCase, type DelegationStreamUseCases } from './delegated-case-stream';
import { caseStatus, isCompletedStatus } from '../cases/case-status';
import type { cancelJointReviewUseCase } from '../../usecases/cancel-joint-review/cancel-joint-review.usecase';
import type {
  JointCaseHandedOver,
  openJointReviewUseCase,
} from '../../usecases/open-joint-review/open-joint-review.usecase';

/** The cases service's stream (key = case id); its CaseTransitioned events hand joint cases over. */
export const CASE_TOPIC = 'govhall.applications.case';

const T = applicationsV1.Transition;

/** Why a review ends with its case, in the words the departments read. */
const ENDINGS = new Map<applicationsV1.Transition, string>([
  [T.TRANSITION_WITHDRAWN, '申请人已撤回申请'],
  [T.TRANSITION_VOIDED, '办件已作废'],
]);

export interface CaseStreamUseCases {
  open: ReturnType<typeof openJointReviewUseCase>;
  cancel: ReturnType<typeof cancelJointReviewUseCase>;
  /** An escalated case: the lower center's sender record (J3); and its end when the case ends first. */
  openEscalation(facts: EscalatedCaseFacts, at: Date): Promise<{ created: boolean }>;
  endEscalation(tenant: string, caseId: string, reason: string, at: Date): Promise<unknown>;
  /** A project holding the case records its new status (J20). */
  mirrorProject(change: CaseChange): Promise<boolean>;
  /** Delegated acceptance (代受理): absent, the stream opens no delegated cases. */
  delegation?: DelegationStreamUseCases;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** What the consumer does with one CaseTransitioned event (exported for the unit test). */
export function onCaseTransitioned(uc: CaseStreamUseCases) {
  return async (envelope: { payload: Uint8Array; occurredAt?: Date; aggregateVersion?: number }): Promise<void> => {
    const event = applicationsV1.CaseTransitioned.decode(envelope.payload);
    const facts = event.facts;
    if (!facts) return;
    const change = projectCaseChange(facts, envelope);
    if (change) await uc.mirrorProject(change);
    if (uc.delegation && (await followDelegatedCase(uc.delegation, event, envelope.occurredAt ?? new Date()))) {
      uc.afterWrite();
    }
    if (event.transition === T.TRANSITION_JOINT_REVIEW_REQUESTED) {
      const handed: JointCaseHandedOver = {
        caseId: facts.caseId,
        caseNumber: facts.caseNumber,
        tenant: facts.tenant,
        itemId: facts.itemId,
        itemName: facts.itemName,
        itemBasicCode: facts.itemBasicCode,
        department: facts.department,
        windowId: facts.windowId,
        coDepartments: event.coDepartments,
        casePromisedDueDate: facts.clocks?.promised?.dueDate ?? '',
        caseStatutoryDueDate: facts.clocks?.statutory?.dueDate ?? '',
        at: envelope.occurredAt ?? new Date(),
      };
      const { created } = await uc.open(handed);
      if (created) uc.afterWrite();
      return;
    }
    if (event.transition === T.TRANSITION_ESCALATION_REQUESTED) {
      const { created } = await uc.openEscalation(
        {
          tenant: facts.tenant,
          targetTenant: event.escalateTo,
          caseId: facts.caseId,
          caseNumber: facts.caseNumber,
          itemName: facts.itemName,
          itemBasicCode: facts.itemBasicCode,
          department: facts.department,
          windowId: facts.windowId,
          promisedDueDate: facts.clocks?.promised?.dueDate ?? '',
          statutoryDueDate: facts.clocks?.statutory?.dueDate ?? '',
        },
        envelope.occurredAt ?? new Date(),
      );
      if (created) uc.afterWrite();
      return;
    }
    const ending = ENDINGS.get(event.transition);
    if (ending) {
      const at = envelope.occurredAt ?? new Date();
      const review = await uc.cancel(facts.tenant, facts.caseId, ending, envelope.occurredAt);
      const escalation = await uc.endEscalation(facts.tenant, facts.caseId, ending, at);
      if (review || escalation) uc.afterWrite();
    }
  };
}

/** The case's new status as a project mirrors it; null for a status projects do not know. */
export function projectCaseChange(
  facts: applicationsV1.CaseFacts,
  envelope: { occurredAt?: Date; aggregateVersion?: number },
): CaseChange | null {
  const status = caseStatus.fromProto(facts.status);
  if (!status) return null;
  const at = envelope.occurredAt ?? new Date();
  return {
    caseId: facts.caseId,
    status,
    dueDate: facts.clocks?.promised?.dueDate ?? '',
    // The first completed status seen: the day it happened (the project keeps the first one).
    completedDate: isCompletedStatus(facts.status) ? chinaToday(at) : '',
    version: Number(envelope.aggregateVersion ?? 0),
  };
}

/** Reads the case stream in its own consumer group, with an inbox so a redelivered event is handled once. */
export function startCaseStreamConsumer(
  uc: CaseStreamUseCases,
  deps: {
    kafka: Kafka;
    connection: Connection;
    logger: Logger;
    groupId: string;
    delivery: DeliveryOptions;
  },
): Promise<Consumer> {
  const handle = onCaseTransitioned(uc);
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [CASE_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_case_stream'),
    handlers: { 'govhall.applications.v1.CaseTransitioned': ({ envelope }) => handle(envelope) },
    ...deps.delivery,
  });
}
