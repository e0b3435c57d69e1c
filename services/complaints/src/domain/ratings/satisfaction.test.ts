import { satisfactionOf } from './satisfaction';

describe('满意度统计', () => {
  it('counts every level, the satisfied share per 10 000 (half up), the defaults and the coverage', () => {
    const s = satisfactionOf(
      [
        { level: 5, channel: 'online', count: 10 },
        { level: 5, channel: 'device', count: 5 },
        { level: 3, channel: 'default', count: 4 },
        { level: 2, channel: 'online', count: 1 },
        { level: 1, channel: 'device', count: 1 },
      ],
      { completed: 20, ratedByPerson: 11 },
    );
    expect(s.levels).toEqual([
      { level: 5, count: 15 },
      { level: 4, count: 0 },
      { level: 3, count: 4 },
      { level: 2, count: 1 },
      { level: 1, count: 1 },
    ]);
    expect(s).toMatchObject({ total: 21, defaultRatings: 4, completedCases: 20, ratedCases: 11 });
    // 19 / 21 = 0.904761… → 9 048 per 10 000.
    expect(s.satisfiedPer10000).toBe(9048);
  });

  it('rounds half up and answers zero without ratings', () => {
    expect(
      satisfactionOf(
        [
          { level: 3, channel: 'online', count: 1 },
          { level: 1, channel: 'online', count: 7 },
        ],
        { completed: 0, ratedByPerson: 0 },
      ).satisfiedPer10000,
    ).toBe(1250);
    // 1 / 3 = 3 333.33… → 3 333; 2 / 3 = 6 666.66… → 6 667.
    expect(
      satisfactionOf(
        [
          { level: 4, channel: 'online', count: 1 },
          { level: 2, channel: 'online', count: 2 },
        ],
        { completed: 0, ratedByPerson: 0 },
      ).satisfiedPer10000,
    ).toBe(3333);
    expect(
      satisfactionOf(
        [
          { level: 4, channel: 'online', count: 2 },
          { level: 2, channel: 'online', count: 1 },
        ],
        { completed: 0, ratedByPerson: 0 },
      ).satisfiedPer10000,
    ).toBe(6667);
    expect(satisfactionOf([], { completed: 3, ratedByPerson: 0 })).toMatchObject({
      total: 0,
      satisfiedPer10000: 0,
      completedCases: 3,
    });
  });
});
