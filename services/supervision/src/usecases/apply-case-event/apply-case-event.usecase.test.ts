import { caseEvent } from '../../domain/clocks/case-event.test-double';
import { inMemoryClockDeps } from '../clocks.test-double';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import { applyCaseEventUseCase } from './apply-case-event.usecase';

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
});
