import { caseEvent } from '../../domain/clocks/case-event.test-double';
import { coReviewLeg, legMeta } from '../../domain/legs/leg.test-double';
import { applyCaseEventUseCase } from '../apply-case-event/apply-case-event.usecase';
import { applyLegEventUseCase } from '../apply-leg-event/apply-leg-event.usecase';
import { inMemoryClockDeps, principal } from '../clocks.test-double';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import { getHallTodayUseCase } from './get-hall-today.usecase';

const who = principal;
const ycSupervisor = who(['supervisor'], '620321');
const citySupervisor = who(['supervisor'], '620300');
const own = { tenant: '', includeSubordinates: false };

// Monday 2 November 2026: a case accepted a fortnight earlier (past its 5-day promised limit), one completed today
// on time, one accepted today at another window, one of the sibling district accepted today.
async function world() {
  const w = inMemoryClockDeps('2026-10-19T04:00:00Z');
  const apply = applyCaseEventUseCase(w.deps);
  const accepted = (id: string, day: string, extra: Record<string, string> = {}) =>
    apply(caseEvent(1, 'accepted', day, { eventId: `${id}-1`, facts: { caseId: id, ...extra } }));
  await accepted('late', '2026-10-19');
  w.setDay('2026-10-30');
  await accepted('done', '2026-10-30');
  w.setDay('2026-11-02');
  await apply(
    caseEvent(2, 'decided', '2026-11-02', { eventId: 'done-2', facts: { caseId: 'done', status: 'completed' } }),
  );
  await accepted('new', '2026-11-02', { windowId: 'w-2' });
  await accepted('sibling', '2026-11-02', { tenant: '620302' });
  await refreshClocksUseCase(w.deps)();
  return { ...w, today: getHallTodayUseCase(w.deps) };
}

describe("the hall's figures of today", () => {
  it('counts today by supervision’s clock: received, accepted, completed on time, open by level, the windows', async () => {
    const w = await world();
    expect(await w.today(own, ycSupervisor)).toEqual({
      date: '2026-11-02',
      received: 1,
      accepted: 1,
      completed: 1,
      completedOnTime: 1,
      open: 2,
      overdue: 1,
      openByLevel: { warning: 0, yellow: 1, red: 0 },
      windows: [
        { windowId: 'w-1', open: 1, worstSignal: 'yellow' },
        { windowId: 'w-2', open: 1, worstSignal: 'none' },
      ],
    });
    // The next day nothing was received, accepted or completed; the open matters stay.
    w.setDay('2026-11-03');
    expect(await w.today(own, ycSupervisor)).toMatchObject({ date: '2026-11-03', received: 0, accepted: 0, open: 2 });
  });

  it("counts the hall's cases alone: a department's joint-review leg and a 督办 order at a window are not 办件", async () => {
    const w = await world();
    const before = await w.today(own, ycSupervisor);
    // A co-department's leg started today, and an overdue one with a 黄牌 (started a fortnight ago, 3 days' budget).
    const legs = applyLegEventUseCase(w.deps);
    await legs({ leg: coReviewLeg({ windowId: 'w-1' }), meta: legMeta(2) });
    await legs({
      leg: coReviewLeg({ id: 'jr-2:co_review:1', aggregateId: 'jr-2', startDate: '2026-10-19', dueDate: '2026-10-22' }),
      meta: legMeta(2, '2026-10-19T02:00:00Z'),
    });
    // A 督办 order on window w-3 issued today (supervision's own matter, as sync-order-matters stores it).
    const order = structuredClone((await w.deps.matters.get('new'))!);
    Object.assign(order.matter, { matterId: 'order-1', kind: 'supervision_order', windowId: 'w-3', status: 'issued' });
    await w.deps.matters.save(order);
    await refreshClocksUseCase(w.deps)();
    expect((await w.deps.matters.get('jr-2:co_review:1'))!.clock).toMatchObject({
      signal: 'yellow',
      acceptedDate: '2026-10-19',
    });
    expect((await w.deps.matters.get('order-1'))!.clock).toMatchObject({
      kind: 'supervision_order',
      acceptedDate: '2026-11-02',
    });
    expect(await w.today(own, ycSupervisor)).toEqual(before);
  });

  it('a city sees its districts together; a sibling tenant, another role and a malformed tenant are refused', async () => {
    const w = await world();
    expect(await w.today({ tenant: '620300', includeSubordinates: true }, citySupervisor)).toMatchObject({
      accepted: 2,
      open: 3,
    });
    await expect(w.today({ tenant: '620302', includeSubordinates: false }, ycSupervisor)).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    await expect(w.today(own, who(['window_clerk'], '620321'))).rejects.toMatchObject({
      code: 'SUPERVISION_READ_FORBIDDEN',
    });
    await expect(w.today({ tenant: '62x', includeSubordinates: false }, ycSupervisor)).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'tenant', message: '地区代码应为6位数字' })],
    });
  });

  it("a hall screen's device account reads its own hall's figures; another tenant and the tenants below refused", async () => {
    const w = await world();
    const ycScreen = who(['hall_screen'], '620321');
    expect(await w.today(own, ycScreen)).toEqual(await w.today(own, ycSupervisor));
    expect(await w.today({ tenant: '620321', includeSubordinates: false }, ycScreen)).toMatchObject({ open: 2 });
    for (const refused of [
      { tenant: '620302', includeSubordinates: false },
      { tenant: '620300', includeSubordinates: true },
      { tenant: '', includeSubordinates: true },
    ]) {
      await expect(w.today(refused, ycScreen)).rejects.toMatchObject({
        code: 'TENANT_OUT_OF_SCOPE',
        message: '大屏账号只能查看本大厅（本地区）的数据',
      });
    }
    await expect(w.today(own, who(['hall_screen'], ''))).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
  });
});
