import { createWorkingCalendar } from './working-calendar';

/**
 * 《国务院办公厅关于2026年部分节假日安排的通知》(国办发明电〔2025〕7号), 2025年11月4日. Each festival's days off
 * (放假调休, first and last day inclusive) and its make-up working days (上班), as the notice states them.
 */
const NOTICE_2026 = [
  { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] }, // 1月1日(周四)至3日(周六); 1月4日(周日)上班
  { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] }, // 2月15日(周日)至23日(周一), 共9天
  { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] },
  { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
  { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] },
  { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [] },
  { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] }, // 9月20日(周日)、10月10日(周六)上班
] as const;

function* days(first: string, last: string): Generator<string> {
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    yield d.toISOString().slice(0, 10);
  }
}

const calendar = createWorkingCalendar();

describe('the 2026 arrangement (国办发明电〔2025〕7号)', () => {
  it('matches the notice day by day: its days off are holidays, its make-up days working days, the rest Mon-Fri', () => {
    const expected = new Map<string, { working: boolean; kind: string; name?: string }>();
    for (const festival of NOTICE_2026) {
      for (const d of days(festival.off[0], festival.off[1])) {
        expected.set(d, { working: false, kind: 'holiday', name: festival.name });
      }
      for (const d of festival.work) expected.set(d, { working: true, kind: 'makeup-workday', name: festival.name });
    }
    for (const date of days('2026-01-01', '2026-12-31')) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const plain =
        weekday === 0 || weekday === 6 ? { working: false, kind: 'weekend' } : { working: true, kind: 'workday' };
      expect(calendar.describe(date)).toEqual({ date, ...(expected.get(date) ?? plain) });
    }
  });

  it('has 248 working days: 261 weekdays, 19 of them holidays, plus 6 make-up days', () => {
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('春节: the nine days off 2月15日-23日 are skipped and the make-up Saturdays 2月14日 and 2月28日 count', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(calendar.describe('2026-02-14')).toEqual({
      date: '2026-02-14',
      working: true,
      kind: 'makeup-workday',
      name: '春节',
    });
    expect(calendar.describe('2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      kind: 'holiday',
      name: '春节',
    });
    // Received on the make-up Saturday, the last working day before the break: day 1 is the Tuesday after it.
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    // Received during the break: the clock starts after it.
    expect(calendar.addWorkingDays('2026-02-18', 1)).toBe('2026-02-24');
    // 24, 25, 26, 27 and the make-up Saturday 28: five working days, then Monday 3月2日.
    expect(calendar.addWorkingDays('2026-02-23', 5)).toBe('2026-02-28');
    expect(calendar.addWorkingDays('2026-02-23', 6)).toBe('2026-03-02');
    // The §32 five-day notice period for a case received on Thursday 2月12日 ends on Thursday 2月26日:
    // 2月13日, the make-up 2月14日, then 24, 25, 26.
    expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(calendar.workingDaysBetween('2026-02-12', '2026-02-25')).toBe(4);
  });

  it('国庆节: 10月1日-7日 are off, Sunday 9月20日 and Saturday 10月10日 are working days', () => {
    expect(calendar.describe('2026-10-01').name).toBe('国庆节');
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    // 中秋节 (Fri 9月25日-Sun 27日) then Monday 9月28日.
    expect(calendar.addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
    // A 20-working-day decision limit (§42) on a case accepted on Friday 9月18日, across both breaks.
    expect(calendar.addWorkingDays('2026-09-18', 20)).toBe('2026-10-22');
  });

  it('an ordinary 2026 weekend is not a working day', () => {
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
    expect(calendar.describe('2026-03-08')).toEqual({ date: '2026-03-08', working: false, kind: 'weekend' });
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });
});
