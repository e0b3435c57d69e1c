// A synthetic lifecycle event as the Kafka message the cases service's outbox relay sends: key = case id, value =
// an EventEnvelope (type govhall.applications.v1.CaseTransitioned) whose payload is the CaseTransitioned.
import { randomUUID } from 'node:crypto';
import { applicationsV1, commonV1, eventsV1 } from '@govhall/proto';
import type { SyntheticEvent } from './lifecycles.ts';

const pb = applicationsV1;
export const CASE_TRANSITIONED = 'govhall.applications.v1.CaseTransitioned';

const daysAfter = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const upper = (s: string) => s.toUpperCase();
const enumOf = <T extends Record<string, string | number>>(e: T, prefix: string, name: string): number => {
  const value = e[`${prefix}${upper(name)}` as keyof T];
  if (typeof value !== 'number') throw new Error(`no ${prefix}${upper(name)}`);
  return value;
};

function step(s: NonNullable<SyntheticEvent['activeStep']> & { finishedAt?: Date }, tenant: string, done: boolean) {
  return pb.CaseStep.fromPartial({
    index: s.step.index,
    name: s.step.name,
    role: s.step.role,
    budgetWorkingDays: s.step.budgetWorkingDays,
    department: `${tenant}-SCJG`,
    state: done ? pb.StepState.STEP_STATE_DONE : pb.StepState.STEP_STATE_ACTIVE,
    startedAt: s.startedAt,
    ...(s.finishedAt ? { finishedAt: s.finishedAt } : {}),
    dueDate: s.dueDate,
    handledBy: done ? `bench-${s.step.role}` : '',
  });
}

export function caseTransitioned(e: SyntheticEvent): applicationsV1.CaseTransitioned {
  return pb.CaseTransitioned.fromPartial({
    transition: enumOf(pb.Transition, 'TRANSITION_', e.transition),
    facts: {
      caseId: e.caseId,
      caseNumber: e.caseNumber,
      tenant: e.tenant,
      status: enumOf(pb.CaseStatus, 'CASE_STATUS_', e.status),
      channel: enumOf(pb.Channel, 'CHANNEL_', e.channel),
      handlingCategory: pb.HandlingCategory.HANDLING_CATEGORY_PROMISED,
      itemId: `bench-item-${e.tenant}`,
      itemName: '食品经营许可',
      itemBasicCode: '000117012000',
      department: e.department,
      windowId: e.windowId,
      responsible: e.activeStep ? `bench-${e.activeStep.step.role}` : '',
      responsibleRole: e.activeStep?.step.role ?? '',
      applicantName: '张*',
      applicantKind: pb.ApplicantKind.APPLICANT_KIND_NATURAL_PERSON,
      clocks: {
        receivedDate: e.receivedDate,
        acceptedDate: e.acceptedDate,
        promised: e.promisedDueDate ? { dueDate: e.promisedDueDate, limitWorkingDays: 11 } : undefined,
        statutory: e.acceptedDate ? { limitWorkingDays: 20 } : undefined,
        // law §32: an online case's one-time notice within 5 working days of receipt (7 calendar days here)
        noticeDueDate: e.channel === 'online' ? daysAfter(e.receivedDate, 7) : '',
      },
      ...(e.activeStep ? { activeStep: step(e.activeStep, e.tenant, false) } : {}),
      clockRunning:
        e.acceptedDate !== '' && !['completed', 'delivered', 'not_accepted', 'suspended'].includes(e.status),
      deemedAccepted: e.deemedAccepted,
      promisedLimitWorkingDays: 11,
      statutoryLimitWorkingDays: 20,
      ...(e.approved !== undefined
        ? { outcome: e.approved ? pb.Outcome.OUTCOME_APPROVED : pb.Outcome.OUTCOME_DENIED }
        : {}),
    },
    ...(e.finishedStep ? { step: step(e.finishedStep, e.tenant, true) } : {}),
    ...(e.suspension
      ? {
          suspension: {
            procedure: '检验',
            reason: '现场核查需检验',
            plannedWorkingDays: 5,
            startedDate: e.suspension.startedDate,
            endedDate: e.suspension.endedDate,
          },
        }
      : {}),
    ...(e.extensionWorkingDays
      ? {
          extension: {
            workingDays: e.extensionWorkingDays,
            reason: '情况复杂',
            state: pb.ExtensionState.EXTENSION_STATE_APPROVED,
          },
        }
      : {}),
    ...(e.approved !== undefined
      ? {
          decision: {
            outcome: e.approved ? pb.Outcome.OUTCOME_APPROVED : pb.Outcome.OUTCOME_DENIED,
            reasons: e.approved ? [] : ['经营场所不符合要求'],
            decidedBy: 'bench-approver',
            decidedAt: e.occurredAt,
          },
        }
      : {}),
  });
}

/** The Kafka message of one event (key = case id, so each case's events stay in order on one partition). */
export function caseEventMessage(e: SyntheticEvent): { key: string; value: Buffer; headers: Record<string, string> } {
  const id = randomUUID();
  const envelope: eventsV1.EventEnvelope = {
    id,
    type: CASE_TRANSITIONED,
    tenant: e.tenant,
    aggregateId: e.caseId,
    aggregateVersion: e.version,
    occurredAt: e.occurredAt,
    actor: commonV1.Actor.fromPartial({
      kind: commonV1.ActorKind.ACTOR_KIND_USER,
      subject: 'bench-replay',
      username: 'bench-replay',
      tenant: e.tenant,
    }),
    traceparent: '',
    tracestate: '',
    payload: Buffer.from(pb.CaseTransitioned.encode(caseTransitioned(e)).finish()),
  };
  return {
    key: e.caseId,
    value: Buffer.from(eventsV1.EventEnvelope.encode(envelope).finish()),
    headers: { 'event-id': id },
  };
}
