import type { RatingChannel, RatingLevel } from './rating';

/** 满意度统计 (C6) of a set of ratings, with the coverage of the cases completed in the same period (C2). */
export interface Satisfaction {
  /** Ratings per level, 5 … 1 (every level, zero included). */
  levels: { level: RatingLevel; count: number }[];
  total: number;
  /** Ratings at levels 3-5 per 10 000 ratings, rounded half up (9 650 = 96.50 %); 0 without ratings. */
  satisfiedPer10000: number;
  completedCases: number;
  /** Of those, rated by a person (not by default). */
  ratedCases: number;
  defaultRatings: number;
}

/** The statistic from a tally of ratings by level and channel and the period's coverage. */
export function satisfactionOf(
  tally: readonly { level: RatingLevel; channel: RatingChannel; count: number }[],
  coverage: { completed: number; ratedByPerson: number },
): Satisfaction {
  const byLevel = new Map<RatingLevel, number>();
  let total = 0;
  let satisfied = 0;
  let defaults = 0;
  for (const t of tally) {
    byLevel.set(t.level, (byLevel.get(t.level) ?? 0) + t.count);
    total += t.count;
    if (t.level >= 3) satisfied += t.count;
    if (t.channel === 'default') defaults += t.count;
  }
  const levels = ([5, 4, 3, 2, 1] as RatingLevel[]).map((level) => ({ level, count: byLevel.get(level) ?? 0 }));
  return {
    levels,
    total,
    // Integer arithmetic: (satisfied × 10 000 + total / 2) ÷ total, rounded down.
    satisfiedPer10000: total === 0 ? 0 : Math.floor((satisfied * 10_000 * 2 + total) / (2 * total)),
    completedCases: coverage.completed,
    ratedCases: coverage.ratedByPerson,
    defaultRatings: defaults,
  };
}
