import { PreconditionError, ValidationError } from '@govhall/errors';
import { actors, calendarSetup, rejection } from '../get-calendar/calendar.test-double';

const YC = '620321'; // 永昌县
const JC = '620302'; // 金川区

describe('add working days', () => {
  // 《国务院办公厅关于2026年部分节假日安排的通知》: 春节 2月15日(周日)至23日(周一)放假共9天, 2月14日(周六)、
  // 2月28日(周六)上班.
  it('crosses the 2026 Spring Festival holiday and its make-up Saturdays as the notice implies', async () => {
    const { uc } = calendarSetup();
    const add = (start: string, days: number) => uc.addWorkingDays({ tenant: YC, start, days });
    const notProvisional = { provisional: false, unpublishedYears: [] };
    // Received Thursday 2月12日: 13日, the make-up 14日, then 24, 25, 26 → the §32 five-day notice ends 2月26日.
    expect(await add('2026-02-12', 5)).toEqual({ date: '2026-02-26', ...notProvisional });
    // Friday 2月13日 + 1 is the make-up Saturday; + 2 skips the nine days off.
    expect((await add('2026-02-13', 1)).date).toBe('2026-02-14');
    expect((await add('2026-02-13', 2)).date).toBe('2026-02-24');
    // Received during the break: the clock starts after it.
    expect((await add('2026-02-18', 1)).date).toBe('2026-02-24');
    // 24, 25, 26, 27 and the make-up Saturday 28日.
    expect((await add('2026-02-23', 5)).date).toBe('2026-02-28');
    expect((await add('2026-02-23', 6)).date).toBe('2026-03-02');
    // Same-day items (n = 0) received during the break are due on the first working day after it.
    expect((await add('2026-02-16', 0)).date).toBe('2026-02-24');
  });

  it('flags a deadline that runs into 2027, which has no published arrangement, and counts its statutory holidays off', async () => {
    const { uc } = calendarSetup({ now: '2026-11-26T02:00:00Z' });
    // Sunday 12月20日: 9 working days to 12月31日, then 2027 Mon-Fri without 元旦 (1月1日, 放假办法): 1月4-8日 (10-14)
    // … 1月25-29日 (25-29), 2月1日 (30).
    expect(await uc.addWorkingDays({ tenant: YC, start: '2026-12-20', days: 30 })).toEqual({
      date: '2027-02-01',
      provisional: true,
      unpublishedYears: [2027],
    });
    // A 5-day limit that ends in December is not flagged.
    expect(await uc.addWorkingDays({ tenant: YC, start: '2026-12-20', days: 5 })).toEqual({
      date: '2026-12-25',
      provisional: false,
      unpublishedYears: [],
    });
  });

  it("a tenant's local holiday moves its deadlines only, at once, and back when removed", async () => {
    const { uc } = calendarSetup();
    const nextDay = async (tenant: string) => (await uc.addWorkingDays({ tenant, start: '2026-03-19', days: 1 })).date;
    expect(await nextDay(YC)).toBe('2026-03-20');
    await uc.setCalendarOverride(
      { tenant: YC, override: { date: '2026-03-20', working: false, reason: '本地民族传统节日' } },
      actors.ycAdmin,
    );
    expect(await nextDay(YC)).toBe('2026-03-23');
    expect(await nextDay(JC)).toBe('2026-03-20');
    await uc.removeCalendarOverride({ tenant: YC, date: '2026-03-20' }, actors.ycAdmin);
    expect(await nextDay(YC)).toBe('2026-03-20');
  });

  it('applies a local day of an unpublished year and still flags the answer', async () => {
    const { uc } = calendarSetup({ now: '2026-11-26T02:00:00Z' });
    await uc.setCalendarOverride(
      { tenant: YC, override: { date: '2027-01-04', working: false, reason: '本地纪念日' } },
      actors.ycAdmin,
    );
    expect(await uc.addWorkingDays({ tenant: YC, start: '2027-01-01', days: 1 })).toEqual({
      date: '2027-01-05',
      provisional: true,
      unpublishedYears: [2027],
    });
    expect((await uc.addWorkingDays({ tenant: JC, start: '2027-01-01', days: 1 })).date).toBe('2027-01-04');
  });

  it('reports every bad argument with its path', async () => {
    const { uc } = calendarSetup();
    const err = await rejection(uc.addWorkingDays({ tenant: '62032', start: '2026-02-30', days: -1 }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['tenant', 'LENGTH'],
      ['start', 'DATE'],
      ['days', 'RANGE'],
    ]);
    for (const days of [1.5, 2501, Number.NaN]) {
      const bad = await rejection(uc.addWorkingDays({ tenant: YC, start: '2026-03-02', days }));
      expect((bad as ValidationError).violations.map((v) => v.path)).toEqual(['days']);
    }
    const empty = await rejection(uc.addWorkingDays({ tenant: YC, start: '', days: 1 }));
    expect((empty as ValidationError).violations[0]).toMatchObject({ path: 'start', reason: 'REQUIRED' });
  });

  it('refuses a span that would run past 9999-12-31 as bad input', async () => {
    const { uc } = calendarSetup();
    const err = await rejection(uc.addWorkingDays({ tenant: YC, start: '9999-06-01', days: 2500 }));
    expect((err as ValidationError).violations).toMatchObject([{ path: 'days', reason: 'RANGE' }]);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { uc } = calendarSetup({ hostedTenants: [YC] });
    const err = await rejection(uc.addWorkingDays({ tenant: JC, start: '2026-03-02', days: 1 }));
    expect(err).toBeInstanceOf(PreconditionError);
    expect((err as PreconditionError).code).toBe('TENANT_NOT_HOSTED');
  });
});
