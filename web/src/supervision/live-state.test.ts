import { applyLive, clocksByTimeLeft, initialState, signalsByLevel, timeLeftOf } from './live-state';
import type { Clock, Signal } from './types';

const clock = (matterId: string, remaining: number | undefined, state: Clock['state'] = 'running'): Clock =>
  ({
    matterId,
    state,
    signal: 'none',
    promised: remaining === undefined ? undefined : { remainingWorkingDays: remaining },
  }) as Clock;
const signal = (id: string, level: Signal['level'], clearedAt?: string): Signal => ({ id, level, clearedAt }) as Signal;

describe('the live state of the overview', () => {
  it('keeps open clocks and active signals only', () => {
    const s = initialState(
      [clock('a', 3), clock('b', 1, 'stopped')],
      [signal('s1', 'red'), signal('s2', 'warning', '2026-12-03T02:00:00Z')],
    );
    expect([...s.clocks.keys()]).toEqual(['a']);
    expect([...s.signals.keys()]).toEqual(['s1']);
    expect([...s.ended.keys()]).toEqual(['b']);
  });

  it('applies clocks, raised and cleared signals in order without changing the state it was given', () => {
    const start = initialState([clock('a', 3)], []);
    let s = applyLive(start, { type: 'clock', clock: clock('a', -1) });
    s = applyLive(s, { type: 'clock', clock: clock('b', 2) });
    s = applyLive(s, { type: 'signal_raised', signal: signal('s1', 'yellow') });
    s = applyLive(s, { type: 'signal_raised', signal: signal('s2', 'red') });
    s = applyLive(s, { type: 'signal_cleared', signal: signal('s1', 'yellow', '2026-12-03T03:00:00Z') });
    s = applyLive(s, { type: 'clock', clock: clock('b', 2, 'stopped') });
    expect([...s.clocks.values()].map((c) => [c.matterId, c.promised?.remainingWorkingDays])).toEqual([['a', -1]]);
    expect([...s.ended.keys()]).toEqual(['b']);
    expect(signalsByLevel(s.signals.values())).toEqual({ warning: 0, yellow: 0, red: 1 });
    expect(start.clocks.get('a')?.promised?.remainingWorkingDays).toBe(3);
    expect(start.signals.size).toBe(0);
  });

  it('buckets open clocks by the working days left on the promised limit', () => {
    expect([-2, 0, 1, 2, 3, 5, 6].map((d) => timeLeftOf(clock('x', d)))).toEqual([
      'overdue',
      'today',
      'soon',
      'soon',
      'week',
      'week',
      'later',
    ]);
    expect(timeLeftOf(clock('x', 4, 'paused'))).toBe('paused');
    expect(timeLeftOf(clock('x', undefined))).toBe('paused');
    expect(clocksByTimeLeft([clock('a', -1), clock('b', -3), clock('c', 9)])).toEqual({
      overdue: 2,
      today: 0,
      soon: 0,
      week: 0,
      later: 1,
      paused: 0,
    });
  });
});
