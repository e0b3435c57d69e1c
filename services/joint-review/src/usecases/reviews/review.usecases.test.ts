import type { Principal, Role } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import { ForbiddenError, NotFoundError, UnavailableError } from '@govhall/errors';
import type { JointReview } from '../../domain/reviews/joint-review';
import { defaultReviewSettings, type ReviewSettings } from '../../domain/reviews/review-settings';
import { cancelJointReviewUseCase } from '../cancel-joint-review/cancel-joint-review.usecase';
import { claimTaskUseCase } from '../claim-task/claim-task.usecase';
import { concludeJointReviewUseCase } from '../conclude-joint-review/conclude-joint-review.usecase';
import { getJointReviewUseCase } from '../get-joint-review/get-joint-review.usecase';
import { InMemoryJointReviews } from '../in-memory-joint-reviews.test-double';
import { listMyTasksUseCase, listTasksUseCase } from '../list-tasks/list-tasks.usecase';
import { openJointReviewUseCase, type JointCaseHandedOver } from '../open-joint-review/open-joint-review.usecase';
import type { JointFlow } from '../../domain/reviews/joint-flow';
import { reportConclusionsUseCase } from '../report-conclusions/report-conclusions.usecase';
import { submitOpinionUseCase } from '../submit-opinion/submit-opinion.usecase';
import type { ReviewDeps } from './review.deps';

const TENANT = '620300';
const SCJ = '620300-SCJ';
const XFJ = '620300-XFJ';
const HBJ = '620300-HBJ';

function staff(username: string, department: string, roles: Role[], tenant = TENANT): Principal {
  return { kind: 'user', subject: username, username, tenant, roles, department, clientId: 'govhall-workbench' };
}
function system(clientId: string, department: string, tenant = TENANT): Principal {
  return {
    kind: 'service',
    subject: clientId,
    username: `service-account-${clientId}`,
    tenant,
    roles: ['service'],
    department,
    clientId,
  };
}

const leadClerk = staff('scj.clerk', SCJ, ['window_clerk']);
const xfjLead = staff('xfj.lead', XFJ, ['window_clerk']);
const xfjReviewer = staff('xfj.reviewer', XFJ, ['reviewer']);
const hbjLead = staff('hbj.lead', HBJ, ['window_clerk']);
const hbjSystem = system('dept-hbj', HBJ);
const otherTenantSystem = system('dept-hbj-county', '620321-HBJ', '620321');

let now = new Date('2026-06-04T02:00:00Z');

function world(options: { settings?: Partial<ReviewSettings>; flow?: JointFlow; casesDown?: boolean } = {}) {
  const reviews = new InMemoryJointReviews();
  const reported: string[] = [];
  let casesDown = options.casesDown ?? false;
  let n = 0;
  const deps: ReviewDeps = {
    reviews,
    duty: {
      windowResponsible: async (_tenant, windowId) => (windowId === 'w-scj' ? 'scj.clerk' : ''),
      windowLead: async (_tenant, department) => ({ [XFJ]: 'xfj.lead', [HBJ]: 'hbj.lead' })[department] ?? '',
    },
    calendars: { forTenant: async () => createWorkingCalendar() },
    items: {
      get: async (itemId) =>
        itemId === 'item-1'
          ? {
              itemId,
              seriesId: 'series-1',
              name: '食品经营许可',
              department: SCJ,
              coDepartments: [XFJ, HBJ],
              promisedWorkingDays: 15,
            }
          : null,
    },
    flows: { find: async () => options.flow ?? null },
    settings: { forTenant: async (tenant) => ({ ...defaultReviewSettings(tenant), ...options.settings }) },
    cases: {
      concludeJointReview: async (review) => {
        if (casesDown) throw new UnavailableError('CASES_UNAVAILABLE', '办件服务暂时不可用');
        reported.push(`${review.caseId}:${review.conclusion!.outcome}`);
      },
    },
    clock: { now: () => now },
    ids: { newId: () => `id-${++n}` },
  };
  const report = reportConclusionsUseCase(deps);
  return {
    reviews,
    reported,
    setCasesDown: (down: boolean) => (casesDown = down),
    open: openJointReviewUseCase(deps),
    get: getJointReviewUseCase(deps),
    claim: claimTaskUseCase(deps),
    submit: submitOpinionUseCase(deps),
    conclude: concludeJointReviewUseCase({ ...deps, report }),
    report,
    cancel: cancelJointReviewUseCase(deps),
    listTasks: listTasksUseCase(deps),
    listMyTasks: listMyTasksUseCase(deps),
  };
}

const handed: JointCaseHandedOver = {
  caseId: 'case-1',
  caseNumber: '62030020260604000001',
  tenant: TENANT,
  itemId: 'item-1',
  itemName: '食品经营许可',
  itemBasicCode: '000111222333',
  department: SCJ,
  windowId: 'w-scj',
  coDepartments: [XFJ, HBJ],
  casePromisedDueDate: '2026-06-25',
  caseStatutoryDueDate: '2026-07-02',
  at: new Date('2026-06-04T01:00:00Z'),
};

const taskOf = (r: JointReview, department: string) => r.tasks.find((t) => t.department === department)!;
const agree = { kind: 'agree' as const, text: '同意', reasons: [], conditions: [], attachmentIds: [] };

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
    expect(done.conclusion!.reportedAt).toEqual(now);
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
    now = new Date('2026-06-04T03:00:00Z');
    expect(await w.report.pending()).toBe(1);
    expect(w.reported).toEqual(['case-1:denied']);
    expect((await w.reviews.findById(review.id))!.conclusion!.reportedAt).toEqual(now);
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
