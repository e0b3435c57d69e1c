import type { Clock } from '../supervision/types';
import { hallToday, maskName, todayCounts, windowStatus } from './screen-state';

const clock = (over: Partial<Clock>): Clock =>
  ({ matterId: 'm', state: 'running', signal: 'none', windowId: 'w1', ...over }) as Clock;

describe('the hall screen', () => {
  it('masks every name but its first character', () => {
    expect(['张三', '欧阳娜娜', '李', '张*', '  '].map(maskName)).toEqual(['张*', '欧***', '李*', '张*', '—']);
  });

  it("counts today's cases and the overdue ones", () => {
    const today = '2026-12-03';
    expect(
      todayCounts(
        [
          clock({ receivedDate: today, acceptedDate: today }),
          clock({ receivedDate: '2026-12-01', endedDate: today, state: 'stopped' }),
          clock({ promised: { remainingWorkingDays: -1 } as Clock['promised'] }),
        ],
        today,
      ),
    ).toEqual({ received: 1, accepted: 1, ended: 1, overdue: 1 });
  });

  it('gives each window its open matters and worst signal, the worst first', () => {
    expect(
      windowStatus([
        clock({ windowId: 'w1', signal: 'warning' }),
        clock({ windowId: 'w2', signal: 'red' }),
        clock({ windowId: 'w1', signal: 'none' }),
        clock({ windowId: 'w3', state: 'stopped', signal: 'red' }),
        clock({ windowId: undefined }),
      ]),
    ).toEqual([
      { windowId: 'w2', open: 1, worst: 'red' },
      { windowId: 'w1', open: 2, worst: 'warning' },
    ]);
  });

  it("names today's date in Beijing", () => {
    expect(hallToday(new Date('2026-12-03T17:00:00Z'))).toBe('2026-12-04');
  });
});
