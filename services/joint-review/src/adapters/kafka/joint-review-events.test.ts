import type { Principal } from '@govhall/auth';
import { decodeEnvelope, type MessageFns } from '@govhall/kafka';
import { commonV1, jointReviewV1 } from '@govhall/proto';
import type { LegCalendar } from '../../domain/legs/leg';
import { defaultFlow, type JointFlow } from '../../domain/reviews/joint-flow';
import {
  addParticipant,
  assignTask,
  cancelJointReview,
  claimTask,
  concludeJointReview,
  markReported,
  openJointReview,
  reopenTask,
  submitOpinion,
  type JointReview,
  type JointReviewEvent,
} from '../../domain/reviews/joint-review';
import { JOINT_REVIEW_TOPIC, toOutbox } from './joint-review-events';
import { testCaseFacts } from '../../domain/reviews/opened-review.test-double';
import { taskChangesOf } from './task-change-recorder';

const pb = jointReviewV1;

const calendar: LegCalendar = {
  addWorkingDays: (start, n) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
  dayOf: (instant) => instant.toISOString().slice(0, 10),
  workingDaysBetween: (from, to) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000),
};
const t0 = new Date('2026-06-04T02:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const clerk: Principal = {
  kind: 'user',
  subject: 'sub-1',
  username: 'scj.clerk',
  tenant: '620300',
  roles: ['window_clerk'],
  department: '620300-SCJ',
  clientId: 'govhall-workbench',
};

/** A serial flow: XFJ in stage 1, HBJ in stage 2. */
function serialFlow(): JointFlow {
  const flow = defaultFlow({
    tenant: '620300',
    itemSeriesId: 'series-1',
    itemName: '食品经营许可',
    leadDepartment: '620300-SCJ',
    leadWindowId: 'w-scj',
    coDepartments: ['620300-XFJ', '620300-HBJ'],
    defaultBudgetWorkingDays: 5,
  });
  return {
    ...flow,
    configured: true,
    participants: flow.participants.map((p) => ({ ...p, stage: p.department === '620300-XFJ' ? 1 : 2 })),
  };
}

function open(id: string) {
  let n = 0;
  return openJointReview(
    {
      id,
      case: { ...testCaseFacts, caseId: `case-${id}` },
      flow: serialFlow(),
      leadRule: 'designated_per_item',
      lead: { department: '620300-SCJ', windowId: 'w-scj' },
      windowLeads: new Map([
        ['620300-XFJ', 'xfj.lead'],
        ['620300-HBJ', 'hbj.lead'],
      ]),
      newTaskId: () => `${id}-task-${++n}`,
      at: t0,
      by: 'system',
    },
    calendar,
  );
}

const agree = (givenBy: string) => ({
  opinion: { kind: 'agree' as const, text: '同意', reasons: [], conditions: [] },
  attachments: [],
  givenBy,
  source: 'workbench' as const,
});

/** Every change of a review's life, each with the review after it. */
function lifeOfAReview(): { review: JointReview; events: JointReviewEvent[] }[] {
  const opened = open('jr-1');
  const taskOf = (r: JointReview, department: string) => r.tasks.find((t) => t.department === department)!.id;
  const first = submitOpinion(
    opened.review,
    taskOf(opened.review, '620300-XFJ'),
    agree('xfj.lead'),
    new Map([['620300-HBJ', 'hbj.lead']]),
    later(10),
    calendar,
  );
  const claimed = claimTask(first.review, taskOf(first.review, '620300-HBJ'), 'hbj.clerk', later(20));
  const second = submitOpinion(
    claimed.review,
    taskOf(claimed.review, '620300-HBJ'),
    agree('hbj.clerk'),
    new Map(),
    later(30),
    calendar,
  );
  const concluded = concludeJointReview(
    second.review,
    { outcome: 'approved', reasons: [], conditions: [], attachments: [], concludedBy: 'scj.clerk' },
    later(40),
  );
  const reported = markReported(concluded.review, later(50));
  // Before the conclusion, the lead could have asked XFJ to reconsider.
  const reopened = reopenTask(
    second.review,
    taskOf(second.review, '620300-XFJ'),
    { reason: '请重新审查', budgetWorkingDays: 3, windowLead: 'xfj.lead', by: 'scj.clerk' },
    later(35),
    calendar,
  );
  const other = open('jr-2');
  const assigned = assignTask(
    other.review,
    taskOf(other.review, '620300-XFJ'),
    { assignee: 'xfj.reviewer', assigneeKnown: true, note: '' },
    later(55),
  );
  const added = addParticipant(
    assigned.review,
    {
      participant: { department: '620300-GTJ', stage: 1, budgetWorkingDays: 3, required: true },
      reason: '涉及临时用地',
      departmentKnown: true,
      windowLead: 'gtj.lead',
      taskId: 'jr-2-task-9',
      by: 'scj.clerk',
    },
    later(56),
    calendar,
  );
  const cancelled = cancelJointReview(added.review, '申请人撤回申请', later(60));
  return [opened, first, claimed, second, concluded, reported, reopened, other, assigned, added, cancelled];
}

const CODECS: Record<JointReviewEvent['type'], MessageFns<object>> = {
  JointReviewOpened: pb.JointReviewOpened,
  JointReviewStageAdvanced: pb.JointReviewStageAdvanced,
  JointReviewAwaitingConclusion: pb.JointReviewAwaitingConclusion,
  JointReviewConcluded: pb.JointReviewConcluded,
  JointReviewReported: pb.JointReviewReported,
  JointReviewCancelled: pb.JointReviewCancelled,
  JointReviewParticipantAdded: pb.JointReviewParticipantAdded,
  TaskOpened: pb.TaskOpened,
  TaskAssigned: pb.TaskAssigned,
  TaskClaimed: pb.TaskClaimed,
  TaskReopened: pb.TaskReopened,
  TaskCompleted: pb.TaskCompleted,
  TaskCancelled: pb.TaskCancelled,
  LegStarted: pb.LegStarted,
  LegFinished: pb.LegFinished,
};

describe('joint review events', () => {
  const changes = lifeOfAReview();
  const byType = new Map<string, { review: JointReview; event: JointReviewEvent }>();
  for (const { review, events } of changes) for (const event of events) byType.set(event.type, { review, event });

  it('has one event of each kind to map', () => {
    expect([...byType.keys()].sort()).toEqual(Object.keys(CODECS).sort());
  });

  it.each(Object.keys(CODECS))('maps %s to its proto event in the shared envelope', (type) => {
    const { review, event } = byType.get(type)!;
    const [message, ...rest] = toOutbox([event], review, clerk);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ topic: JOINT_REVIEW_TOPIC, key: review.id });

    const envelope = decodeEnvelope(message!.value);
    expect(envelope).toMatchObject({
      type: `govhall.joint_review.v1.${type}`,
      tenant: '620300',
      aggregateId: review.id,
      aggregateVersion: review.version,
      occurredAt: review.updatedAt,
      actor: { kind: commonV1.ActorKind.ACTOR_KIND_USER, username: 'scj.clerk', tenant: '620300' },
    });
    const payload = CODECS[type as JointReviewEvent['type']].decode(envelope.payload) as Record<string, unknown>;
    if ('review' in event) {
      expect(payload.review).toMatchObject({ id: review.id, caseId: review.caseId, version: event.review.version });
    }
    if ('task' in event) {
      expect(payload.task).toMatchObject({
        id: event.task.id,
        aggregateId: review.id,
        department: event.task.department,
      });
    }
    if ('leg' in event) {
      expect(payload.leg).toMatchObject({
        id: event.leg.id,
        aggregateId: review.id,
        kind: pb.LegKind.LEG_KIND_CO_REVIEW,
      });
    }
    if (event.type === 'TaskCancelled') expect(payload.reason).toBe('申请人撤回申请');
    if (event.type === 'TaskReopened') expect(payload.reason).toBe('请重新审查');
    if (event.type === 'JointReviewParticipantAdded') expect(payload.reason).toBe('涉及临时用地');
    if (event.type === 'TaskAssigned') {
      expect(payload).toMatchObject({ previousAssignee: 'xfj.lead', task: { assignee: 'xfj.reviewer' } });
    }
  });

  it('carries the task and leg states and keeps the order of a change', () => {
    const first = changes[1]!;
    const envelopes = toOutbox(first.events, first.review, clerk).map((m) => decodeEnvelope(m.value));
    expect(envelopes.map((e) => e.type.replace('govhall.joint_review.v1.', ''))).toEqual([
      'TaskCompleted',
      'LegFinished',
      'JointReviewStageAdvanced',
      'TaskOpened',
      'LegStarted',
    ]);
    expect(pb.TaskCompleted.decode(envelopes[0]!.payload).task).toMatchObject({
      state: pb.TaskState.TASK_STATE_DONE,
      opinion: { kind: pb.OpinionKind.OPINION_KIND_AGREE, givenBy: 'xfj.lead', givenAt: later(10) },
    });
    expect(pb.LegFinished.decode(envelopes[1]!.payload).leg).toMatchObject({
      state: pb.LegState.LEG_STATE_FINISHED,
      end: pb.LegEnd.LEG_END_COMPLETED,
      finishedAt: later(10),
    });
    expect(pb.JointReviewStageAdvanced.decode(envelopes[2]!.payload).review).toMatchObject({ currentStage: 2 });
  });

  it('names the service as the actor of its own acts', () => {
    const { review, event } = byType.get('JointReviewCancelled')!;
    const envelope = decodeEnvelope(toOutbox([event], review, undefined)[0]!.value);
    expect(envelope.actor).toMatchObject({ kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM, username: 'joint-review' });
  });
});

describe('the departments’ task changes read from the outbox', () => {
  it('tells every task event as its change, in order, with the task as the domain had it', () => {
    const messages = lifeOfAReview().flatMap(({ review, events }) => toOutbox(events, review, clerk));
    const changes = taskChangesOf(messages);
    const taskEvents = lifeOfAReview().flatMap(({ events }) =>
      events.flatMap((e) => ('task' in e && e.type.startsWith('Task') ? [e] : [])),
    );
    expect(changes.map((c) => c.change)).toEqual(
      taskEvents.map(
        (e) =>
          ({
            TaskOpened: 'opened',
            TaskAssigned: 'assigned',
            TaskClaimed: 'claimed',
            TaskCompleted: 'done',
            TaskCancelled: 'cancelled',
            TaskReopened: 'reopened',
          })[e.type as string],
      ),
    );
    changes.forEach((c, i) => expect(c.task).toEqual(taskEvents[i]!.task));
    expect(new Set(changes.map((c) => c.eventId)).size).toBe(changes.length);
  });
});
