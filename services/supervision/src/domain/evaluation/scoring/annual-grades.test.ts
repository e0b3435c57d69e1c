import { gradeAnnually, quotaOf, type AnnualCandidate } from './annual-grades';
import { DEFAULT_BANDS } from './grade';

const person = (personId: string, score: number, extra: Partial<AnnualCandidate> = {}): AnnualCandidate => ({
  personId,
  department: 'D1',
  score,
  barredFromExcellent: false,
  ...extra,
});

describe('quotaOf', () => {
  it('is ceil(percent × n) without floating error', () => {
    expect([quotaOf(20, 10), quotaOf(20, 11), quotaOf(20, 1), quotaOf(20, 0), quotaOf(30, 7)]).toEqual([2, 3, 1, 0, 3]);
  });
});

describe('gradeAnnually', () => {
  it('raises the best scores to 优秀 until ceil(20% × n), ranking by score', () => {
    const r = gradeAnnually(
      [person('a', 70), person('b', 85), person('c', 88), person('d', 62), person('e', 50), person('f', 81)],
      DEFAULT_BANDS,
      20,
    );
    expect(r.quotaRequired).toBe(2);
    expect(r.grades.map((g) => [g.personId, g.rank, g.grade, g.excellentBasis])).toEqual([
      ['c', 1, 'excellent', 'quota'],
      ['b', 2, 'excellent', 'quota'],
      ['f', 3, 'good', ''],
      ['a', 4, 'pass', ''],
      ['d', 5, 'pass', ''],
      ['e', 6, 'fail', ''],
    ]);
    expect(r.grades[0]!.note).toBe('按不低于20%的优秀比例由良好确定为优秀');
    expect([r.excellent, r.shortfall]).toEqual([2, 0]);
  });

  it('keeps every 优秀 the bands give even beyond the quota', () => {
    const r = gradeAnnually(
      [person('a', 95), person('b', 92), person('c', 91), person('d', 50), person('e', 40)],
      DEFAULT_BANDS,
      20,
    );
    expect(r.excellent).toBe(3);
    expect(r.grades.filter((g) => g.excellentBasis === 'band').map((g) => g.personId)).toEqual(['a', 'b', 'c']);
  });

  it('never splits a tie at the cut: all tied persons share 优秀 and rank', () => {
    const r = gradeAnnually(
      [person('a', 88), person('b', 84), person('c', 84), person('d', 70), person('e', 65), person('f', 61)],
      DEFAULT_BANDS,
      20,
    );
    expect(r.quotaRequired).toBe(2);
    expect(r.grades.filter((g) => g.grade === 'excellent').map((g) => [g.personId, g.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
    ]);
    expect(r.grades[3]!.rank).toBe(4);
    expect(r.excellent).toBe(3);
  });

  it('passes over a barred person (取消评先资格) and turns their band 优秀 into 良好', () => {
    const r = gradeAnnually(
      [
        person('a', 96, { barredFromExcellent: true }),
        person('b', 75),
        person('c', 70),
        person('d', 60),
        person('e', 59),
      ],
      DEFAULT_BANDS,
      20,
    );
    expect(r.grades.find((g) => g.personId === 'a')).toMatchObject({
      grade: 'good',
      bandGrade: 'excellent',
      note: '已被取消评先资格，不得评为优秀',
    });
    expect(r.grades.find((g) => g.personId === 'b')).toMatchObject({ grade: 'excellent', excellentBasis: 'quota' });
  });

  it('never makes someone below 合格 优秀, and reports the quota it could not fill', () => {
    const r = gradeAnnually([person('a', 59), person('b', 40), person('c', 10)], DEFAULT_BANDS, 20);
    expect(r.grades.every((g) => g.grade === 'fail')).toBe(true);
    expect([r.quotaRequired, r.excellent, r.shortfall]).toEqual([1, 0, 1]);
  });

  it('counts each home unit’s 优秀 as outside its own quota (S25)', () => {
    const r = gradeAnnually(
      [
        person('a', 91, { department: 'D2' }),
        person('b', 90, { department: 'D1' }),
        person('c', 80),
        person('d', 70),
        person('e', 60),
      ],
      DEFAULT_BANDS,
      20,
    );
    expect(r.grades.filter((g) => g.outsideHomeUnitQuota).map((g) => g.personId)).toEqual(['a', 'b']);
    expect(r.homeUnits).toEqual([
      { department: 'D1', excellent: 1 },
      { department: 'D2', excellent: 1 },
    ]);
  });

  it('grades nobody when there are no window staff', () => {
    expect(gradeAnnually([], DEFAULT_BANDS, 20)).toMatchObject({
      total: 0,
      quotaRequired: 0,
      excellent: 0,
      shortfall: 0,
      grades: [],
    });
  });
});
