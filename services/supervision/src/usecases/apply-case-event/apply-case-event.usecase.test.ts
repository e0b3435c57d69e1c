import { caseEvent } from '../../domain/clocks/case-event.test-double';
import { inMemoryClockDeps } from '../clocks.test-double';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import { applyCaseEventsUseCase, applyCaseEventUseCase } from './apply-case-event.usecase';

// Accepted Monday 2026-11-02 with a 5-day promised limit (due 11-09) and a 20-day statutory one (due 11-30).
function world() {
  const w = inMemoryClockDeps('2026-11-02T04:00:00Z');
  w.deps.directory.putStaff({
    id: 's-clerk',
    tenant: '620321',
    department: '620321-SCJG',
    username: 'ycx-clerk',
    roles: ['window_clerk'],
    active: true,
  });
  w.deps.directory.putStaff({
    id: 's-head',
    tenant: '620321',
    department: '620321-SCJG',
    username: 'ycx-head',
    roles: ['department_head'],
    active: true,
  });
  w.deps.directory.putStaff({
    id: 's-sup',
    tenant: '620321',
    department: '',
    username: 'ycx-supervisor',
    roles: ['supervisor'],
    active: true,
  });
  w.deps.directory.putWindow({ id: 'w-1', tenant: '620321', aPostStaffId: 's-clerk' });
  return { ...w, apply: applyCaseEventUseCase(w.deps), refresh: refreshClocksUseCase(w.deps) };
}

const received = caseEvent(1, 'registered_at_counter', '2026-11-02', { facts: { status: 'pre_review' } });
const accepted = caseEvent(2, 'accepted', '2026-11-02');

describe('applying case events and the timer over open clocks', () => {
  it('stores the clock, and a redelivered event changes nothing', async () => {
    const w = world();
    await w.apply(received);
    const stored = await w.apply(accepted);
    expect(stored!.clock).toMatchObject({
      state: 'running',
      asOfDate: '2026-11-02',
      signal: 'none',
      promised: { dueDate: '2026-11-09' },
    });
    expect(await w.apply(accepted)).toBeUndefined();
    expect(w.published.filter((u) => u.kind === 'clock')).toHaveLength(2);
  });

  it('raises a signal with no event when time passes, tells S16’s recipients, and clears it at 办结', async () => {
    const w = world();
    await w.apply(received);
    await w.apply(accepted);
    w.setDay('2026-11-06');
    expect(await w.refresh()).toBe(1);
    const [warning] = [...w.signals.values()];
    expect(warning).toMatchObject({
      id: 'case-1.promised.warning.1',
      level: 'warning',
      rule: 'promised.warning',
      raisedAt: new Date('2026-11-06T04:00:00Z'),
      notified: [
        'responsible:ycx-reviewer',
        'window_lead:ycx-clerk',
        'department_head:ycx-head',
        'supervisor:ycx-supervisor',
      ],
    });
    expect(w.matters.get('case-1')!.clock.signal).toBe('warning');
    // The next pass raises nothing new.
    await w.refresh();
    expect(w.signals.size).toBe(1);

    w.setDay('2026-11-10');
    await w.apply(caseEvent(3, 'result_issued', '2026-11-10', { facts: { status: 'completed' } }));
    expect(w.signals.get('case-1.promised.warning.1')).toMatchObject({
      clearedReason: '办件已办结',
      clearedAt: new Date('2026-11-10T04:00:00Z'),
    });
    expect(w.matters.get('case-1')!.clock).toMatchObject({ state: 'stopped', signal: 'none' });
    expect(w.published.map((u) => u.kind)).toEqual(expect.arrayContaining(['signal_raised', 'signal_cleared']));
    // A stopped clock is no longer refreshed.
    w.setDay('2026-12-10');
    expect(await w.refresh()).toBe(0);
  });

  it('escalates to 黄牌 and 红牌 as the limits pass', async () => {
    const w = world();
    await w.apply(received);
    await w.apply(accepted);
    w.setDay('2026-12-01');
    await w.refresh();
    const active = [...w.signals.values()].filter((s) => !s.clearedAt).map((s) => [s.rule, s.level]);
    expect(active).toEqual([
      ['promised.exceeded', 'yellow'],
      ['statutory.exceeded', 'red'],
    ]);
    expect(w.matters.get('case-1')!.clock.signal).toBe('red');
  });

  it('a batch of many cases’ events gives the clocks and signals that one event at a time gives', async () => {
    // Three cases, interleaved as a topic's partition holds them; case-2's events arrive twice (a redelivery), and
    // supervision's day is long after the promised limits (a replay): signals are raised in both worlds.
    const of = (caseId: string, version: number, transition: string, day: string, status = 'processing') =>
      caseEvent(version, transition, day, {
        eventId: `${caseId}-${version}`,
        facts: { caseId, caseNumber: `62032120261102000${caseId.slice(-1)}`, status },
      });
    const events = [
      of('case-1', 1, 'registered_at_counter', '2026-11-02', 'pre_review'),
      of('case-2', 1, 'registered_at_counter', '2026-11-02', 'pre_review'),
      of('case-1', 2, 'accepted', '2026-11-02'),
      of('case-2', 2, 'accepted', '2026-11-03'),
      of('case-3', 1, 'accepted', '2026-11-04'),
      of('case-2', 2, 'accepted', '2026-11-03'),
      of('case-1', 3, 'result_issued', '2026-11-06', 'completed'),
      of('case-3', 2, 'suspended', '2026-11-05', 'suspended'),
    ];
    const oneByOne = world();
    const batched = world();
    for (const w of [oneByOne, batched]) w.setDay('2026-11-20');
    const single = [];
    for (const e of events) single.push(await oneByOne.apply(e));
    const together = await applyCaseEventsUseCase(batched.deps)(events);

    // The same events count as applied (the repeated one does not), each answered with its matter's final state.
    expect(together.map((r) => r !== undefined)).toEqual(single.map((r) => r !== undefined));
    expect(together[5]).toBeUndefined();
    expect(together[0]).toEqual(batched.matters.get('case-1'));
    expect([...batched.matters.keys()].sort()).toEqual(['case-1', 'case-2', 'case-3']);
    for (const id of ['case-1', 'case-2', 'case-3']) expect(batched.matters.get(id)).toEqual(oneByOne.matters.get(id));
    const active = (w: typeof batched) =>
      [...w.signals.values()]
        .filter((s) => !s.clearedAt)
        .map((s) => `${s.id} ${s.level}`)
        .sort();
    expect(active(batched)).toEqual(active(oneByOne));
    expect(active(batched).length).toBeGreaterThan(0);
    expect(batched.matters.get('case-2')!.clock.signal).toBe('yellow');
    // One at a time, case-1 was late before its 办结 event arrived, so it raised and then cleared signals; evaluated
    // once for its state after the batch, it raises none. Live watchers saw each matter's clock.
    expect([...batched.signals.values()].filter((s) => s.matterId === 'case-1')).toEqual([]);
    expect(new Set(batched.published.filter((u) => u.kind === 'clock').map((u) => u.clock.matterId)).size).toBe(3);
  });
});
