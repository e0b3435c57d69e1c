import { ForbiddenError, NotFoundError } from '@govhall/errors';
import {
  agree,
  GTJ,
  handed,
  HBJ,
  hbjLead,
  hbjSystem,
  leadClerk,
  otherTenantSystem,
  SCJ,
  setNow,
  staff,
  taskOf,
  TENANT,
  world,
  worldNow,
  XFJ,
  xfjLead,
  xfjReviewer,
} from '../review-world.test-double';
import { listJointReviewsUseCase } from '../list-joint-reviews/list-joint-reviews.usecase';
import {
  openJointReviewByLeadUseCase,
  type JointCaseNow,
} from '../open-joint-review-by-lead/open-joint-review-by-lead.usecase';

describe('opening from the case stream', () => {
  it('opens once per case with the default flow, the item’s department leading (J9 default)', async () => {
    const w = world();
    const first = await w.open(handed);
    expect(first.created).toBe(true);
    expect(first.review).toMatchObject({
      leadDepartment: SCJ,
      leadWindowId: 'w-scj',
      leadRule: 'designated_per_item',
      openedBy: 'system',
    });
    expect(first.review.tasks.map((t) => [t.department, t.state, t.assignee, t.budgetWorkingDays])).toEqual([
      [HBJ, 'open', 'hbj.lead', 5],
      [XFJ, 'open', 'xfj.lead', 5],
    ]);
    const again = await w.open(handed);
    expect(again.created).toBe(false);
    expect(w.reviews.byId.size).toBe(1);
  });

  it('with 首办责任制 the window that received the case leads, and takes no co-review task of its own', async () => {
    const w = world({ settings: { leadRule: 'first_receiving_window' } });
    const { review } = await w.open({ ...handed, department: XFJ, windowId: 'w-xfj' });
    expect(review).toMatchObject({ leadDepartment: XFJ, leadWindowId: 'w-xfj', leadRule: 'first_receiving_window' });
    expect(review.tasks.map((t) => t.department)).toEqual([HBJ]);
  });
});

describe('who sees and works a task', () => {
  it('a department’s own system claims and answers its task; another tenant’s system does not see it', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, HBJ);
    await expect(w.claim({ taskId: task.id, expectedVersion: task.version }, otherTenantSystem)).rejects.toThrow(
      NotFoundError,
    );
    const claimed = await w.claim({ taskId: task.id, expectedVersion: task.version }, hbjSystem);
    expect(claimed).toMatchObject({ state: 'claimed', assignee: 'service:dept-hbj' });
    const { task: done } = await w.submit(
      { taskId: task.id, expectedVersion: claimed.version, ...agree, handlerName: '张三 HB007' },
      hbjSystem,
    );
    expect(done.opinion).toMatchObject({
      source: 'department_system',
      givenBy: 'service:dept-hbj',
      handlerName: '张三 HB007',
    });
  });

  it('only the assignee gives the opinion; a stale version is refused; nothing changes', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, XFJ);
    await expect(
      w.submit({ taskId: task.id, expectedVersion: task.version, ...agree }, xfjReviewer),
    ).rejects.toMatchObject({
      code: 'NOT_ASSIGNEE',
    });
    await expect(
      w.submit({ taskId: task.id, expectedVersion: task.version - 1, ...agree }, xfjLead),
    ).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    await expect(
      w.submit({ taskId: task.id, expectedVersion: task.version, ...agree, attachmentIds: ['nope'] }, xfjLead),
    ).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'attachmentIds.0', reason: 'ATTACHMENT_UNKNOWN' })],
    });
    expect(taskOf((await w.reviews.findById(review.id))!, XFJ).state).toBe('open');
    expect(w.reviews.events.filter((e) => e.type === 'TaskCompleted')).toEqual([]);
  });

  it('an opinion carries attachments its giver uploaded, once; another’s upload or a used one is unknown', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, XFJ);
    w.attachments.given('a-mine', 'xfj.lead', TENANT, '消防审查意见书.pdf');
    w.attachments.given('a-theirs', 'hbj.lead', TENANT);
    w.attachments.given('a-elsewhere', 'xfj.lead', '620321');
    await expect(
      w.submit(
        {
          taskId: task.id,
          expectedVersion: task.version,
          ...agree,
          attachmentIds: ['a-mine', 'a-theirs', 'a-elsewhere'],
        },
        xfjLead,
      ),
    ).rejects.toMatchObject({
      violations: [
        expect.objectContaining({ path: 'attachmentIds.1', reason: 'ATTACHMENT_UNKNOWN' }),
        expect.objectContaining({ path: 'attachmentIds.2', reason: 'ATTACHMENT_UNKNOWN' }),
      ],
    });
    expect(w.attachments.usedBy('a-mine')).toBe('');
    const { task: done } = await w.submit(
      { taskId: task.id, expectedVersion: task.version, ...agree, attachmentIds: ['a-mine'] },
      xfjLead,
    );
    expect(done.opinion!.attachments).toEqual([
      expect.objectContaining({ id: 'a-mine', fileName: '消防审查意见书.pdf', uploadedBy: 'xfj.lead' }),
    ]);
    expect(w.attachments.usedBy('a-mine')).toBe(review.id);
    // Used by this review's opinion, it cannot go with another review's act.
    const other = await w.open({ ...handed, caseId: 'case-2', caseNumber: '62030020260604000002' });
    const otherTask = taskOf(other.review, XFJ);
    await expect(
      w.submit(
        { taskId: otherTask.id, expectedVersion: otherTask.version, ...agree, attachmentIds: ['a-mine'] },
        xfjLead,
      ),
    ).rejects.toMatchObject({ violations: [expect.objectContaining({ reason: 'ATTACHMENT_UNKNOWN' })] });
  });

  it('an outsider naming a stale version learns nothing: not found, not a version conflict', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, XFJ);
    await expect(w.claim({ taskId: task.id, expectedVersion: 99 }, hbjLead)).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
  });

  it('a member of another department, or of the lead, does not see the task', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, XFJ);
    await expect(w.claim({ taskId: task.id, expectedVersion: task.version }, hbjLead)).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
    await expect(w.claim({ taskId: task.id, expectedVersion: task.version }, leadClerk)).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
  });
});

describe('the inbox', () => {
  it('lists the department’s tasks to its staff; another department or tenant is refused with its reason', async () => {
    const w = world();
    await w.open(handed);
    const page = { pageSize: 20, pageToken: '' };
    const mine = await w.listTasks({ tenant: '', department: '', states: [], dueBy: '', page }, xfjReviewer);
    expect(mine.items.map((t) => t.department)).toEqual([XFJ]);
    await expect(
      w.listTasks({ tenant: '', department: HBJ, states: [], dueBy: '', page }, xfjReviewer),
    ).rejects.toMatchObject({
      code: 'DEPARTMENT_OUT_OF_SCOPE',
    });
    await expect(
      w.listTasks({ tenant: '620321', department: '', states: [], dueBy: '', page }, hbjSystem),
    ).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    const admin = staff('center.admin', '', ['center_admin']);
    expect((await w.listTasks({ tenant: '', department: HBJ, states: [], dueBy: '', page }, admin)).items).toHaveLength(
      1,
    );
  });

  it('my tasks: assigned to me, and the open ones of my department nobody claimed', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const page = { pageSize: 20, pageToken: '' };
    expect((await w.listMyTasks({ states: [], page }, xfjReviewer)).items.map((t) => t.department)).toEqual([XFJ]);
    const task = taskOf(review, XFJ);
    await w.claim({ taskId: task.id, expectedVersion: task.version }, xfjLead);
    expect((await w.listMyTasks({ states: [], page }, xfjReviewer)).items).toEqual([]);
    expect((await w.listMyTasks({ states: [], page }, xfjLead)).items.map((t) => t.state)).toEqual(['claimed']);
  });
});

describe('the lead opens the review the case stream has not opened yet (OpenJointReview)', () => {
  const CASE_ID = '7d2f0c1e-5a4b-4c3d-8e9f-0a1b2c3d4e5f';
  function lead(status = 'joint_review') {
    const w = world();
    const now: JointCaseNow = { status, handed: { ...handed, caseId: CASE_ID, coDepartments: [] } };
    const open = openJointReviewByLeadUseCase({
      reviews: w.reviews,
      duty: { windowResponsible: async () => leadClerk.username },
      cases: { find: async (tenant, caseId) => (tenant === TENANT && caseId === CASE_ID ? now : null) },
      open: w.open,
    });
    return { w, open };
  }

  it("opens it as the stream would (the item's co-departments), once; the stream's event then finds it", async () => {
    const { w, open } = lead();
    const opened = await open({ caseId: CASE_ID }, leadClerk);
    expect(opened.created).toBe(true);
    expect(opened.review).toMatchObject({ caseId: CASE_ID, leadDepartment: SCJ, state: 'open' });
    expect(opened.review.tasks.length).toBeGreaterThan(0);
    const again = await open({ caseId: CASE_ID }, leadClerk);
    expect([again.created, again.review.id]).toEqual([false, opened.review.id]);
    const streamed = await w.open({ ...handed, caseId: CASE_ID });
    expect([streamed.created, streamed.review.id]).toEqual([false, opened.review.id]);
  });

  it('refuses a bad id, a case not in JOINT_REVIEW, a reviewer of the lead, and outsiders; opens nothing', async () => {
    const { w, open } = lead('processing');
    await expect(open({ caseId: 'x' }, leadClerk)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(open({ caseId: CASE_ID }, leadClerk)).rejects.toMatchObject({ code: 'WRONG_STATE' });
    await expect(open({ caseId: CASE_ID }, staff('scj.reviewer', SCJ, ['reviewer']))).rejects.toMatchObject({
      code: 'NOT_LEAD',
    });
    await expect(open({ caseId: CASE_ID }, xfjLead)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(open({ caseId: CASE_ID }, staff('c', SCJ, ['window_clerk'], '620321'))).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    expect(await w.reviews.findByCase(TENANT, CASE_ID)).toBeNull();
  });

  it('an open review answers the lead; a co-department is NOT_LEAD', async () => {
    const { open } = lead();
    await open({ caseId: CASE_ID }, leadClerk);
    await expect(open({ caseId: CASE_ID }, xfjLead)).rejects.toMatchObject({ code: 'NOT_LEAD' });
  });
});

describe('the reviews a department leads or takes part in (ListJointReviews)', () => {
  const request = { tenant: '', department: '', caseNumber: '', projectId: '', page: { pageSize: 20, pageToken: '' } };
  const project = { id: '3f1c2a4e-0b6d-4c8e-9a71-5d2e8f0b1c3a', tenant: TENANT, cases: [{ caseId: 'case-1' }] };

  it('by case number or project, to the lead and participants; others are refused or find none', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const list = listJointReviewsUseCase({
      reviews: w.reviews,
      projects: { findById: async (id) => (id === project.id ? (project as never) : null) },
    });
    const byNumber = { ...request, caseNumber: handed.caseNumber };
    expect((await list(byNumber, leadClerk)).items.map((r) => r.id)).toEqual([review.id]);
    expect((await list(byNumber, xfjReviewer)).items.map((r) => r.id)).toEqual([review.id]);
    expect((await list({ ...byNumber, state: 'concluded' }, leadClerk)).items).toEqual([]);
    expect((await list({ ...request, projectId: project.id }, hbjLead)).items.map((r) => r.id)).toEqual([review.id]);
    const gtj = staff('gtj.clerk', GTJ, ['window_clerk']);
    expect((await list(byNumber, gtj)).items).toEqual([]);
    await expect(list({ ...byNumber, department: XFJ }, gtj)).rejects.toMatchObject({
      code: 'DEPARTMENT_OUT_OF_SCOPE',
    });
    await expect(list({ ...request, tenant: '620321' }, leadClerk)).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    const admin = staff('center.admin', '', ['center_admin']);
    expect((await list(byNumber, admin)).items).toHaveLength(1);
    const bad = await list({ ...request, caseNumber: '号码', projectId: 'x' }, admin).catch((e: unknown) => e);
    expect((bad as { violations: { path: string }[] }).violations.map((v) => v.path)).toEqual([
      'caseNumber',
      'projectId',
    ]);
  });
});

describe('the conclusion', () => {
  async function answered(w: ReturnType<typeof world>) {
    const { review } = await w.open(handed);
    for (const [department, who] of [
      [XFJ, xfjLead],
      [HBJ, hbjLead],
    ] as const) {
      const t = taskOf(review, department);
      await w.submit({ taskId: t.id, expectedVersion: t.version, ...agree }, who);
    }
    return (await w.reviews.findById(review.id))!;
  }

  it('a co-department’s reviewer cannot conclude for the lead; an outsider does not see the review', async () => {
    const w = world();
    const review = await answered(w);
    const request = {
      reviewId: review.id,
      expectedVersion: review.version,
      outcome: 'approved' as const,
      reasons: [],
      conditions: [],
      attachmentIds: [],
    };
    await expect(w.conclude(request, xfjReviewer)).rejects.toMatchObject({ code: 'NOT_LEAD' });
    await expect(w.conclude(request, staff('scj.other', SCJ, ['window_clerk']))).rejects.toThrow(ForbiddenError);
    await expect(w.conclude(request, staff('x', '620300-GTJ', ['reviewer']))).rejects.toMatchObject({
      code: 'JOINT_REVIEW_NOT_FOUND',
    });
    await expect(w.get({ id: review.id, caseId: '' }, staff('x', '620300-GTJ', ['reviewer']))).rejects.toThrow(
      NotFoundError,
    );
    expect(w.reported).toEqual([]);
  });

  it('a conclusion carries the lead’s uploaded decision document', async () => {
    const w = world();
    const review = await answered(w);
    w.attachments.given('a-decision', 'scj.clerk', TENANT, '联办审批决定书.pdf');
    const done = await w.conclude(
      {
        reviewId: review.id,
        expectedVersion: review.version,
        outcome: 'approved',
        reasons: [],
        conditions: [],
        attachmentIds: ['a-decision'],
      },
      leadClerk,
    );
    expect(done.conclusion!.attachments).toEqual([expect.objectContaining({ id: 'a-decision' })]);
    expect(w.attachments.usedBy('a-decision')).toBe(review.id);
  });

  it('the clerk serving the lead window concludes; the cases service is told at once', async () => {
    const w = world();
    const review = await answered(w);
    const done = await w.conclude(
      {
        reviewId: review.id,
        expectedVersion: review.version,
        outcome: 'approved',
        reasons: [],
        conditions: [],
        attachmentIds: [],
      },
      leadClerk,
    );
    expect(done.state).toBe('concluded');
    expect(done.conclusion!.reportedAt).toEqual(worldNow());
    expect(w.reported).toEqual(['case-1:approved']);
  });

  it('when the cases service is down the conclusion stays unreported, and the retry reports it later', async () => {
    const w = world({ casesDown: true });
    const review = await answered(w);
    const done = await w.conclude(
      {
        reviewId: review.id,
        expectedVersion: review.version,
        outcome: 'denied',
        reasons: ['环保部门意见'],
        conditions: [],
        attachmentIds: [],
      },
      staff('scj.head', SCJ, ['department_head']),
    );
    expect(done.conclusion!.reportedAt).toBeUndefined();
    expect(await w.report.pending()).toBe(0);
    w.setCasesDown(false);
    setNow(new Date('2026-06-04T03:00:00Z'));
    expect(await w.report.pending()).toBe(1);
    expect(w.reported).toEqual(['case-1:denied']);
    expect((await w.reviews.findById(review.id))!.conclusion!.reportedAt).toEqual(worldNow());
    expect(await w.report.pending()).toBe(0);
  });
});

describe('a case that ends', () => {
  it('cancels its review; a case without one is left alone', async () => {
    const w = world();
    await w.open(handed);
    const cancelled = await w.cancel(TENANT, 'case-1', '申请人已撤回申请');
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelledReason: '申请人已撤回申请' });
    expect(cancelled!.tasks.map((t) => t.state)).toEqual(['cancelled', 'cancelled']);
    expect(await w.cancel(TENANT, 'case-2', '申请人已撤回申请')).toBeNull();
  });
});

/** Every task and leg of the stored review, and the events written, to show a refusal changed nothing. */
async function snapshot(w: ReturnType<typeof world>, reviewId: string) {
  return { review: structuredClone(await w.reviews.findById(reviewId)), events: w.reviews.events.length };
}

describe('assigning a task (AssignTask)', () => {
  const xfjHead = staff('xfj.head', XFJ, ['department_head']);

  it('the window lead assigns the open task to a reviewer: the leg’s responsible changes, its clock does not', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, XFJ);
    const assigned = await w.assign(
      { taskId: task.id, expectedVersion: task.version, assignee: 'xfj.reviewer', note: '请审查消防设施' },
      xfjLead,
    );
    expect(assigned).toMatchObject({
      state: 'open',
      assignee: 'xfj.reviewer',
      assignmentBasis: 'assigned',
      version: task.version + 1,
      dueDate: task.dueDate,
      legId: task.legId,
      note: '请审查消防设施',
    });
    const stored = (await w.reviews.findById(review.id))!;
    const before = review.legs.find((l) => l.id === task.legId)!;
    expect(stored.legs.find((l) => l.id === task.legId)).toEqual({ ...before, responsible: 'xfj.reviewer' });
    expect(w.reviews.events.at(-1)).toEqual({ type: 'TaskAssigned', task: assigned, previousAssignee: 'xfj.lead' });
    // The new assignee answers; the window lead no longer may.
    await expect(
      w.submit({ taskId: task.id, expectedVersion: assigned.version, ...agree }, xfjLead),
    ).rejects.toMatchObject({ code: 'NOT_ASSIGNEE' });
    const { task: done } = await w.submit(
      { taskId: task.id, expectedVersion: assigned.version, ...agree },
      xfjReviewer,
    );
    expect(done).toMatchObject({ state: 'done', opinion: { givenBy: 'xfj.reviewer' } });
  });

  it('the department head takes a claimed task from one member of staff and gives it to another', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, XFJ);
    const claimed = await w.claim({ taskId: task.id, expectedVersion: task.version }, xfjLead);
    const assigned = await w.assign(
      { taskId: task.id, expectedVersion: claimed.version, assignee: 'xfj.reviewer', note: '' },
      xfjHead,
    );
    expect(assigned).toMatchObject({ state: 'open', assignee: 'xfj.reviewer', assignmentBasis: 'assigned', note: '' });
    expect(assigned.claimedAt).toBeUndefined();
    expect(w.reviews.events.at(-1)).toMatchObject({ type: 'TaskAssigned', previousAssignee: 'xfj.lead' });
    // Assigning it to its assignee again changes nothing.
    const again = await w.assign(
      { taskId: task.id, expectedVersion: assigned.version, assignee: 'xfj.reviewer', note: '' },
      xfjHead,
    );
    expect(again.version).toBe(assigned.version);
  });

  it('refuses other staff, outsiders, unknown or inactive assignees, stale versions and done tasks; nothing changes', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const task = taskOf(review, XFJ);
    const request = { taskId: task.id, expectedVersion: task.version, assignee: 'xfj.reviewer', note: '' };
    const before = await snapshot(w, review.id);

    await expect(w.assign(request, xfjReviewer)).rejects.toMatchObject({ code: 'NOT_DEPARTMENT_LEAD' });
    await expect(w.assign(request, hbjLead)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await expect(w.assign(request, staff('center.admin', '', ['center_admin']))).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
    await expect(w.assign({ ...request, taskId: 'nope' }, xfjLead)).rejects.toThrow(NotFoundError);
    for (const assignee of ['hbj.lead', 'xfj.gone', 'xfj.auditor', 'nobody']) {
      await expect(w.assign({ ...request, assignee }, xfjLead)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        violations: [expect.objectContaining({ path: 'assignee', reason: 'UNKNOWN' })],
      });
    }
    await expect(w.assign({ ...request, assignee: ' ', note: '很'.repeat(501) }, xfjLead)).rejects.toMatchObject({
      violations: [
        expect.objectContaining({ path: 'assignee', reason: 'REQUIRED' }),
        expect.objectContaining({ path: 'note', reason: 'TOO_LONG' }),
      ],
    });
    await expect(w.assign({ ...request, expectedVersion: task.version - 1 }, xfjLead)).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    expect(await snapshot(w, review.id)).toEqual(before);

    const { task: done } = await w.submit({ taskId: task.id, expectedVersion: task.version, ...agree }, xfjLead);
    const afterDone = await snapshot(w, review.id);
    await expect(w.assign({ ...request, expectedVersion: done.version }, xfjHead)).rejects.toMatchObject({
      code: 'WRONG_STATE',
      metadata: { currentState: 'done' },
    });
    expect(await snapshot(w, review.id)).toEqual(afterDone);
  });
});

describe('reopening a task (ReopenTask)', () => {
  async function awaiting(w: ReturnType<typeof world>) {
    const { review } = await w.open(handed);
    for (const [department, who] of [
      [XFJ, xfjLead],
      [HBJ, hbjLead],
    ] as const) {
      const t = taskOf(review, department);
      await w.submit(
        department === XFJ
          ? { taskId: t.id, expectedVersion: t.version, ...agree, kind: 'disagree', reasons: ['消防通道不足'] }
          : { taskId: t.id, expectedVersion: t.version, ...agree },
        who,
      );
    }
    return (await w.reviews.findById(review.id))!;
  }

  it('the lead reopens a done task: a new budget and leg, the review open again, the old opinion in the events', async () => {
    const w = world();
    const review = await awaiting(w);
    expect(review.state).toBe('awaiting_conclusion');
    const task = taskOf(review, XFJ);
    const reopened = await w.reopen(
      {
        taskId: task.id,
        expectedVersion: review.version,
        reason: '申请人已补充消防通道说明，请重新审查',
        budgetWorkingDays: 3,
      },
      leadClerk,
    );
    expect(reopened).toMatchObject({ state: 'open', currentStage: 1, version: review.version + 1 });
    const t = taskOf(reopened, XFJ);
    expect(t).toMatchObject({
      state: 'open',
      assignee: 'xfj.lead',
      assignmentBasis: 'window_lead',
      budgetWorkingDays: 3,
      dueDate: '2026-06-09',
      legId: `${review.id}:co_review:3`,
      note: '申请人已补充消防通道说明，请重新审查',
      version: task.version + 1,
    });
    expect(t.opinion).toBeUndefined();
    expect(reopened.legs.map((l) => [l.id, l.department, l.state])).toEqual([
      [`${review.id}:co_review:1`, HBJ, 'finished'],
      [`${review.id}:co_review:2`, XFJ, 'finished'],
      [`${review.id}:co_review:3`, XFJ, 'running'],
    ]);
    expect(w.reviews.events.slice(-2).map((e) => e.type)).toEqual(['TaskReopened', 'LegStarted']);
    expect(w.reviews.events.at(-2)).toMatchObject({ reason: '申请人已补充消防通道说明，请重新审查' });
    expect(w.reviews.events.at(-1)).toMatchObject({
      leg: { id: t.legId, responsible: 'xfj.lead', budgetWorkingDays: 3, dueDate: '2026-06-09' },
    });
    const previous = w.reviews.events.filter((e) => e.type === 'TaskCompleted' && e.task.id === task.id);
    expect(previous).toEqual([expect.objectContaining({ task: expect.objectContaining({ opinion: task.opinion }) })]);

    // The department answers again: the review awaits the conclusion once more, and may be approved.
    const { review: again } = await w.submit({ taskId: t.id, expectedVersion: t.version, ...agree }, xfjLead);
    expect(again.state).toBe('awaiting_conclusion');
    const concluded = await w.conclude(
      {
        reviewId: again.id,
        expectedVersion: again.version,
        outcome: 'approved',
        reasons: [],
        conditions: [],
        attachmentIds: [],
      },
      leadClerk,
    );
    expect(concluded.state).toBe('concluded');
  });

  it('refuses non-leads, outsiders, open tasks, bad input, budgets past the promised date and stale versions; nothing changes', async () => {
    const w = world();
    const review = await awaiting(w);
    const task = taskOf(review, XFJ);
    const request = { taskId: task.id, expectedVersion: review.version, reason: '请重新审查', budgetWorkingDays: 3 };
    const before = await snapshot(w, review.id);

    await expect(w.reopen(request, xfjReviewer)).rejects.toMatchObject({ code: 'NOT_LEAD' });
    await expect(w.reopen(request, staff('x', GTJ, ['reviewer']))).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await expect(w.reopen({ ...request, taskId: 'nope' }, leadClerk)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await expect(w.reopen({ ...request, reason: ' ', budgetWorkingDays: 0 }, leadClerk)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [
        expect.objectContaining({ path: 'reason', reason: 'REQUIRED' }),
        expect.objectContaining({ path: 'budgetWorkingDays', reason: 'OUT_OF_RANGE' }),
      ],
    });
    // 20 working days from 2026-06-04 end after the promised 2026-06-25.
    await expect(w.reopen({ ...request, budgetWorkingDays: 20 }, leadClerk)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'budgetWorkingDays', reason: 'BUDGET_EXCEEDS_LIMIT' })],
    });
    await expect(w.reopen({ ...request, expectedVersion: review.version - 1 }, leadClerk)).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
    });
    expect(await snapshot(w, review.id)).toEqual(before);

    // Once reopened, the task is open: reopening it again is the wrong state.
    const reopened = await w.reopen(request, staff('scj.head', SCJ, ['department_head']));
    const afterReopen = await snapshot(w, review.id);
    await expect(w.reopen({ ...request, expectedVersion: reopened.version }, leadClerk)).rejects.toMatchObject({
      code: 'WRONG_STATE',
      metadata: { currentState: 'open' },
    });
    expect(await snapshot(w, review.id)).toEqual(afterReopen);
  });

  it('a concluded review reopens nothing', async () => {
    const w = world();
    const review = await awaiting(w);
    const concluded = await w.conclude(
      {
        reviewId: review.id,
        expectedVersion: review.version,
        outcome: 'denied',
        reasons: ['消防部门不同意'],
        conditions: [],
        attachmentIds: [],
      },
      leadClerk,
    );
    const before = await snapshot(w, review.id);
    await expect(
      w.reopen(
        {
          taskId: taskOf(review, XFJ).id,
          expectedVersion: concluded.version,
          reason: '请重新审查',
          budgetWorkingDays: 3,
        },
        leadClerk,
      ),
    ).rejects.toMatchObject({ code: 'WRONG_STATE', metadata: { currentState: 'concluded' } });
    expect(await snapshot(w, review.id)).toEqual(before);
  });
});

describe('adding a participant (AddParticipant)', () => {
  const participant = (department: string, stage = 1, budgetWorkingDays = 3, required = true) => ({
    department,
    stage,
    budgetWorkingDays,
    required,
  });

  it('the lead adds a department to the current stage: its task opens at once, assigned to its window lead', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const { review: next, task } = await w.addParticipant(
      { reviewId: review.id, expectedVersion: review.version, participant: participant(GTJ), reason: '涉及临时用地' },
      leadClerk,
    );
    expect(task).toMatchObject({
      id: expect.any(String),
      kind: 'co_review',
      department: GTJ,
      stage: 1,
      required: true,
      state: 'open',
      assignee: 'gtj.lead',
      assignmentBasis: 'window_lead',
      budgetWorkingDays: 3,
      dueDate: '2026-06-09',
      legId: `${review.id}:co_review:3`,
      note: '涉及临时用地',
    });
    expect(next).toMatchObject({ state: 'open', currentStage: 1, version: review.version + 1 });
    expect(next.tasks.map((t) => t.department)).toEqual([HBJ, XFJ, GTJ]);
    expect(next.legs.at(-1)).toMatchObject({
      id: task.legId,
      department: GTJ,
      responsible: 'gtj.lead',
      state: 'running',
    });
    expect(w.reviews.events.slice(-3).map((e) => e.type)).toEqual([
      'JointReviewParticipantAdded',
      'TaskOpened',
      'LegStarted',
    ]);
    expect(w.reviews.events.at(-3)).toMatchObject({ reason: '涉及临时用地', task: { id: task.id } });
    // The lead cannot approve while the added required department has not answered.
    for (const [department, who] of [
      [XFJ, xfjLead],
      [HBJ, hbjLead],
    ] as const) {
      const t = taskOf(next, department);
      await w.submit({ taskId: t.id, expectedVersion: t.version, ...agree }, who);
    }
    const stored = (await w.reviews.findById(review.id))!;
    expect(stored.state).toBe('open');
    await expect(
      w.conclude(
        {
          reviewId: review.id,
          expectedVersion: stored.version,
          outcome: 'approved',
          reasons: [],
          conditions: [],
          attachmentIds: [],
        },
        leadClerk,
      ),
    ).rejects.toMatchObject({ code: 'TASKS_OPEN' });
  });

  it('a department added to a later stage waits for its turn, which comes when the current stage is done', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const { task } = await w.addParticipant(
      {
        reviewId: review.id,
        expectedVersion: review.version,
        participant: participant(GTJ, 2, 5, false),
        reason: '征求国土部门意见',
      },
      staff('scj.approver', SCJ, ['approver']),
    );
    expect(task).toMatchObject({ state: 'waiting', stage: 2, required: false, assignee: '', dueDate: '', legId: '' });
    expect(w.reviews.events.at(-1)).toMatchObject({ type: 'JointReviewParticipantAdded' });
    for (const [department, who] of [
      [XFJ, xfjLead],
      [HBJ, hbjLead],
    ] as const) {
      const t = taskOf(review, department);
      await w.submit({ taskId: t.id, expectedVersion: t.version, ...agree }, who);
    }
    const stored = (await w.reviews.findById(review.id))!;
    expect(stored).toMatchObject({ state: 'open', currentStage: 2 });
    expect(taskOf(stored, GTJ)).toMatchObject({ state: 'open', assignee: 'gtj.lead' });
  });

  it('refuses non-leads, outsiders, participants already in, unknown departments, bad stages and budgets; nothing changes', async () => {
    const w = world();
    const { review } = await w.open(handed);
    const request = {
      reviewId: review.id,
      expectedVersion: review.version,
      participant: participant(GTJ),
      reason: '涉及临时用地',
    };
    const before = await snapshot(w, review.id);
    await expect(w.addParticipant(request, xfjReviewer)).rejects.toMatchObject({ code: 'NOT_LEAD' });
    await expect(w.addParticipant(request, staff('x', GTJ, ['reviewer']))).rejects.toMatchObject({
      code: 'JOINT_REVIEW_NOT_FOUND',
    });
    const refused = async (p: ReturnType<typeof participant>, path: string, reason: string) =>
      expect(w.addParticipant({ ...request, participant: p }, leadClerk)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        violations: [expect.objectContaining({ path, reason })],
      });
    await refused(participant(XFJ), 'participant.department', 'DUPLICATE');
    await refused(participant(SCJ), 'participant.department', 'DUPLICATE');
    await refused(participant('620300-NOPE'), 'participant.department', 'UNKNOWN');
    await refused(participant('620321-GTJ'), 'participant.department', 'UNKNOWN');
    await refused(participant(''), 'participant.department', 'REQUIRED');
    await refused(participant(GTJ, 0), 'participant.stage', 'OUT_OF_RANGE');
    await refused(participant(GTJ, 3), 'participant.stage', 'OUT_OF_RANGE');
    await refused(participant(GTJ, 1, 61), 'participant.budgetWorkingDays', 'OUT_OF_RANGE');
    await refused(participant(GTJ, 1, 20), 'participant.budgetWorkingDays', 'BUDGET_EXCEEDS_LIMIT');
    await expect(w.addParticipant({ ...request, reason: '' }, leadClerk)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'reason', reason: 'REQUIRED' })],
    });
    await expect(
      w.addParticipant({ ...request, expectedVersion: review.version + 1 }, leadClerk),
    ).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
    expect(await snapshot(w, review.id)).toEqual(before);

    const cancelled = (await w.cancel(TENANT, 'case-1', '申请人已撤回申请'))!;
    const afterCancel = await snapshot(w, review.id);
    await expect(w.addParticipant({ ...request, expectedVersion: cancelled.version }, leadClerk)).rejects.toMatchObject(
      { code: 'WRONG_STATE', metadata: { currentState: 'cancelled' } },
    );
    expect(await snapshot(w, review.id)).toEqual(afterCancel);
  });

  it('a department added while the review awaits the conclusion opens at once and the review is open again', async () => {
    const w = world();
    const { review } = await w.open(handed);
    for (const [department, who] of [
      [XFJ, xfjLead],
      [HBJ, hbjLead],
    ] as const) {
      const t = taskOf(review, department);
      await w.submit({ taskId: t.id, expectedVersion: t.version, ...agree }, who);
    }
    const awaiting = (await w.reviews.findById(review.id))!;
    expect(awaiting.state).toBe('awaiting_conclusion');
    const { review: next, task } = await w.addParticipant(
      {
        reviewId: review.id,
        expectedVersion: awaiting.version,
        participant: participant(GTJ, 2),
        reason: '补充征求意见',
      },
      leadClerk,
    );
    expect(next).toMatchObject({ state: 'open', currentStage: 2 });
    expect(task).toMatchObject({ state: 'open', stage: 2, assignee: 'gtj.lead' });
    const { review: answered } = await w.submit(
      { taskId: task.id, expectedVersion: task.version, ...agree },
      staff('gtj.lead', GTJ, ['window_clerk']),
    );
    expect(answered.state).toBe('awaiting_conclusion');
  });
});
