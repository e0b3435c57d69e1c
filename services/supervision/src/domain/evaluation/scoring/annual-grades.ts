import { GRADE_NAMES, gradeOf, type Grade, type GradeBands } from './grade';

/** A window's A-post person (S24) with their score for the year. */
export interface AnnualCandidate {
  personId: string;
  /** The home unit (进驻单位) the person comes from. */
  department: string;
  score: number;
  /** 取消评先资格 decided that year (S19). */
  barredFromExcellent: boolean;
}

/** band: the score reached 优秀's line; quota: raised to 优秀 to fill S25's share. */
export type ExcellentBasis = 'band' | 'quota' | '';

export interface AnnualGrade extends AnnualCandidate {
  /** Competition rank by score: equal scores share a rank (1, 2, 2, 4). */
  rank: number;
  /** The grade the bands alone give. */
  bandGrade: Grade;
  grade: Grade;
  excellentBasis: ExcellentBasis;
  /** S25: an 优秀 given here does not use the home unit's own 优秀 quota. */
  outsideHomeUnitQuota: boolean;
  /** Why the grade differs from the bands, in Chinese; empty when it does not. */
  note: string;
}

export interface HomeUnitExcellent {
  department: string;
  /** 优秀 grades of its window staff, to be added on top of the unit's own quota. */
  excellent: number;
}

export interface AnnualGrades {
  /** Window staff graded. */
  total: number;
  quotaPercent: number;
  /** ceil(quotaPercent% × total): the fewest 优秀 S25 asks for. */
  quotaRequired: number;
  excellent: number;
  /** Required 优秀 that no eligible person could fill (everyone else below 合格 or barred). */
  shortfall: number;
  grades: AnnualGrade[];
  homeUnits: HomeUnitExcellent[];
}

/** ceil(percent% × n) without floating error: 20% of 10 is 2, not 3. */
export function quotaOf(percent: number, n: number): number {
  const hundredths = Math.round(percent * 100);
  return Math.floor((hundredths * n + 9_999) / 10_000);
}

/**
 * The annual grades of a tenant's window staff (S24, S25, ADR 0042): the bands grade each score; then, while fewer
 * than ceil(quota% × n) are 优秀, the best-scored eligible persons are raised to 优秀 — all those sharing the last
 * raised score together (a tie is never split, so the share may exceed the quota). Eligible: at least 合格 by the
 * bands and not barred (取消评先资格); a barred person's 优秀 by the bands becomes 良好.
 */
export function gradeAnnually(
  candidates: readonly AnnualCandidate[],
  bands: GradeBands,
  quotaPercent: number,
): AnnualGrades {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
  const grades: AnnualGrade[] = sorted.map((c) => {
    const bandGrade = gradeOf(c.score, bands);
    const barred = c.barredFromExcellent && bandGrade === 'excellent';
    return {
      ...c,
      rank: 1 + sorted.filter((o) => o.score > c.score).length,
      bandGrade,
      grade: barred ? 'good' : bandGrade,
      excellentBasis: !barred && bandGrade === 'excellent' ? 'band' : '',
      outsideHomeUnitQuota: false,
      note: barred ? '已被取消评先资格，不得评为优秀' : '',
    };
  });
  const quotaRequired = quotaOf(quotaPercent, grades.length);
  const eligible = (g: AnnualGrade) => g.grade !== 'excellent' && !g.barredFromExcellent && g.bandGrade !== 'fail';
  let excellent = grades.filter((g) => g.grade === 'excellent').length;
  while (excellent < quotaRequired) {
    const next = grades.find(eligible);
    if (!next) break;
    for (const g of grades.filter((o) => eligible(o) && o.score === next.score)) {
      g.grade = 'excellent';
      g.excellentBasis = 'quota';
      g.note = `按不低于${quotaPercent}%的优秀比例由${GRADE_NAMES[g.bandGrade]}确定为优秀`;
      excellent += 1;
    }
  }
  const homeUnits = new Map<string, number>();
  for (const g of grades) {
    if (g.grade !== 'excellent') continue;
    g.outsideHomeUnitQuota = true;
    homeUnits.set(g.department, (homeUnits.get(g.department) ?? 0) + 1);
  }
  return {
    total: grades.length,
    quotaPercent,
    quotaRequired,
    excellent,
    shortfall: Math.max(0, quotaRequired - excellent),
    grades,
    homeUnits: [...homeUnits]
      .map(([department, n]) => ({ department, excellent: n }))
      .sort((a, b) => a.department.localeCompare(b.department)),
  };
}
