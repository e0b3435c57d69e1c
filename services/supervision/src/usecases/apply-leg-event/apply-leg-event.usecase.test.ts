import { coReviewLeg, legMeta } from '../../domain/legs/leg.test-double';
import { inMemoryClockDeps, principal } from '../clocks.test-double';
import { getMatterClockUseCase } from '../get-matter-clock/get-matter-clock.usecase';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import { applyLegEventUseCase } from './apply-leg-event.usecase';

function world() {
  const w = inMemoryClockDeps('2026-11-02T04:00:00Z');
  w.deps.directory.putStaff({
    id: 's-head',
    tenant: '620321',
    department: '620321-ZJJ',
    username: 'ycx-zjj-head',
    roles: ['department_head'],
    active: true,
  });
  return { ...w, apply: applyLegEventUseCase(w.deps), refresh: refreshClocksUseCase(w.deps) };
}

const LEG = 'jr-1:co_review:1';
const finished = (end: 'completed' | 'cancelled', day: string) =>
  coReviewLeg({ state: 'finished', end, finishedAt: new Date(`${day}T02:00:00Z`) });

describe('applying joint review leg events', () => {
  it('clocks a started leg with its budget and due date; a redelivery changes nothing', async () => {
    const w = world();
    const stored = await w.apply({ leg: coReviewLeg(), meta: legMeta(2) });
    expect(stored!.clock).toMatchObject({
      kind: 'joint_review_leg',
      state: 'running',
      department: '620321-ZJJ',
      promised: { limitWorkingDays: 3, dueDate: '2026-11-05' },
    });
    expect(await w.apply({ leg: coReviewLeg(), meta: legMeta(2) })).toBeUndefined();
    expect(w.matters.size).toBe(1);
  });

  it('raises 黄牌 past the due date, and clears it when the leg completes', async () => {
    const w = world();
    await w.apply({ leg: coReviewLeg(), meta: legMeta(2) });
    w.setDay('2026-11-06');
    await w.refresh();
    const active = [...w.signals.values()].filter((s) => !s.clearedAt);
    expect(active.map((s) => [s.id, s.level, s.reason])).toEqual([
      [`${LEG}.promised.exceeded.1`, 'yellow', '已超过协办审查时限1个工作日'],
    ]);
    expect(active[0]!.notified).toEqual(expect.arrayContaining(['responsible:ycx-zjj']));

    const stored = await w.apply({ leg: finished('completed', '2026-11-09'), meta: legMeta(5) });
    expect(stored!.clock).toMatchObject({
      state: 'stopped',
      status: 'completed',
      endedDate: '2026-11-09',
      signal: 'none',
    });
    expect(w.signals.get(`${LEG}.promised.exceeded.1`)).toMatchObject({ clearedReason: '协办审查已完成' });
    w.setDay('2026-12-01');
    expect(await w.refresh()).toBe(0);
  });

  it('closes a cancelled leg unjudged: its signals cleared, none raised afterwards', async () => {
    const w = world();
    await w.apply({ leg: coReviewLeg(), meta: legMeta(2) });
    w.setDay('2026-11-05');
    await w.refresh();
    expect([...w.signals.values()].map((s) => s.level)).toEqual(['warning']);
    await w.apply({ leg: finished('cancelled', '2026-11-05'), meta: legMeta(3) });
    expect([...w.signals.values()].map((s) => s.clearedReason)).toEqual(['协办审查已取消，不予评判']);
    w.setDay('2026-12-01');
    await w.refresh();
    expect([...w.signals.values()].filter((s) => !s.clearedAt)).toEqual([]);
    expect(w.matters.get(LEG)!.clock).toMatchObject({ state: 'stopped', status: 'cancelled' });
  });

  it('ignores a LegStarted redelivered after the leg finished', async () => {
    const w = world();
    await w.apply({ leg: coReviewLeg(), meta: legMeta(2) });
    await w.apply({ leg: finished('completed', '2026-11-03'), meta: legMeta(3) });
    expect(await w.apply({ leg: coReviewLeg(), meta: legMeta(2) })).toBeUndefined();
    expect(w.matters.get(LEG)!.clock.state).toBe('stopped');
  });

  it('GetMatterClock reads a leg by its id ("<review id>:co_review:<n>")', async () => {
    const w = world();
    const leg = coReviewLeg({ id: '9f0c2a8e-4b1d-4e8f-9a51-2d6c7b3e1f00:co_review:12' });
    await w.apply({ leg, meta: legMeta(2) });
    const get = getMatterClockUseCase(w.deps);
    expect(await get(leg.id, principal(['supervisor']))).toMatchObject({ matterId: leg.id });
    await expect(get('jr 1', principal(['supervisor']))).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'matterId', message: '办件标识格式不正确' })],
    });
  });

  it('tells the window lead of a window leg, and names a delegated leg in its cleared reason', async () => {
    const w = world();
    await w.deps.directory.putStaff({
      id: 's-lead',
      tenant: '620321',
      department: '620321-ZHCK',
      username: 'zhck-a',
      roles: ['clerk'],
      active: true,
    });
    await w.deps.directory.putWindow({ id: 'w-3', tenant: '620321', aPostStaffId: 's-lead' });
    const transfer = coReviewLeg({
      id: 'dc-1:delegated_transfer:1',
      kind: 'delegated_transfer',
      department: '620321-ZHCK',
      windowId: 'w-3',
      responsible: '',
      taskId: '',
    });
    await w.apply({ leg: transfer, meta: legMeta(2) });
    w.setDay('2026-11-06');
    await w.refresh();
    const [yellow] = [...w.signals.values()];
    expect(yellow).toMatchObject({
      level: 'yellow',
      reason: '已超过代受理转办时限1个工作日',
      department: '620321-ZHCK',
    });
    expect(yellow!.notified).toEqual(['window_lead:zhck-a']);
    await w.apply({
      leg: { ...transfer, state: 'finished', end: 'cancelled', finishedAt: new Date('2026-11-06T02:00:00Z') },
      meta: legMeta(3),
    });
    expect(w.signals.get(yellow!.id)).toMatchObject({ clearedReason: '代受理转办已取消，不予评判' });
  });
});
