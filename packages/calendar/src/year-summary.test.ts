import { CalendarInputError } from './errors';
import { createWorkingCalendar } from './working-calendar';

const national = createWorkingCalendar();

describe('yearSummary', () => {
  it('2026: the notice days off and make-up days, by date, and 248 working days', () => {
    const summary = national.yearSummary(2026);
    expect(summary).toMatchObject({ year: 2026, published: true, workingDays: 248, overrides: [] });
    // Days off: 元旦 3, 春节 9, 清明节 3, 劳动节 5, 端午节 3, 中秋节 3, 国庆节 7; make-up days: 1 + 2 + 1 + 2.
    const holidays = summary.specialDays.filter((d) => d.kind === 'holiday');
    const makeUp = summary.specialDays.filter((d) => d.kind === 'makeup-workday');
    expect(holidays).toHaveLength(33);
    expect(makeUp.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(summary.specialDays).toHaveLength(39);
    expect(summary.specialDays[0]).toEqual({ date: '2026-01-01', working: false, kind: 'holiday', name: '元旦' });
    const dates = summary.specialDays.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(summary.source).toBe('国务院办公厅关于2026年部分节假日安排的通知（chinese-days 1.5.7）');
  });

  it("shows a tenant's overrides of the year as special days and counts them", () => {
    const local = createWorkingCalendar({
      overrides: [
        { date: '2026-10-07', kind: 'workday', reason: '本地调整上班' }, // a 国庆节 day off
        { date: '2026-03-20', kind: 'holiday', reason: '自治区民族传统节日' }, // a Friday
        { date: '2026-03-27', kind: 'holiday', reason: '本地纪念日' }, // a Friday
        { date: '2027-03-05', kind: 'holiday', reason: '明年的本地假日' },
      ],
    });
    const summary = local.yearSummary(2026);
    expect(summary.workingDays).toBe(248 - 2 + 1);
    expect(summary.overrides.map((o) => o.date)).toEqual(['2026-03-20', '2026-03-27', '2026-10-07']);
    expect(summary.specialDays.find((d) => d.date === '2026-10-07')).toEqual({
      date: '2026-10-07',
      working: true,
      kind: 'local-workday',
      name: '本地调整上班',
    });
    expect(summary.specialDays.filter((d) => d.kind === 'local-holiday').map((d) => d.name)).toEqual([
      '自治区民族传统节日',
      '本地纪念日',
    ]);
    expect(summary.specialDays).toHaveLength(39 + 2);
  });

  it('an unpublished year: not published, the statutory holidays and the overrides are special, no make-up days', () => {
    const local = createWorkingCalendar({
      overrides: [{ date: '2027-03-05', kind: 'holiday', reason: '明年的本地假日' }],
    });
    const summary = local.yearSummary(2027);
    // 261 weekdays, less the 7 statutory holidays on weekdays and the local one.
    expect(summary).toMatchObject({ year: 2027, published: false, workingDays: 261 - 7 - 1 });
    expect(summary.specialDays.filter((d) => d.kind !== 'holiday')).toEqual([
      { date: '2027-03-05', working: false, kind: 'local-holiday', name: '明年的本地假日' },
    ]);
    expect(summary.specialDays.filter((d) => d.kind === 'holiday').map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
    expect(summary.overrides).toEqual([{ date: '2027-03-05', kind: 'holiday', reason: '明年的本地假日' }]);
    expect(summary.source).toContain('2027年节假日安排尚未发布');
    expect(summary.source).toContain('收录2004—2026年');
    expect(summary.source).toContain('全国年节及纪念日放假办法');
    // 2028, a leap year starting on a Saturday: 260 weekdays; 除夕 to 初三 (1月25-28日), 清明 (4月4日), 5月1-2日 and
    // 国庆 10月2-3日 (中秋 falls on 10月3日) are weekdays.
    expect(national.yearSummary(2028).workingDays).toBe(260 - 9);
  });

  it.each([2026.5, 0, 10000, Number.NaN])('rejects the year %p', (year) => {
    expect(() => national.yearSummary(year)).toThrow(CalendarInputError);
  });
});
