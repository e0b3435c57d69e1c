import { timeLeft } from './days-left';

describe('time left on a case', () => {
  it('is green while there is time, orange in the last three working days, red on the due day and after', () => {
    const shown = [10, 4, 3, 1, 0, -2].map((days) => [days, timeLeft(days, true)] as const);
    expect(shown.map(([days, t]) => [days, t.color, t.text])).toEqual([
      [10, 'green', '剩余 10 个工作日'],
      [4, 'green', '剩余 4 个工作日'],
      [3, 'orange', '剩余 3 个工作日'],
      [1, 'orange', '剩余 1 个工作日'],
      [0, 'red', '今日到期'],
      [-2, 'red', '已超期 2 个工作日'],
    ]);
  });

  it('counts nothing while the clock is stopped (suspended, not yet received, finished)', () => {
    expect(timeLeft(5, false)).toEqual({ urgency: 'none', color: 'default', text: '不计时' });
    expect(timeLeft(undefined, true)).toEqual({ urgency: 'none', color: 'default', text: '不计时' });
  });
});
