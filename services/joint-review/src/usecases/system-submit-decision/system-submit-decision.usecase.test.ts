import type { Task } from '../../domain/tasks/task';
import type { DecisionTasks, SystemDecision } from '../decision-tasks/decision-task.ports';
import {
  handed,
  HBJ,
  hbjLead,
  hbjSystem,
  otherTenantSystem,
  system,
  taskOf,
  TENANT,
  world,
} from '../review-world.test-double';

// DepartmentSystemService.SubmitDecision (J15): a department system decides a decision task it claimed; the flow
// holding the task decides it. Here the flow is a small in-memory one; the escalation flow itself is covered by its
// domain tests and services/joint-review/test/escalation-remote.int.test.ts.

function decisionFlow(): DecisionTasks & { decided: SystemDecision[] } {
  let task: Task = {
    id: 'esc-task-1',
    kind: 'escalation_decision',
    tenant: TENANT,
    department: HBJ,
    aggregateId: 'er-1',
    caseId: 'case-9',
    caseNumber: '62030020260604000009',
    itemName: '排污许可',
    stage: 1,
    required: true,
    state: 'claimed',
    assignee: 'service:dept-hbj',
    budgetWorkingDays: 10,
    dueDate: '2026-07-01',
    legId: 'er-1:escalation_handling:1',
    note: '',
    version: 2,
  };
  const decided: SystemDecision[] = [];
  return {
    kind: 'escalation_decision',
    decided,
    list: async () => [],
    find: async (id) => (id === task.id ? task : null),
    claim: async () => task,
    async decide(request, scope) {
      if (scope.department !== task.department) throw new Error('scope not checked by the flow');
      decided.push(request);
      task = { ...task, state: 'done', version: task.version + 1 };
      return task;
    },
  };
}

const decision = (over: Partial<SystemDecision & { requestId: string }> = {}) => ({
  taskId: 'esc-task-1',
  expectedVersion: 2,
  outcome: 'approved' as const,
  reasons: [],
  remedies: [],
  documentNumber: '',
  attachmentIds: [],
  handlerName: '李审批 0012',
  requestId: 'req-1',
  ...over,
});

describe('a department system submitting a decision', () => {
  it('is for department systems only, names its handler, and bad input changes nothing', async () => {
    const flow = decisionFlow();
    const w = world({ decisions: [flow] });
    await expect(w.system.submitDecision(decision(), hbjLead)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(w.system.submitDecision(decision({ handlerName: ' ' }), hbjSystem)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [expect.objectContaining({ path: 'handlerName', reason: 'REQUIRED' })],
    });
    await expect(
      w.system.submitDecision(decision({ attachmentIds: Array.from({ length: 21 }, (_, i) => `a${i}`) }), hbjSystem),
    ).rejects.toMatchObject({ violations: [expect.objectContaining({ path: 'attachmentIds', reason: 'TOO_MANY' })] });
    expect(flow.decided).toEqual([]);
  });

  it('goes to the flow holding the task; a retry with the same request id answers the first result', async () => {
    const flow = decisionFlow();
    const w = world({ decisions: [flow] });
    const done = await w.system.submitDecision(decision(), hbjSystem);
    expect(done).toMatchObject({ id: 'esc-task-1', state: 'done', version: 3 });
    expect(await w.system.submitDecision(decision({ expectedVersion: 99 }), hbjSystem)).toEqual(done);
    expect(flow.decided).toHaveLength(1);
    await expect(w.system.submitDecision(decision({ taskId: 'other-task' }), hbjSystem)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'requestId', reason: 'DUPLICATE' })],
    });
  });

  it('refuses a co-review task as WRONG_TASK_KIND, and another department’s or an unknown task as not found', async () => {
    const w = world({ decisions: [decisionFlow()] });
    const { review } = await w.open(handed);
    const coReview = taskOf(review, HBJ);
    await expect(
      w.system.submitDecision(decision({ taskId: coReview.id, requestId: '' }), hbjSystem),
    ).rejects.toMatchObject({ code: 'WRONG_TASK_KIND' });
    for (const actor of [system('dept-xfj', '620300-XFJ'), otherTenantSystem]) {
      await expect(
        w.system.submitDecision(decision({ taskId: coReview.id, requestId: '' }), actor),
      ).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    }
    await expect(
      w.system.submitDecision(decision({ taskId: 'no-such-task', requestId: '' }), hbjSystem),
    ).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });
});
