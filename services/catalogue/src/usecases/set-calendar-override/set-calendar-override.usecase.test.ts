import { ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { actors, calendarSetup, rejection } from '../get-calendar/calendar.test-double';

const YC = '620321';
const holiday = (date: string, reason = '本地民族传统节日') => ({ date, working: false, reason });
const workday = (date: string, reason = '本地调休上班') => ({ date, working: true, reason });

describe('set calendar override', () => {
  it('stores a local holiday with one CalendarChanged event and returns the year with it', async () => {
    const { uc, repo } = calendarSetup();
    const year = await uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20') }, actors.ycAdmin);
    expect(year).toMatchObject({ tenant: YC, year: 2026, workingDays: 247 });
    expect(year.overrides).toEqual([{ date: '2026-03-20', kind: 'holiday', reason: '本地民族传统节日' }]);
    expect(repo.docs.get(YC)).toMatchObject({ version: 1, overrides: [{ date: '2026-03-20', kind: 'holiday' }] });
    expect(repo.events).toEqual([
      {
        type: 'CalendarChanged',
        tenant: YC,
        override: { date: '2026-03-20', kind: 'holiday', reason: '本地民族传统节日' },
        set: true,
        version: 1,
        occurredAt: new Date('2026-01-05T02:00:00Z'),
      },
    ]);
  });

  it('keeps one override per date, ordered by date; the same override again writes nothing', async () => {
    const { uc, repo } = calendarSetup();
    await uc.setCalendarOverride({ tenant: YC, override: workday('2026-10-07') }, actors.ycAdmin);
    await uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20') }, actors.ycAdmin);
    await uc.setCalendarOverride(
      { tenant: YC, override: holiday('2026-03-20', '三月三（壮族传统节日）') },
      actors.ycAdmin,
    );
    await uc.setCalendarOverride(
      { tenant: YC, override: holiday('2026-03-20', ' 三月三（壮族传统节日） ') },
      actors.ycAdmin,
    );
    expect(repo.docs.get(YC)!.overrides).toEqual([
      { date: '2026-03-20', kind: 'holiday', reason: '三月三（壮族传统节日）' },
      { date: '2026-10-07', kind: 'workday', reason: '本地调休上班' },
    ]);
    expect(repo.docs.get(YC)!.version).toBe(3);
    expect(repo.events.map((e) => [e.override.date, e.version])).toEqual([
      ['2026-10-07', 1],
      ['2026-03-20', 2],
      ['2026-03-20', 3],
    ]);
  });

  it.each([
    ['a weekend as a holiday', holiday('2026-03-07'), '周末'],
    ['a national holiday as a holiday', holiday('2026-10-02'), '国庆节'],
    ['a weekday as a working day', workday('2026-03-09'), '本就是工作日'],
    ['a make-up Saturday as a working day', workday('2026-02-14'), '春节调休上班'],
    ['a 2027 Saturday (counted Mon-Fri) as a holiday', holiday('2027-01-09'), '周末'],
    ['a 2027 statutory holiday (端午, by the 放假办法) as a holiday', holiday('2027-06-09'), '端午节'],
  ])('refuses %s with OVERRIDE_NO_EFFECT and changes nothing', async (_, override, hint) => {
    const { uc, repo } = calendarSetup();
    const err = await rejection(uc.setCalendarOverride({ tenant: YC, override }, actors.ycAdmin));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('OVERRIDE_NO_EFFECT');
    expect((err as ValidationError).violations).toMatchObject([
      { path: 'override.working', reason: 'OVERRIDE_NO_EFFECT' },
    ]);
    expect((err as ValidationError).violations[0]!.message).toContain(hint);
    expect(repo.docs.size).toBe(0);
  });

  it('accepts a local day of a year not yet published', async () => {
    const { uc } = calendarSetup({ now: '2026-11-26T02:00:00Z' });
    const year = await uc.setCalendarOverride({ tenant: YC, override: holiday('2027-03-01') }, actors.ycAdmin);
    // 261 weekdays, less the 7 statutory holidays on weekdays (放假办法) and this one.
    expect(year).toMatchObject({ year: 2027, published: false, workingDays: 253 });
  });

  it('refuses a past day, judged by the date in China', async () => {
    // 01:30 on 3月20日 in China, still 3月19日 in UTC.
    const { uc, repo } = calendarSetup({ now: '2026-03-19T17:30:00Z' });
    const err = await rejection(
      uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-19') }, actors.ycAdmin),
    );
    expect((err as ValidationError).violations).toMatchObject([{ path: 'override.date', reason: 'DATE_IN_PAST' }]);
    await uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20') }, actors.ycAdmin);
    expect(repo.docs.get(YC)!.overrides.map((o) => o.date)).toEqual(['2026-03-20']);
  });

  it('refuses a day after the end of the year after next', async () => {
    const { uc } = calendarSetup();
    const err = await rejection(
      uc.setCalendarOverride({ tenant: YC, override: holiday('2029-03-01') }, actors.ycAdmin),
    );
    expect((err as ValidationError).violations).toMatchObject([{ path: 'override.date', reason: 'TOO_FAR_AHEAD' }]);
  });

  it('holds the reason to the shared text rule: no bidi, control or invisible characters; stored NFC', async () => {
    const { uc, repo } = calendarSetup();
    for (const [reason, code] of [
      ['三月三\u202E节日', 'BIDI_CONTROL'],
      ['三月三\u0007节日', 'CONTROL_CHARACTER'],
      ['\u200B\u200B\u3000', 'INVISIBLE_CHARACTER'],
    ] as const) {
      const refused = await rejection(
        uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20', reason) }, actors.ycAdmin),
      );
      expect((refused as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
        ['override.reason', code],
      ]);
    }
    expect(repo.docs.get(YC)).toBeUndefined();
    expect(repo.events).toEqual([]);
    const year = await uc.setCalendarOverride(
      { tenant: YC, override: holiday('2026-03-20', 'Cafe\u0301节') },
      actors.ycAdmin,
    );
    expect(year.overrides).toEqual([{ date: '2026-03-20', kind: 'holiday', reason: 'Caf\u00e9节' }]);
  });

  it('reports a bad date, a reason outside 2-50 characters and a missing override', async () => {
    const { uc, repo } = calendarSetup();
    const bad = await rejection(
      uc.setCalendarOverride(
        { tenant: YC, override: { date: '2026-02-29', working: false, reason: '节' } },
        actors.ycAdmin,
      ),
    );
    expect((bad as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['override.date', 'DATE'],
      ['override.reason', 'LENGTH'],
    ]);
    const long = await rejection(
      uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20', '节'.repeat(51)) }, actors.ycAdmin),
    );
    expect((long as ValidationError).violations.map((v) => v.path)).toEqual(['override.reason']);
    await uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20', '节'.repeat(50)) }, actors.ycAdmin);
    const missing = await rejection(uc.setCalendarOverride({ tenant: YC }, actors.ycAdmin));
    expect((missing as ValidationError).violations.map((v) => v.path)).toEqual(['override']);
    expect(repo.events).toHaveLength(1);
  });

  it.each([
    ['a window clerk of the tenant', actors.ycClerk, 'ROLE_REQUIRED'],
    ['a supervisor of the tenant', actors.ycSupervisor, 'ROLE_REQUIRED'],
    ['a department system', actors.deptSystem, 'ROLE_REQUIRED'],
    ['the city center administrator (a county calendar)', actors.cityAdmin, 'TENANT_OUT_OF_SCOPE'],
    ['a sibling center administrator', actors.jcAdmin, 'TENANT_OUT_OF_SCOPE'],
  ])('forbids %s and changes nothing', async (_, actor, reason) => {
    const { uc, repo, denials } = calendarSetup();
    const err = await rejection(uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20') }, actor));
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).code).toBe(reason);
    expect(denials).toHaveLength(1);
    expect(repo.docs.size).toBe(0);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { uc } = calendarSetup({ hostedTenants: ['620302'] });
    await expect(
      uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20') }, actors.ycAdmin),
    ).rejects.toBeInstanceOf(PreconditionError);
  });

  it("works out the change again when another replica wrote first, keeping that replica's override", async () => {
    const { uc, repo } = calendarSetup();
    await uc.setCalendarOverride({ tenant: YC, override: holiday('2026-03-20') }, actors.ycAdmin);
    repo.beforeNextSave = () =>
      repo.writeElsewhere(YC, [
        ...repo.docs.get(YC)!.overrides,
        {
          date: '2026-04-10',
          kind: 'holiday',
          reason: '另一副本写入的假日',
        },
      ]);
    const year = await uc.setCalendarOverride({ tenant: YC, override: workday('2026-03-28') }, actors.ycAdmin);
    expect(year.overrides.map((o) => o.date)).toEqual(['2026-03-20', '2026-03-28', '2026-04-10']);
    expect(repo.docs.get(YC)!.version).toBe(3);
    expect(repo.conflicts).toBe(1);
  });

  it("runs this process's concurrent writes for a tenant one after another, without conflicts", async () => {
    const { uc, repo } = calendarSetup();
    const dates = ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24'];
    await Promise.all(
      dates.map((date) => uc.setCalendarOverride({ tenant: YC, override: holiday(date) }, actors.ycAdmin)),
    );
    expect(repo.docs.get(YC)!.overrides.map((o) => o.date)).toEqual(dates);
    expect(repo.docs.get(YC)!.version).toBe(dates.length);
    expect(repo.conflicts).toBe(0);
  });
});
