import { jointReviewV1 } from '@govhall/proto';
import type { LegCalendar, LegEnd, LegKind, LegState, PauseReason } from '../../domain/legs/leg';
import { defaultFlow } from '../../domain/reviews/joint-flow';
import {
  claimTask,
  concludeJointReview,
  openJointReview,
  submitOpinion,
  type JointReviewState,
  type LeadRule,
} from '../../domain/reviews/joint-review';
import type {
  AssignmentBasis,
  DecisionOutcome,
  OpinionKind,
  TaskKind,
  TaskState,
  WorkSource,
} from '../../domain/tasks/task';
import {
  assignmentBasis,
  decisionOutcome,
  jointReviewState,
  leadRule,
  legEnd,
  legKind,
  legState,
  opinionKind,
  pauseReason,
  taskKind,
  taskState,
  toProtoJointReview,
  workSource,
} from './joint-review.mapper';
import { testCaseFacts } from '../../domain/reviews/opened-review.test-double';

const pb = jointReviewV1;

/** Every spelling of a domain union: the compiler rejects a missing or unknown one. */
const all = <D extends string>(spellings: Record<D, true>): D[] => Object.keys(spellings) as D[];

interface Codec<D extends string> {
  values: readonly D[];
  toProto(value: D | undefined): number;
  fromProto(value: number): D;
}

function roundTrip<D extends string>(codec: Codec<D>, domain: D[]): void {
  expect([...codec.values].sort()).toEqual([...domain].sort());
  for (const value of domain) {
    expect(codec.toProto(value)).toBeGreaterThan(0);
    expect(codec.fromProto(codec.toProto(value))).toBe(value);
  }
  expect(codec.toProto(undefined)).toBe(0);
  expect(codec.fromProto(0)).toBe('');
  expect(codec.fromProto(999)).toBe('');
}

describe('enum maps', () => {
  it('round-trip every domain spelling and map nothing to UNSPECIFIED', () => {
    roundTrip(leadRule, all<LeadRule>({ designated_per_item: true, first_receiving_window: true }));
    roundTrip(
      jointReviewState,
      all<JointReviewState>({ open: true, awaiting_conclusion: true, concluded: true, cancelled: true }),
    );
    roundTrip(taskKind, all<TaskKind>({ co_review: true, delegated_decision: true, escalation_decision: true }));
    roundTrip(taskState, all<TaskState>({ waiting: true, open: true, claimed: true, done: true, cancelled: true }));
    roundTrip(assignmentBasis, all<AssignmentBasis>({ window_lead: true, assigned: true, claimed: true }));
    roundTrip(opinionKind, all<OpinionKind>({ agree: true, disagree: true, agree_with_conditions: true }));
    roundTrip(
      workSource,
      all<WorkSource>({ workbench: true, department_system: true, meeting: true, case_stream: true }),
    );
    roundTrip(decisionOutcome, all<DecisionOutcome>({ approved: true, denied: true }));
    roundTrip(
      legKind,
      all<LegKind>({
        co_review: true,
        escalation_forward: true,
        escalation_handling: true,
        delegated_transfer: true,
        delegated_department: true,
        delegated_reply: true,
      }),
    );
    roundTrip(legState, all<LegState>({ running: true, paused: true, finished: true }));
    roundTrip(legEnd, all<LegEnd>({ completed: true, cancelled: true }));
    roundTrip(
      pauseReason,
      all<PauseReason>({ case_suspended: true, special_procedure: true, waiting_for_sender: true }),
    );
  });

  it('uses the proto value names', () => {
    expect(legKind.toProto('co_review')).toBe(pb.LegKind.LEG_KIND_CO_REVIEW);
    expect(opinionKind.toProto('agree_with_conditions')).toBe(pb.OpinionKind.OPINION_KIND_AGREE_WITH_CONDITIONS);
    expect(jointReviewState.fromProto(pb.JointReviewState.JOINT_REVIEW_STATE_AWAITING_CONCLUSION)).toBe(
      'awaiting_conclusion',
    );
  });
});

/** Calendar days stand in for working days: the mapper copies dates, it does not count them. */
const calendar: LegCalendar = {
  addWorkingDays: (start, n) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
  dayOf: (instant) => instant.toISOString().slice(0, 10),
  workingDaysBetween: (from, to) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000),
};
const t0 = new Date('2026-06-04T02:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function concludedReview() {
  const flow = defaultFlow({
    tenant: '620300',
    itemSeriesId: 'series-1',
    itemName: '食品经营许可',
    leadDepartment: '620300-SCJ',
    leadWindowId: 'w-scj',
    coDepartments: ['620300-XFJ', '620300-HBJ'],
    defaultBudgetWorkingDays: 5,
  });
  let n = 0;
  const opened = openJointReview(
    {
      id: 'jr-1',
      case: testCaseFacts,
      flow,
      leadRule: 'designated_per_item',
      lead: { department: '620300-SCJ', windowId: 'w-scj' },
      windowLeads: new Map([
        ['620300-XFJ', 'xfj.lead'],
        ['620300-HBJ', ''],
      ]),
      newTaskId: () => `task-${++n}`,
      at: t0,
      by: 'system',
    },
    calendar,
  ).review;
  const hbj = opened.tasks.find((t) => t.department === '620300-HBJ')!;
  const xfj = opened.tasks.find((t) => t.department === '620300-XFJ')!;
  const claimed = claimTask(opened, hbj.id, 'hbj.clerk', later(10)).review;
  const attachment = {
    id: 'att-1',
    fileName: '审查意见.pdf',
    contentType: 'application/pdf',
    size: 1024,
    sha256: 'ab'.repeat(32),
    uploadedBy: 'hbj.clerk',
    uploadedAt: later(15),
  };
  const opinion = (givenBy: string, kind: OpinionKind, conditions: string[] = []) => ({
    opinion: { kind, text: '经审查', reasons: [], conditions },
    attachments: givenBy === 'hbj.clerk' ? [attachment] : [],
    givenBy,
    source: 'workbench' as const,
  });
  const one = submitOpinion(
    claimed,
    hbj.id,
    opinion('hbj.clerk', 'agree_with_conditions', ['限期整改']),
    new Map(),
    later(20),
    calendar,
  );
  const two = submitOpinion(one.review, xfj.id, opinion('xfj.lead', 'agree'), new Map(), later(30), calendar);
  return concludeJointReview(
    two.review,
    { outcome: 'approved', reasons: [], conditions: ['限期整改'], attachments: [], concludedBy: 'scj.clerk' },
    later(40),
  ).review;
}

describe('toProtoJointReview', () => {
  it('maps a concluded review with its tasks, opinions, legs and conclusion', () => {
    const review = concludedReview();
    const proto = toProtoJointReview(review);

    // What the wire carries is what the mapper gave.
    expect(pb.JointReview.decode(pb.JointReview.encode(proto).finish())).toEqual(proto);
    expect(proto).toMatchObject({
      id: 'jr-1',
      tenant: '620300',
      caseId: 'case-1',
      caseNumber: '62030020260604000001',
      itemId: 'item-1',
      itemSeriesId: 'series-1',
      itemName: '食品经营许可',
      itemBasicCode: '000111222333',
      leadDepartment: '620300-SCJ',
      leadWindowId: 'w-scj',
      leadRule: pb.LeadRule.LEAD_RULE_DESIGNATED_PER_ITEM,
      state: pb.JointReviewState.JOINT_REVIEW_STATE_CONCLUDED,
      currentStage: 0,
      casePromisedDueDate: '2026-06-25',
      caseStatutoryDueDate: '2026-07-02',
      meetingIds: [],
      projectId: '',
      cancelledReason: '',
      openedBy: 'system',
      openedAt: t0,
      updatedAt: later(40),
      version: review.version,
      conclusion: {
        outcome: pb.DecisionOutcome.DECISION_OUTCOME_APPROVED,
        reasons: [],
        conditions: ['限期整改'],
        attachments: [],
        concludedBy: 'scj.clerk',
        concludedAt: later(40),
        reportedAt: undefined,
      },
    });

    const hbj = proto.tasks.find((t) => t.department === '620300-HBJ')!;
    expect(hbj).toMatchObject({
      kind: pb.TaskKind.TASK_KIND_CO_REVIEW,
      tenant: '620300',
      aggregateId: 'jr-1',
      stage: 1,
      required: true,
      state: pb.TaskState.TASK_STATE_DONE,
      assignee: 'hbj.clerk',
      assignmentBasis: pb.AssignmentBasis.ASSIGNMENT_BASIS_CLAIMED,
      budgetWorkingDays: 5,
      dueDate: '2026-06-09',
      legId: 'jr-1:co_review:1',
      decision: undefined,
      openedAt: t0,
      claimedAt: later(10),
      closedAt: later(20),
      opinion: {
        kind: pb.OpinionKind.OPINION_KIND_AGREE_WITH_CONDITIONS,
        text: '经审查',
        reasons: [],
        conditions: ['限期整改'],
        givenBy: 'hbj.clerk',
        handlerName: '',
        givenAt: later(20),
        source: pb.WorkSource.WORK_SOURCE_WORKBENCH,
        meetingId: '',
        attachments: [
          {
            id: 'att-1',
            fileName: '审查意见.pdf',
            contentType: 'application/pdf',
            size: 1024,
            sha256: 'ab'.repeat(32),
            uploadedBy: 'hbj.clerk',
            uploadedAt: later(15),
          },
        ],
      },
    });
    expect(proto.tasks.find((t) => t.department === '620300-XFJ')).toMatchObject({
      assignee: 'xfj.lead',
      assignmentBasis: pb.AssignmentBasis.ASSIGNMENT_BASIS_WINDOW_LEAD,
      claimedAt: undefined,
      opinion: { kind: pb.OpinionKind.OPINION_KIND_AGREE, attachments: [] },
    });

    expect(proto.legs).toHaveLength(2);
    expect(proto.legs.find((l) => l.taskId === hbj.id)).toEqual({
      id: 'jr-1:co_review:1',
      kind: pb.LegKind.LEG_KIND_CO_REVIEW,
      tenant: '620300',
      department: '620300-HBJ',
      windowId: '',
      caseId: 'case-1',
      caseNumber: '62030020260604000001',
      itemName: '食品经营许可',
      itemBasicCode: '000111222333',
      aggregateId: 'jr-1',
      taskId: hbj.id,
      responsible: 'hbj.clerk',
      budgetWorkingDays: 5,
      startDate: '2026-06-04',
      dueDate: '2026-06-09',
      state: pb.LegState.LEG_STATE_FINISHED,
      startedAt: t0,
      startedBy: 'system',
      finishedAt: later(20),
      finishedBy: 'hbj.clerk',
      end: pb.LegEnd.LEG_END_COMPLETED,
      pauses: [],
      casePromisedDueDate: '2026-06-25',
      counterpartTenant: '',
    });
  });

  it('leaves the unset parts of an open review unset', () => {
    const review = concludedReview();
    const open = {
      ...review,
      state: 'open' as const,
      conclusion: undefined,
      legs: review.legs.map((l) => ({
        ...l,
        state: 'running' as const,
        end: undefined,
        finishedAt: undefined,
        finishedBy: undefined,
      })),
    };
    const proto = toProtoJointReview(open);
    expect(proto.conclusion).toBeUndefined();
    expect(proto.legs[0]).toMatchObject({
      state: pb.LegState.LEG_STATE_RUNNING,
      end: pb.LegEnd.LEG_END_UNSPECIFIED,
      finishedAt: undefined,
      finishedBy: '',
    });
  });
});
