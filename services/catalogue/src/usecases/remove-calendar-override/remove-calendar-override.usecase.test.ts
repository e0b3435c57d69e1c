import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { actors, calendarSetup, rejection } from '../get-calendar/calendar.test-double';

const YC = '620321';

async function withLocalHoliday(now?: string) {
  const setup = calendarSetup({ now });
  await setup.uc.setCalendarOverride(
    { tenant: YC, override: { date: '2026-03-20', working: false, reason: '本地民族传统节日' } },
    actors.ycAdmin,
  );
  return setup;
}

describe('remove calendar override', () => {
  it('removes the override with a CalendarChanged event (set = false) and the day is national again', async () => {
    const { uc, repo } = await withLocalHoliday();
    const year = await uc.removeCalendarOverride({ tenant: YC, date: '2026-03-20' }, actors.ycAdmin);
    expect(year).toMatchObject({ tenant: YC, year: 2026, workingDays: 248, overrides: [] });
    expect(repo.docs.get(YC)).toMatchObject({ version: 2, overrides: [] });
    expect(repo.events.at(-1)).toMatchObject({
      type: 'CalendarChanged',
      tenant: YC,
      override: { date: '2026-03-20', kind: 'holiday', reason: '本地民族传统节日' },
      set: false,
      version: 2,
    });
    expect((await uc.getCalendar({ tenant: YC, year: 2026 })).workingDays).toBe(248);
  });

  it('answers 404 for a date without an override and writes nothing', async () => {
    const { uc, repo } = await withLocalHoliday();
    const err = await rejection(uc.removeCalendarOverride({ tenant: YC, date: '2026-03-27' }, actors.ycAdmin));
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).code).toBe('CALENDAR_OVERRIDE_NOT_FOUND');
    expect(repo.events).toHaveLength(1);
  });

  it('refuses a past day: deadlines already counted over it would move', async () => {
    const { uc, clock, repo } = await withLocalHoliday();
    clock.advance(80 * 86_400_000); // 2026-03-26
    const err = await rejection(uc.removeCalendarOverride({ tenant: YC, date: '2026-03-20' }, actors.ycAdmin));
    expect((err as ValidationError).violations).toMatchObject([{ path: 'date', reason: 'DATE_IN_PAST' }]);
    expect(repo.docs.get(YC)!.overrides).toHaveLength(1);
  });

  it('reports a bad date and tenant', async () => {
    const { uc } = calendarSetup();
    const err = await rejection(uc.removeCalendarOverride({ tenant: '', date: '2026/03/20' }, actors.ycAdmin));
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['tenant', 'REQUIRED'],
      ['date', 'DATE'],
    ]);
  });

  it("forbids another tenant's administrator and a clerk", async () => {
    const { uc, repo } = await withLocalHoliday();
    for (const actor of [actors.cityAdmin, actors.jcAdmin, actors.ycClerk]) {
      const err = await rejection(uc.removeCalendarOverride({ tenant: YC, date: '2026-03-20' }, actor));
      expect(err).toBeInstanceOf(ForbiddenError);
    }
    expect(repo.docs.get(YC)!.overrides).toHaveLength(1);
  });
});
