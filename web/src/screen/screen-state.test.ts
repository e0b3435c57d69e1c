import { maskName, onTimeRate } from './screen-state';

describe('the hall screen', () => {
  it('masks every name but its first character', () => {
    expect(['张三', '欧阳娜娜', '李', '张*', '  '].map(maskName)).toEqual(['张*', '欧***', '李*', '张*', '—']);
  });

  it("gives today's on-time rate in whole percent, a dash before the first completed case", () => {
    expect(onTimeRate({ completed: 0, completedOnTime: 0 })).toBe('—');
    expect(onTimeRate({ completed: 3, completedOnTime: 2 })).toBe('67%');
    expect(onTimeRate({ completed: 4, completedOnTime: 4 })).toBe('100%');
  });
});
