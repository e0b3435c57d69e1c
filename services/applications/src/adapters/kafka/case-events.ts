import type { Principal } from '@govhall/auth';
import { maskName } from '@govhall/identifiers';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { applicationsV1, commonV1 } from '@govhall/proto';
import type { Case } from '../../domain/case';
import { IN_PROGRESS, PAUSED } from '../../domain/case-status';
import type { CaseEvent } from '../../domain/case-events';
import { applicantKind, caseStatus, channel, handlingCategory, outcome, transition } from '../grpc/case-enums';
import {
  toProtoCitation,
  toProtoClocks,
  toProtoDecision,
  toProtoDelivery,
  toProtoDocument,
  toProtoExtension,
  toProtoPayment,
  toProtoStep,
  toProtoSuspension,
} from '../grpc/case.mapper';

/** The service itself acting (deemed acceptance by its timer). */
const SYSTEM = {
  kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
  subject: '',
  username: 'applications',
  tenant: '',
  roles: [],
  department: '',
  onBehalfOf: '',
};

/** Topic of the case stream; key = case id. Listed in deploy/kafka/topics.txt. */
export const CASE_TOPIC = 'govhall.applications.case';

/** The case as supervision needs it to run clocks without asking back (no ID number, the name masked). */
export function caseFacts(c: Case): applicationsV1.CaseFacts {
  const active = c.steps.find((s) => s.state === 'active');
  return {
    caseId: c.id,
    caseNumber: c.caseNumber,
    tenant: c.tenant,
    status: caseStatus.toProto(c.status),
    channel: channel.toProto(c.channel),
    handlingCategory: handlingCategory.toProto(c.handlingCategory),
    itemId: c.itemId,
    itemName: c.itemName,
    itemBasicCode: c.itemBasicCode,
    department: c.department,
    windowId: c.windowId,
    responsible: c.responsible,
    responsibleRole: active?.role ?? (c.status === 'pre_review' ? 'window_clerk' : ''),
    applicantName: maskName(c.applicant.name),
    applicantKind: applicantKind.toProto(c.applicant.kind),
    clocks: toProtoClocks(c.clocks),
    activeStep: active ? toProtoStep(active) : undefined,
    clockRunning: IN_PROGRESS.includes(c.status) && !PAUSED.includes(c.status),
    deemedAccepted: c.deemedAccepted,
    decidedOnTheSpot: c.decidedOnTheSpot,
    outcome: outcome.toProto(c.decision?.outcome),
    licences: c.materials.flatMap((m) => (m.licence ? [toProtoCitation(m.licence)] : [])),
    promisedLimitWorkingDays: c.clocks.promised?.limitWorkingDays ?? 0,
    statutoryLimitWorkingDays: c.clocks.statutory?.limitWorkingDays ?? 0,
    receivedAt: c.submittedAt,
  };
}

function toPayload(e: CaseEvent): applicationsV1.CaseTransitioned {
  return {
    facts: caseFacts(e.case),
    transition: transition.toProto(e.transition),
    fromStatus: caseStatus.toProto(e.fromStatus),
    reason: e.reason,
    problems: (e.problems ?? []).map((p) => ({ ...p })),
    suspension: e.suspension ? toProtoSuspension(e.suspension) : undefined,
    extension: e.extension ? toProtoExtension(e.extension) : undefined,
    decision: e.decision ? toProtoDecision(e.decision) : undefined,
    step: e.step ? toProtoStep(e.step) : undefined,
    licenceId: e.licenceId ?? '',
    delivery: e.delivery ? toProtoDelivery(e.delivery) : undefined,
    coDepartments: e.coDepartments ?? [],
    escalateTo: e.escalateTo ?? '',
    documents: (e.documents ?? []).map(toProtoDocument),
    payment: e.payment ? toProtoPayment(e.payment) : undefined,
  };
}

/** Translates domain events into outbox messages carrying the shared envelope; all carry the stored version. */
export function toOutbox(events: CaseEvent[], version: number, actor: Principal | undefined): OutboxMessage[] {
  return events.map((e) =>
    toOutboxMessage(
      CASE_TOPIC,
      buildEnvelope({
        type: 'govhall.applications.v1.CaseTransitioned',
        codec: applicationsV1.CaseTransitioned,
        payload: toPayload(e),
        tenant: e.case.tenant,
        aggregateId: e.case.id,
        aggregateVersion: version,
        actor: actor ? actorFromPrincipal(actor) : SYSTEM,
        occurredAt: e.case.updatedAt,
      }),
    ),
  );
}
