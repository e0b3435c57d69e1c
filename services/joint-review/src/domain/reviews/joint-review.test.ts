import { PreconditionError, ValidationError } from '@govhall/errors';
import { defaultFlow, type JointFlow } from './joint-flow';
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
} from './joint-review';
import { testCaseFacts, testLegCalendar as calendar } from './opened-review.test-double';

// Thursday 2026-06-04, 10:00 in Beijing.
const t0 = new Date('2026-06-04T02:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const caseFacts = testCaseFacts;

function flow(participants: Array<[string, number, number, boolean?]>): JointFlow {
  const f = defaultFlow({
    tenant: '620300',
    itemSeriesId: 'series-1',
    itemName: '食品经营许可',
    leadDepartment: '620300-SCJ',
    leadWindowId: 'w-scj',
    coDepartments: participants.map(([d]) => d),
    defaultBudgetWorkingDays: 5,
  });
  return {
    ...f,
    configured: true,
    participants: participants.map(([department, stage, budgetWorkingDays, required = true]) => ({
      department,
      stage,
      budgetWorkingDays,
      required,
      formFields: [],
      materialIds: [],
    })),
  };
}

const leads = new Map([
  ['620300-XFJ', 'xfj.lead'],
  ['620300-HBJ', 'hbj.lead'],
  ['620300-ZJJ', ''],
]);

function open(f: JointFlow): ReturnType<typeof openJointReview> {
  let n = 0;
  return openJointReview(
    {
      id: 'jr-1',
      case: caseFacts,
      flow: f,
      leadRule: 'designated_per_item',
      lead: { department: '620300-SCJ', windowId: 'w-scj' },
      windowLeads: leads,
      newTaskId: () => `task-${++n}`,
      at: t0,
      by: 'system',
    },
    calendar,
  );
}

const agree = { kind: 'agree' as const, text: '同意', reasons: [], conditions: [] };
const opinionBy = (givenBy: string, opinion: Parameters<typeof submitOpinion>[2]['opinion'] = agree) => ({
  opinion,
  attachments: [],
  givenBy,
  source: 'workbench' as const,
});
const task = (r: JointReview, department: string) => r.tasks.find((t) => t.department === department)!;

describe('opening a joint review', () => {
  it('opens every department of a parallel flow at once, assigned to its window lead, each with a running leg', () => {
    const { review, events } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-HBJ', 1, 3],
        ['620300-ZJJ', 1, 5],
      ]),
    );
    expect(review.state).toBe('open');
    expect(review.currentStage).toBe(1);
    expect(review.tasks.map((t) => [t.department, t.state, t.assignee, t.dueDate])).toEqual([
      ['620300-HBJ', 'open', 'hbj.lead', '2026-06-09'],
      ['620300-XFJ', 'open', 'xfj.lead', '2026-06-11'],
      // No window lead: nobody is assigned, the department's heads see it.
      ['620300-ZJJ', 'open', '', '2026-06-11'],
    ]);
    expect(review.legs.map((l) => [l.id, l.department, l.budgetWorkingDays, l.startDate, l.dueDate, l.state])).toEqual([
      ['jr-1:co_review:1', '620300-HBJ', 3, '2026-06-04', '2026-06-09', 'running'],
      ['jr-1:co_review:2', '620300-XFJ', 5, '2026-06-04', '2026-06-11', 'running'],
      ['jr-1:co_review:3', '620300-ZJJ', 5, '2026-06-04', '2026-06-11', 'running'],
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'JointReviewOpened',
      'TaskOpened',
      'LegStarted',
      'TaskOpened',
      'LegStarted',
      'TaskOpened',
      'LegStarted',
    ]);
  });

  it('opens only the first stage of a serial flow; the later ones wait without a leg', () => {
    const { review } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-HBJ', 2, 3],
      ]),
    );
    expect(review.tasks.map((t) => [t.department, t.state, t.legId])).toEqual([
      ['620300-XFJ', 'open', 'jr-1:co_review:1'],
      ['620300-HBJ', 'waiting', ''],
    ]);
  });

  it('never lets a task run past the case’s promised due date', () => {
    const { review } = open(flow([['620300-XFJ', 1, 30]]));
    expect(task(review, '620300-XFJ').dueDate).toBe('2026-06-25');
    expect(review.legs[0]!.dueDate).toBe('2026-06-25');
  });
});

describe('opinions', () => {
  it('a disagreement needs reasons, a conditional agreement conditions; nothing changes on bad input', () => {
    const { review } = open(flow([['620300-XFJ', 1, 5]]));
    const id = task(review, '620300-XFJ').id;
    for (const [opinion, path] of [
      [{ kind: 'disagree', text: '不同意', reasons: [], conditions: [] }, 'reasons'],
      [{ kind: 'agree_with_conditions', text: '附条件同意', reasons: [], conditions: [] }, 'conditions'],
      [{ kind: undefined, text: '意见', reasons: [], conditions: [] }, 'kind'],
      [{ kind: 'agree', text: ' ', reasons: [], conditions: [] }, 'text'],
    ] as const) {
      try {
        submitOpinion(
          review,
          id,
          opinionBy('xfj.lead', { ...opinion, reasons: [], conditions: [] }),
          leads,
          later(1),
          calendar,
        );
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).violations.map((v) => v.path)).toEqual([path]);
      }
    }
  });

  it('the last required opinion of a parallel flow leaves the review awaiting the lead; the leg finishes', () => {
    let { review } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-HBJ', 1, 3],
      ]),
    );
    ({ review } = submitOpinion(
      review,
      task(review, '620300-XFJ').id,
      opinionBy('xfj.lead'),
      leads,
      later(5),
      calendar,
    ));
    expect(review.state).toBe('open');
    const last = submitOpinion(review, task(review, '620300-HBJ').id, opinionBy('hbj.lead'), leads, later(9), calendar);
    expect(last.review.state).toBe('awaiting_conclusion');
    expect(last.events.map((e) => e.type)).toEqual(['TaskCompleted', 'LegFinished', 'JointReviewAwaitingConclusion']);
    const leg = last.review.legs.find((l) => l.department === '620300-HBJ')!;
    expect([leg.state, leg.end, leg.finishedBy, leg.finishedAt]).toEqual([
      'finished',
      'completed',
      'hbj.lead',
      later(9),
    ]);
  });

  it('a serial flow opens the next stage when the stage’s required opinions are in, not waiting for an optional one', () => {
    let { review } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-ZJJ', 1, 5, false],
        ['620300-HBJ', 2, 3],
      ]),
    );
    const next = submitOpinion(review, task(review, '620300-XFJ').id, opinionBy('xfj.lead'), leads, later(5), calendar);
    review = next.review;
    expect(review.currentStage).toBe(2);
    expect(task(review, '620300-HBJ')).toMatchObject({
      state: 'open',
      assignee: 'hbj.lead',
      legId: 'jr-1:co_review:3',
    });
    expect(task(review, '620300-ZJJ').state).toBe('open');
    expect(next.events.map((e) => e.type)).toEqual([
      'TaskCompleted',
      'LegFinished',
      'JointReviewStageAdvanced',
      'TaskOpened',
      'LegStarted',
    ]);
  });

  it('a done task takes no second opinion', () => {
    let { review } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-HBJ', 1, 5],
      ]),
    );
    const id = task(review, '620300-XFJ').id;
    ({ review } = submitOpinion(review, id, opinionBy('xfj.lead'), leads, later(5), calendar));
    expect(() => submitOpinion(review, id, opinionBy('xfj.lead'), leads, later(6), calendar)).toThrow(
      expect.objectContaining({ code: 'WRONG_STATE' }),
    );
  });
});

describe('claiming', () => {
  it('hands the task and its leg to the claimant; someone else cannot take it; claiming again changes nothing', () => {
    const { review } = open(flow([['620300-ZJJ', 1, 5]]));
    const id = task(review, '620300-ZJJ').id;
    const claimed = claimTask(review, id, 'zjj.clerk', later(1));
    expect(task(claimed.review, '620300-ZJJ')).toMatchObject({ state: 'claimed', assignee: 'zjj.clerk', version: 3 });
    expect(claimed.review.legs[0]!.responsible).toBe('zjj.clerk');
    expect(claimTask(claimed.review, id, 'zjj.clerk', later(2)).events).toEqual([]);
    expect(() => claimTask(claimed.review, id, 'zjj.other', later(2))).toThrow(
      expect.objectContaining({ code: 'TASK_CLAIMED', metadata: { claimedBy: 'zjj.clerk' } }),
    );
  });
});

describe('the lead’s conclusion', () => {
  it('cannot approve while a required opinion is missing or against; can deny with reasons at any time', () => {
    let { review } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-HBJ', 1, 5],
      ]),
    );
    const approve = {
      outcome: 'approved' as const,
      reasons: [],
      conditions: [],
      attachments: [],
      concludedBy: 'scj.clerk',
    };
    expect(() => concludeJointReview(review, approve, later(1))).toThrow(
      expect.objectContaining({ code: 'TASKS_OPEN', metadata: { openTasks: '2' } }),
    );
    ({ review } = submitOpinion(
      review,
      task(review, '620300-XFJ').id,
      opinionBy('xfj.lead', { kind: 'disagree', text: '不同意', reasons: ['消防通道不足'], conditions: [] }),
      leads,
      later(2),
      calendar,
    ));
    ({ review } = submitOpinion(
      review,
      task(review, '620300-HBJ').id,
      opinionBy('hbj.lead'),
      leads,
      later(3),
      calendar,
    ));
    expect(() => concludeJointReview(review, approve, later(4))).toThrow(
      expect.objectContaining({ code: 'OPINION_DISAGREES', metadata: { departments: '620300-XFJ' } }),
    );
    expect(() => concludeJointReview(review, { ...approve, outcome: 'denied' }, later(4))).toThrow(ValidationError);
    const denied = concludeJointReview(
      review,
      { ...approve, outcome: 'denied', reasons: ['消防部门不同意'] },
      later(5),
    );
    expect(denied.review.state).toBe('concluded');
    expect(denied.review.conclusion).toMatchObject({
      outcome: 'denied',
      reasons: ['消防部门不同意'],
      concludedBy: 'scj.clerk',
    });
    expect(denied.review.conclusion!.reportedAt).toBeUndefined();
    const reported = markReported(denied.review, later(6));
    expect(reported.review.conclusion!.reportedAt).toEqual(later(6));
    expect(markReported(reported.review, later(7)).events).toEqual([]);
  });

  it('a denial cancels the open tasks and closes their legs as cancelled', () => {
    const { review } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-HBJ', 2, 5],
      ]),
    );
    const denied = concludeJointReview(
      review,
      { outcome: 'denied', reasons: ['申请人不具备条件'], conditions: [], attachments: [], concludedBy: 'scj.clerk' },
      later(1),
    );
    expect(denied.review.tasks.map((t) => t.state)).toEqual(['cancelled', 'cancelled']);
    expect(denied.review.legs.map((l) => [l.state, l.end])).toEqual([['finished', 'cancelled']]);
    expect(denied.events.map((e) => e.type)).toEqual([
      'TaskCancelled',
      'LegFinished',
      'TaskCancelled',
      'JointReviewConcluded',
    ]);
    expect(() =>
      concludeJointReview(
        denied.review,
        { outcome: 'denied', reasons: ['再次'], conditions: [], attachments: [], concludedBy: 'x' },
        later(2),
      ),
    ).toThrow(PreconditionError);
  });

  it('an approval with every required opinion in cancels the optional task still open', () => {
    let { review } = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-ZJJ', 1, 5, false],
      ]),
    );
    ({ review } = submitOpinion(
      review,
      task(review, '620300-XFJ').id,
      opinionBy('xfj.lead', {
        kind: 'agree_with_conditions',
        text: '附条件同意',
        reasons: [],
        conditions: ['开业前复查'],
      }),
      leads,
      later(2),
      calendar,
    ));
    expect(review.state).toBe('awaiting_conclusion');
    const approved = concludeJointReview(
      review,
      { outcome: 'approved', reasons: [], conditions: ['开业前复查'], attachments: [], concludedBy: 'scj.clerk' },
      later(3),
    );
    expect(task(approved.review, '620300-ZJJ').state).toBe('cancelled');
    expect(approved.review.conclusion!.conditions).toEqual(['开业前复查']);
  });
});

describe('a case that ends without a conclusion', () => {
  it('cancels the review and every open task; a second cancellation changes nothing', () => {
    const { review } = open(flow([['620300-XFJ', 1, 5]]));
    const cancelled = cancelJointReview(review, '申请人撤回申请', later(1));
    expect(cancelled.review).toMatchObject({ state: 'cancelled', cancelledReason: '申请人撤回申请' });
    expect(cancelled.review.legs[0]).toMatchObject({ state: 'finished', end: 'cancelled', finishedBy: 'system' });
    expect(cancelJointReview(cancelled.review, '再次', later(2)).events).toEqual([]);
  });
});

describe('assigning, reopening and adding (AssignTask, ReopenTask, AddParticipant)', () => {
  const serial = () =>
    open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-HBJ', 2, 3],
      ]),
    ).review;

  it('assigning hands the leg to the new assignee without touching its clock; a done task is the wrong state', () => {
    const review = serial();
    const id = task(review, '620300-XFJ').id;
    const claimed = claimTask(review, id, 'xfj.lead', later(1)).review;
    const { review: next, events } = assignTask(
      claimed,
      id,
      { assignee: 'xfj.reviewer', assigneeKnown: true, note: '' },
      later(2),
    );
    const before = claimed.legs[0]!;
    expect(next.legs[0]).toEqual({ ...before, responsible: 'xfj.reviewer' });
    expect(task(next, '620300-XFJ')).toMatchObject({ state: 'open', assignee: 'xfj.reviewer', claimedAt: undefined });
    expect(events.map((e) => e.type)).toEqual(['TaskAssigned']);
    const done = submitOpinion(next, id, opinionBy('xfj.reviewer'), leads, later(3), calendar).review;
    expect(() => assignTask(done, id, { assignee: 'xfj.lead', assigneeKnown: true, note: '' }, later(4))).toThrow(
      PreconditionError,
    );
    expect(() => assignTask(next, id, { assignee: 'someone', assigneeKnown: false, note: '' }, later(4))).toThrow(
      ValidationError,
    );
  });

  it('reopening a done stage-1 task holds the next stage back until it is answered again', () => {
    let review = open(
      flow([
        ['620300-XFJ', 1, 5],
        ['620300-ZJJ', 1, 5],
        ['620300-HBJ', 2, 3],
      ]),
    ).review;
    const xfj = task(review, '620300-XFJ').id;
    review = submitOpinion(review, xfj, opinionBy('xfj.lead'), leads, later(1), calendar).review;
    const { review: reopened, events } = reopenTask(
      review,
      xfj,
      { reason: '请重新审查', budgetWorkingDays: 2, windowLead: 'xfj.lead', by: 'scj.clerk' },
      later(2),
      calendar,
    );
    expect(events.map((e) => e.type)).toEqual(['TaskReopened', 'LegStarted']);
    expect(task(reopened, '620300-XFJ')).toMatchObject({
      state: 'open',
      legId: 'jr-1:co_review:3',
      dueDate: '2026-06-08',
      opinion: undefined,
    });
    // ZJJ answers: stage 1 is not complete while XFJ reconsiders.
    const zjj = submitOpinion(reopened, task(reopened, '620300-ZJJ').id, opinionBy('zjj'), leads, later(3), calendar);
    expect(zjj.review.currentStage).toBe(1);
    expect(task(zjj.review, '620300-HBJ').state).toBe('waiting');
    const again = submitOpinion(zjj.review, xfj, opinionBy('xfj.lead'), leads, later(4), calendar);
    expect(again.review.currentStage).toBe(2);
    expect(task(again.review, '620300-HBJ').state).toBe('open');
  });

  it('a budget past the promised due date is refused for a reopened task and an added department alike', () => {
    let review = open(flow([['620300-XFJ', 1, 5]])).review;
    const xfj = task(review, '620300-XFJ').id;
    review = submitOpinion(review, xfj, opinionBy('xfj.lead'), leads, later(1), calendar).review;
    const reasons = (f: () => unknown) => {
      try {
        f();
        return [];
      } catch (e) {
        return (e as ValidationError).violations.map((v) => `${v.path} ${v.reason}`);
      }
    };
    expect(
      reasons(() =>
        reopenTask(
          review,
          xfj,
          { reason: '请重新审查', budgetWorkingDays: 20, windowLead: 'xfj.lead', by: 'scj.clerk' },
          later(2),
          calendar,
        ),
      ),
    ).toEqual(['budgetWorkingDays BUDGET_EXCEEDS_LIMIT']);
    const input = {
      participant: { department: '620300-GTJ', stage: 1, budgetWorkingDays: 20, required: true },
      reason: '涉及临时用地',
      departmentKnown: true,
      windowLead: '',
      taskId: 'task-9',
      by: 'scj.clerk',
    };
    expect(reasons(() => addParticipant(review, input, later(2), calendar))).toEqual([
      'participant.budgetWorkingDays BUDGET_EXCEEDS_LIMIT',
    ]);
    // With a budget that fits, the review awaiting the conclusion is open again; nobody is assigned without a lead.
    const added = addParticipant(
      review,
      { ...input, participant: { ...input.participant, budgetWorkingDays: 5 } },
      later(2),
      calendar,
    );
    expect(added.review).toMatchObject({ state: 'open', currentStage: 1 });
    expect(task(added.review, '620300-GTJ')).toMatchObject({ state: 'open', assignee: '', dueDate: '2026-06-11' });
  });
});
