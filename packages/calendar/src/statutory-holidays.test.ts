import { official } from './official-arrangements';
import { computeStatutoryHolidays, statutoryHolidays } from './statutory-holidays';
import { createWorkingCalendar } from './working-calendar';

// The days 《全国年节及纪念日放假办法》 fixes are computed (lunar dates and the solar term 清明 by lunar-typescript).
// Where a notice exists, each computed day must be one of its holidays with the same festival's name.

const noticeHolidays = (year: number) =>
  new Map(
    [...official.days]
      .filter(([date, day]) => date.startsWith(`${year}-`) && day.kind === 'holiday')
      .map(([date, day]) => [date, day.name]),
  );

describe('statutory holidays under the amended 办法 (2025 on)', () => {
  it.each([2025, 2026])('are all holidays of the State Council notice of %i, by name', (year) => {
    const notice = noticeHolidays(year);
    const computed = [...statutoryHolidays(year)];
    expect(computed).toHaveLength(13);
    for (const [date, name] of computed) expect([date, notice.get(date)]).toEqual([date, name]);
  });

  it('gives 2027 its 13 days: 元旦, 除夕 to 初三, 清明, 5月1-2日, 端午, 中秋, 10月1-3日', () => {
    expect([...statutoryHolidays(2027)].sort()).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'],
      ['2027-02-06', '春节'],
      ['2027-02-07', '春节'],
      ['2027-02-08', '春节'],
      ['2027-04-05', '清明节'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-06-09', '端午节'],
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ]);
  });

  it('places 春节 (初一 to 初三), 清明, 端午 and 中秋 of every notice year 2008-2024 on days the notice gave off', () => {
    // The older 办法 (2007, 2013) had 春节 as 初一 to 初三 and 劳动节 as one day, but the same lunar festivals and 清明:
    // a check of the lunar and solar-term arithmetic over 17 years. 除夕 was not a statutory day then. (The data
    // leaves out some weekend days inside a holiday, e.g. 2012-06-23, 端午 on a Saturday: still a day off.)
    const calendar = createWorkingCalendar();
    const misplaced: string[] = [];
    for (let year = 2008; year <= 2024; year += 1) {
      const computed = [...computeStatutoryHolidays(year)];
      const lunar = computed.filter(([, name]) => ['春节', '清明节', '端午节', '中秋节'].includes(name)).slice(1);
      expect(lunar).toHaveLength(6);
      for (const [date, name] of lunar) if (calendar.isWorkingDay(date)) misplaced.push(`${date} ${name}`);
    }
    expect(misplaced).toEqual([]);
  });

  it('has none before 2025 (those years are in the notices, or not guessed)', () => {
    expect(statutoryHolidays(2024).size).toBe(0);
    expect(statutoryHolidays(2003).size).toBe(0);
  });

  it('makes a provisional answer skip them', () => {
    // From Thursday 2027-02-04: 除夕 (Fri) to 初三 (Mon) are days off; Tuesday 2月9日 is the first working day.
    expect(createWorkingCalendar().addWorkingDaysProvisional('2027-02-04', 1)).toEqual({
      date: '2027-02-09',
      provisional: true,
      unpublishedYears: [2027],
    });
  });
});
