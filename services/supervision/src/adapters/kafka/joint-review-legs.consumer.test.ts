import { buildEnvelope, type MessageFns } from '@govhall/kafka';
import { commonV1, jointReviewV1 } from '@govhall/proto';
import { applyExternalCaseEventUseCase } from '../../usecases/apply-external-case-event/apply-external-case-event.usecase';
import { applyLegEventUseCase } from '../../usecases/apply-leg-event/apply-leg-event.usecase';
import { inMemoryClockDeps } from '../../usecases/clocks.test-double';
import { JOINT_REVIEW_CLOCK_TOPICS, JOINT_REVIEW_TOPIC, LEG_TOPICS, legHandlers } from './joint-review-legs.consumer';

const pb = jointReviewV1;
const LEG = 'jr-1:co_review:1';

const leg = (over: Partial<jointReviewV1.Leg> = {}) =>
  pb.Leg.fromPartial({
    id: LEG,
    kind: pb.LegKind.LEG_KIND_CO_REVIEW,
    tenant: '620321',
    department: '620321-ZJJ',
    caseId: 'case-1',
    caseNumber: '620321-20261102-0001',
    itemName: '建设工程规划许可',
    itemBasicCode: '000173002000',
    aggregateId: 'jr-1',
    taskId: 'task-1',
    responsible: 'ycx-zjj',
    budgetWorkingDays: 3,
    startDate: '2026-11-02',
    dueDate: '2026-11-05',
    state: pb.LegState.LEG_STATE_RUNNING,
    startedAt: new Date('2026-11-02T02:00:00Z'),
    startedBy: 'joint-review',
    casePromisedDueDate: '2026-11-20',
    ...over,
  });

/** An envelope as the joint-review service writes it (joint-review-events.ts). */
function envelope<T>(name: string, codec: MessageFns<T>, payload: T, version: number, at: string) {
  return buildEnvelope({
    type: `govhall.joint_review.v1.${name}`,
    codec,
    payload,
    tenant: '620321',
    aggregateId: 'jr-1',
    aggregateVersion: version,
    actor: commonV1.Actor.fromPartial({ kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM, username: 'joint-review' }),
    occurredAt: new Date(at),
  });
}

function world() {
  const w = inMemoryClockDeps('2026-11-02T04:00:00Z');
  const handlers = legHandlers({
    applyLegEvent: applyLegEventUseCase(w.deps),
    applyExternalCaseEvent: applyExternalCaseEventUseCase(w.deps),
  });
  const deliver = async (e: ReturnType<typeof envelope>) => {
    const handler = handlers[e.type];
    if (handler) await handler({ topic: JOINT_REVIEW_TOPIC, partition: 0, offset: '0', envelope: e });
  };
  return { ...w, handlers, deliver };
}

describe('the joint review legs consumer', () => {
  it('handles the four leg events and the external cases’ events, and leaves the others alone', () => {
    expect(Object.keys(world().handlers).sort()).toEqual([
      'govhall.joint_review.v1.ExternalCaseEventReported',
      'govhall.joint_review.v1.LegFinished',
      'govhall.joint_review.v1.LegPaused',
      'govhall.joint_review.v1.LegResumed',
      'govhall.joint_review.v1.LegStarted',
    ]);
  });

  it('clocks a leg from LegStarted, pauses it, and stops it at LegFinished (China day of the finish)', async () => {
    const w = world();
    await w.deliver(envelope('LegStarted', pb.LegStarted, { leg: leg() }, 2, '2026-11-02T02:00:00Z'));
    expect(w.matters.get(LEG)!.clock).toMatchObject({
      kind: 'joint_review_leg',
      state: 'running',
      tenant: '620321',
      department: '620321-ZJJ',
      caseNumber: '620321-20261102-0001',
      responsible: 'ycx-zjj',
      promised: { limitWorkingDays: 3, dueDate: '2026-11-05' },
    });

    const pause = {
      reason: pb.PauseReason.PAUSE_REASON_CASE_SUSPENDED,
      procedure: '检验',
      startedAt: new Date('2026-11-03T02:00:00Z'),
    };
    await w.deliver(
      envelope(
        'LegPaused',
        pb.LegPaused,
        { leg: leg({ state: pb.LegState.LEG_STATE_PAUSED, pauses: [pb.LegPause.fromPartial(pause)] }) },
        3,
        '2026-11-03T02:00:00Z',
      ),
    );
    expect(w.matters.get(LEG)!.clock).toMatchObject({ state: 'paused', status: 'paused' });
    const resumed = pb.LegPause.fromPartial({ ...pause, endedAt: new Date('2026-11-05T02:00:00Z') });
    await w.deliver(
      envelope('LegResumed', pb.LegResumed, { leg: leg({ pauses: [resumed] }) }, 4, '2026-11-05T02:00:00Z'),
    );
    // Paused 11-03 and 11-04: due two working days later.
    expect(w.matters.get(LEG)!.clock).toMatchObject({ state: 'running', promised: { dueDate: '2026-11-09' } });

    const finished = leg({
      state: pb.LegState.LEG_STATE_FINISHED,
      end: pb.LegEnd.LEG_END_COMPLETED,
      finishedAt: new Date('2026-11-05T17:00:00Z'),
      finishedBy: 'ycx-zjj',
      pauses: [resumed],
    });
    await w.deliver(envelope('LegFinished', pb.LegFinished, { leg: finished }, 5, '2026-11-05T17:00:00Z'));
    expect(w.matters.get(LEG)!.clock).toMatchObject({ state: 'stopped', status: 'completed', endedDate: '2026-11-06' });
    expect(w.matters.get(LEG)!.matter.version).toBe(5);
  });

  it('ignores an older event delivered late, and a leg event without a leg', async () => {
    const w = world();
    const cancelled = leg({
      state: pb.LegState.LEG_STATE_FINISHED,
      end: pb.LegEnd.LEG_END_CANCELLED,
      finishedAt: new Date('2026-11-03T02:00:00Z'),
    });
    await w.deliver(envelope('LegFinished', pb.LegFinished, { leg: cancelled }, 3, '2026-11-03T02:00:00Z'));
    await w.deliver(envelope('LegStarted', pb.LegStarted, { leg: leg() }, 2, '2026-11-02T02:00:00Z'));
    expect(w.matters.get(LEG)!.clock).toMatchObject({ state: 'stopped', status: 'cancelled' });
    await w.deliver(envelope('LegStarted', pb.LegStarted, { leg: undefined }, 6, '2026-11-03T02:00:00Z'));
    expect(w.matters.size).toBe(1);
  });

  it('reads the legs of joint reviews, escalations and delegated cases, and the external cases', () => {
    expect(LEG_TOPICS).toEqual([
      'govhall.joint-review.review',
      'govhall.joint-review.escalation',
      'govhall.joint-review.delegated-case',
    ]);
    expect(JOINT_REVIEW_CLOCK_TOPICS).toEqual([...LEG_TOPICS, 'govhall.joint-review.external-case']);
  });

  it('clocks an external case from its reported events', async () => {
    const w = world();
    const caseId = '620321:620321-SCJG:SC-2026-0001';
    const reported = (
      kind: jointReviewV1.ExternalEventKind,
      at: string,
      over: Partial<jointReviewV1.ExternalCaseEvent>,
    ) =>
      buildEnvelope({
        type: 'govhall.joint_review.v1.ExternalCaseEventReported',
        codec: pb.ExternalCaseEventReported,
        payload: pb.ExternalCaseEventReported.fromPartial({
          event: pb.ExternalCaseEvent.fromPartial({
            eventId: `e-${kind}`,
            formatVersion: '1',
            tenant: '620321',
            department: '620321-SCJG',
            caseNumber: 'SC-2026-0001',
            itemBasicCode: '000117002000',
            itemName: '食品经营许可',
            kind,
            occurredAt: new Date(at),
            handlerName: '王*',
            ...over,
          }),
          externalCaseId: caseId,
          reportedBy: 'service:scjg-system',
        }),
        tenant: '620321',
        aggregateId: caseId,
        aggregateVersion: 0,
        actor: commonV1.Actor.fromPartial({
          kind: commonV1.ActorKind.ACTOR_KIND_SERVICE,
          username: 'service:scjg-system',
        }),
        occurredAt: new Date(at),
      });
    await w.deliver(
      reported(pb.ExternalEventKind.EXTERNAL_EVENT_KIND_RECEIVED, '2026-11-02T02:00:00Z', {
        applicantName: '张*',
        channel: pb.ExternalChannel.EXTERNAL_CHANNEL_COUNTER,
        promisedLimitWorkingDays: 5,
        statutoryLimitWorkingDays: 20,
      }),
    );
    await w.deliver(reported(pb.ExternalEventKind.EXTERNAL_EVENT_KIND_ACCEPTED, '2026-11-02T03:00:00Z', {}));
    expect(w.matters.get(caseId)!.clock).toMatchObject({
      kind: 'case',
      state: 'running',
      tenant: '620321',
      department: '620321-SCJG',
      caseNumber: 'SC-2026-0001',
      channel: 'counter',
      applicantName: '张*',
      promised: { limitWorkingDays: 5, dueDate: '2026-11-09' },
      statutory: { limitWorkingDays: 20 },
    });
    await w.deliver(
      reported(pb.ExternalEventKind.EXTERNAL_EVENT_KIND_DECIDED, '2026-11-04T03:00:00Z', {
        outcome: pb.ExternalOutcome.EXTERNAL_OUTCOME_DENIED,
        reasons: ['不符合条件'],
      }),
    );
    expect(w.matters.get(caseId)!.clock).toMatchObject({
      state: 'stopped',
      status: 'completed',
      endedDate: '2026-11-04',
    });
  });

  it('clocks an escalation handling leg by its kind, held while it waits for the sender', async () => {
    const w = world();
    const id = 'esc-9:escalation_handling:1';
    const handling = (over: Partial<jointReviewV1.Leg>) =>
      leg({
        id,
        kind: pb.LegKind.LEG_KIND_ESCALATION_HANDLING,
        tenant: '620300',
        department: '620300-FGW',
        aggregateId: 'esc-9',
        counterpartTenant: '620321',
        ...over,
      });
    await w.deliver(envelope('LegStarted', pb.LegStarted, { leg: handling({}) }, 4, '2026-11-02T02:00:00Z'));
    const waiting = pb.LegPause.fromPartial({
      reason: pb.PauseReason.PAUSE_REASON_WAITING_FOR_SENDER,
      startedAt: new Date('2026-11-03T02:00:00Z'),
    });
    await w.deliver(
      envelope(
        'LegPaused',
        pb.LegPaused,
        { leg: handling({ state: pb.LegState.LEG_STATE_PAUSED, pauses: [waiting] }) },
        5,
        '2026-11-03T02:00:00Z',
      ),
    );
    expect(w.matters.get(id)!.matter).toMatchObject({ legKind: 'escalation_handling', tenant: '620300' });
    expect(w.matters.get(id)!.clock).toMatchObject({
      state: 'paused',
      pauses: [{ kind: 'sender', reason: '等待下级中心补充材料', startedDate: '2026-11-03' }],
    });
    expect(w.matters.get(id)!.clock.promised.explanation[0]).toMatch(/^上级办理时限：/);
  });

  it('takes the kind an older writer left unspecified from the leg id', async () => {
    const w = world();
    const id = 'dc-1:delegated_reply:1';
    await w.deliver(
      envelope(
        'LegStarted',
        pb.LegStarted,
        { leg: leg({ id, kind: pb.LegKind.LEG_KIND_UNSPECIFIED, windowId: 'w-1' }) },
        2,
        '2026-11-02T02:00:00Z',
      ),
    );
    expect(w.matters.get(id)!.matter).toMatchObject({ legKind: 'delegated_reply', windowId: 'w-1' });
    await w.deliver(
      envelope(
        'LegStarted',
        pb.LegStarted,
        { leg: leg({ kind: pb.LegKind.LEG_KIND_UNSPECIFIED }) },
        2,
        '2026-11-02T02:00:00Z',
      ),
    );
    expect(w.matters.get(LEG)!.matter.legKind).toBe('co_review');
  });
});
