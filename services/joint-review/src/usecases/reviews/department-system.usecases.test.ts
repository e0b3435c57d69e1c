import { NotFoundError } from '@govhall/errors';
import {
  agree,
  handed,
  HBJ,
  hbjLead,
  hbjSystem,
  leadClerk,
  otherTenantSystem,
  system,
  taskOf,
  world,
  XFJ,
  xfjLead,
} from '../review-world.test-double';
import type { WatchItem } from '../watch-tasks/watch-tasks.usecase';

// DepartmentSystemService's use cases (J15): a department system pulls, claims and answers its department's tasks
// with its service account, and nothing else reaches them through it.

const centerAccount = system('jr-center', '');
const xfjSystem = system('dept-xfj', XFJ);
const page = { pageSize: 0, pageToken: '' };
const pullAll = { tenant: '', department: '', states: [], kinds: [], includeDossier: false, page };

async function openedWorld() {
  const w = world();
  const { review } = await w.open(handed);
  return { w, review, task: taskOf(review, HBJ) };
}

describe('who may use the department-system service', () => {
  it('a person, or a center account bound to no department, is ROLE_REQUIRED', async () => {
    const { w, task } = await openedWorld();
    const claim = { taskId: task.id, expectedVersion: task.version, handlerName: '张三 HB007' };
    for (const actor of [hbjLead, centerAccount]) {
      await expect(w.system.pullTasks(pullAll, actor)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
      await expect(w.system.claimTask(claim, actor)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
      await expect(w.system.submitOpinion({ ...claim, ...agree, requestId: '' }, actor)).rejects.toMatchObject({
        code: 'ROLE_REQUIRED',
      });
    }
  });

  it('another tenant or department named is out of scope; another department’s task is not found', async () => {
    const { w, task } = await openedWorld();
    await expect(w.system.pullTasks({ ...pullAll, tenant: '620321' }, hbjSystem)).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    await expect(w.system.pullTasks({ ...pullAll, department: XFJ }, hbjSystem)).rejects.toMatchObject({
      code: 'DEPARTMENT_OUT_OF_SCOPE',
    });
    for (const actor of [xfjSystem, otherTenantSystem]) {
      await expect(
        w.system.claimTask({ taskId: task.id, expectedVersion: task.version, handlerName: '李四' }, actor),
      ).rejects.toThrow(NotFoundError);
    }
    expect(taskOf((await w.reviews.findById(task.aggregateId))!, HBJ)).toEqual(task);
  });
});

describe('pulling tasks', () => {
  it('by default the OPEN tasks and those this system claimed; named states show the department’s others', async () => {
    const { w, task } = await openedWorld();
    const second = taskOf((await w.open({ ...handed, caseId: 'case-2', caseNumber: 'N2' })).review, HBJ);
    const third = taskOf((await w.open({ ...handed, caseId: 'case-3', caseNumber: 'N3' })).review, HBJ);
    await w.system.claimTask({ taskId: task.id, expectedVersion: task.version, handlerName: '张三' }, hbjSystem);
    await w.claim({ taskId: second.id, expectedVersion: second.version }, hbjLead);

    const mine = await w.system.pullTasks(pullAll, hbjSystem);
    expect(mine.tasks.map((p) => [p.task.id, p.task.state])).toEqual(
      expect.arrayContaining([
        [task.id, 'claimed'],
        [third.id, 'open'],
      ]),
    );
    expect(mine.totalSize).toBe(2);
    const claimed = await w.system.pullTasks({ ...pullAll, states: ['claimed'] }, hbjSystem);
    expect(claimed.tasks.map((p) => p.task.id).sort()).toEqual([task.id, second.id].sort());
    const decisions = await w.system.pullTasks({ ...pullAll, kinds: ['delegated_decision'] }, hbjSystem);
    expect(decisions.tasks).toEqual([]);
  });

  it('with dossiers: the case and every department’s task; at most 20 a page', async () => {
    const { w, review } = await openedWorld();
    const pulled = await w.system.pullTasks({ ...pullAll, includeDossier: true }, hbjSystem);
    expect(pulled.tasks).toHaveLength(1);
    expect(pulled.tasks[0]!.dossier).toMatchObject({
      caseId: handed.caseId,
      caseNumber: handed.caseNumber,
      casePromisedDueDate: handed.casePromisedDueDate,
    });
    expect(pulled.tasks[0]!.dossier!.results.map((t) => t.department).sort()).toEqual(
      review.tasks.map((t) => t.department).sort(),
    );
    await expect(
      w.system.pullTasks({ ...pullAll, includeDossier: true, page: { pageSize: 21, pageToken: '' } }, hbjSystem),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('claiming and answering', () => {
  it('the handler is required; the claim records it and makes the account the assignee', async () => {
    const { w, task } = await openedWorld();
    await expect(
      w.system.claimTask({ taskId: task.id, expectedVersion: task.version, handlerName: ' ' }, hbjSystem),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [expect.objectContaining({ path: 'handlerName' })],
    });
    const claimed = await w.system.claimTask(
      { taskId: task.id, expectedVersion: task.version, handlerName: '张三 HB007' },
      hbjSystem,
    );
    expect(claimed).toMatchObject({ state: 'claimed', assignee: 'service:dept-hbj', claimHandlerName: '张三 HB007' });
  });

  it('answers only what it claimed; bad input changes nothing and names every field', async () => {
    const { w, task } = await openedWorld();
    const answer = { taskId: task.id, expectedVersion: task.version, ...agree, handlerName: '张三', requestId: 'r-1' };
    await expect(w.system.submitOpinion(answer, hbjSystem)).rejects.toMatchObject({ code: 'NOT_ASSIGNEE' });
    const claimed = await w.system.claimTask({ ...answer, handlerName: '张三' }, hbjSystem);
    await expect(
      w.system.submitOpinion(
        { ...answer, expectedVersion: claimed.version, kind: 'disagree', handlerName: '' },
        hbjSystem,
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [
        expect.objectContaining({ path: 'reasons', reason: 'REQUIRED' }),
        expect.objectContaining({ path: 'handlerName', reason: 'REQUIRED' }),
      ],
    });
    expect(taskOf((await w.reviews.findById(task.aggregateId))!, HBJ)).toEqual(claimed);
    expect(w.requests.byKey.size).toBe(0);
  });

  it('a retry with the same request id answers the first result, even after the task was reopened', async () => {
    const { w, task } = await openedWorld();
    const claimed = await w.system.claimTask(
      { taskId: task.id, expectedVersion: task.version, handlerName: '张三' },
      hbjSystem,
    );
    const answer = { taskId: task.id, expectedVersion: claimed.version, ...agree, handlerName: '张三 HB007' };
    const done = await w.system.submitOpinion({ ...answer, requestId: 'r-1' }, hbjSystem);
    expect(done).toMatchObject({ state: 'done', opinion: { source: 'department_system', handlerName: '张三 HB007' } });
    expect(await w.system.submitOpinion({ ...answer, requestId: 'r-1' }, hbjSystem)).toEqual(done);

    const xfj = taskOf((await w.reviews.findById(task.aggregateId))!, XFJ);
    await w.submit({ taskId: xfj.id, expectedVersion: xfj.version, ...agree }, xfjLead);
    const review = (await w.reviews.findById(task.aggregateId))!;
    await w.reopen(
      { taskId: task.id, expectedVersion: review.version, reason: '请重新审查', budgetWorkingDays: 3 },
      leadClerk,
    );
    expect(await w.system.submitOpinion({ ...answer, requestId: 'r-1' }, hbjSystem)).toEqual(done);
    const after = taskOf((await w.reviews.findById(task.aggregateId))!, HBJ);
    expect(after.state).toBe('open');
    await expect(
      w.system.submitOpinion({ ...answer, taskId: xfj.id, requestId: 'r-1' }, hbjSystem),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('watching the department’s task changes', () => {
  const watchAll = { tenant: '', department: '', afterSequence: 0, kinds: [] };
  const described = (item: IteratorResult<WatchItem>) => {
    const v = item.value as WatchItem;
    return v.heartbeat
      ? `heartbeat ${v.sequence}`
      : `${v.change.sequence} ${v.change.change} ${v.change.task.department}`;
  };

  it('from 0: only what comes after; a heartbeat when nothing happened; other departments never', async () => {
    const { w, review, task } = await openedWorld();
    w.changes.add('opened', task);
    const stream = w.system.watchTasks(watchAll, hbjSystem, new AbortController().signal);
    const first = await stream.next();
    expect(described(first)).toBe('heartbeat 1');
    w.changes.add('opened', taskOf(review, XFJ));
    w.changes.add('claimed', { ...task, state: 'claimed' });
    expect(described(await stream.next())).toBe('2 claimed 620300-HBJ');
    await stream.return(undefined);
  });

  it('replays after a cursor in order, then ends when the call is gone', async () => {
    const { w, task } = await openedWorld();
    for (const change of ['opened', 'claimed', 'done'] as const) w.changes.add(change, task);
    const abort = new AbortController();
    const stream = w.system.watchTasks({ ...watchAll, afterSequence: 1 }, hbjSystem, abort.signal);
    expect(described(await stream.next())).toBe('2 claimed 620300-HBJ');
    expect(described(await stream.next())).toBe('3 done 620300-HBJ');
    abort.abort();
    expect((await stream.next()).done).toBe(true);
  });

  it('skips other kinds and still moves the heartbeat’s sequence past them', async () => {
    const { w, task } = await openedWorld();
    w.changes.add('opened', task);
    const stream = w.system.watchTasks(
      { ...watchAll, afterSequence: 0, kinds: ['delegated_decision'] },
      hbjSystem,
      new AbortController().signal,
    );
    const first = stream.next();
    w.changes.add('claimed', task);
    expect(described(await first)).toBe('heartbeat 2');
  });

  it('a cursor older than 7 days, or one the stream never had, is CURSOR_EXPIRED; scope as for pulling', async () => {
    const { w, task } = await openedWorld();
    const old = w.changes.add('opened', task, new Date(Date.parse('2026-05-20T00:00:00Z')));
    w.changes.add('claimed', task);
    const signal = new AbortController().signal;
    for (const afterSequence of [old.sequence, 99]) {
      await expect(w.system.watchTasks({ ...watchAll, afterSequence }, hbjSystem, signal).next()).rejects.toMatchObject(
        { code: 'CURSOR_EXPIRED' },
      );
    }
    await expect(w.system.watchTasks({ ...watchAll, afterSequence: 2 }, hbjSystem, signal).next()).resolves.toEqual({
      done: false,
      value: { heartbeat: true, sequence: 2 },
    });
    await expect(w.system.watchTasks({ ...watchAll, department: XFJ }, hbjSystem, signal).next()).rejects.toMatchObject(
      { code: 'DEPARTMENT_OUT_OF_SCOPE' },
    );
    await expect(w.system.watchTasks(watchAll, hbjLead, signal).next()).rejects.toMatchObject({
      code: 'ROLE_REQUIRED',
    });
  });
});
