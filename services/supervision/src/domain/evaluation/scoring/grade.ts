/** The four grades of the quarterly and annual assessment (domain.md "Supervision"; bands decided by S27). */
export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

export const GRADE_NAMES: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** The lowest score of each grade above 不合格 (inclusive), descending: 优秀 ≥ excellent > 良好 ≥ good > … */
export interface GradeBands {
  excellent: number;
  good: number;
  pass: number;
}

export const DEFAULT_BANDS: Readonly<GradeBands> = { excellent: 90, good: 80, pass: 60 };

export function gradeOf(score: number, bands: GradeBands): Grade {
  if (score >= bands.excellent) return 'excellent';
  if (score >= bands.good) return 'good';
  if (score >= bands.pass) return 'pass';
  return 'fail';
}
