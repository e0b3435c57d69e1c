import { PreconditionError, ValidationError } from '@govhall/errors';
import { actors, calendarSetup, rejection } from './calendar.test-double';

const YC = '620321';
const JC = '620302';

describe('get calendar', () => {
  it('shows 2026 as the State Council notice arranges it: 33 days off, 6 make-up days, 248 working days', async () => {
    const { uc } = calendarSetup();
    const year = await uc.getCalendar({ tenant: YC, year: 2026 });
    expect(year).toMatchObject({ tenant: YC, year: 2026, published: true, workingDays: 248, overrides: [] });
    expect(year.specialDays.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(year.specialDays.filter((d) => d.kind === 'makeup-workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(year.specialDays.find((d) => d.date === '2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      kind: 'holiday',
      name: '春节',
    });
    expect(year.source).toContain('国务院办公厅关于2026年部分节假日安排的通知');
  });

  it("shows the tenant's own overrides, and only to that tenant", async () => {
    const { uc } = calendarSetup();
    await uc.setCalendarOverride(
      { tenant: YC, override: { date: '2026-10-07', working: true, reason: '本地调整上班' } },
      actors.ycAdmin,
    );
    const yc = await uc.getCalendar({ tenant: ` ${YC} `, year: 2026 });
    expect(yc.workingDays).toBe(249);
    expect(yc.overrides).toEqual([{ date: '2026-10-07', kind: 'workday', reason: '本地调整上班' }]);
    expect(yc.specialDays.find((d) => d.date === '2026-10-07')).toMatchObject({ working: true, kind: 'local-workday' });
    const jc = await uc.getCalendar({ tenant: JC, year: 2026 });
    expect(jc.workingDays).toBe(248);
    expect(jc.overrides).toEqual([]);
  });

  it('says when a year is not published and counts it Monday to Friday less the statutory holidays', async () => {
    const { uc } = calendarSetup();
    const year = await uc.getCalendar({ tenant: YC, year: 2027 });
    expect(year).toMatchObject({ published: false, workingDays: 261 - 7 });
    expect(year.specialDays.filter((d) => d.name === '春节').map((d) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect(year.specialDays.every((d) => d.kind === 'holiday' && !d.working)).toBe(true);
    expect(year.source).toContain('2027年节假日安排尚未发布');
  });

  it('reports a bad tenant and a missing or bad year', async () => {
    const { uc } = calendarSetup();
    const err = await rejection(uc.getCalendar({ tenant: 'abc', year: 0 }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['tenant', 'ALPHABET'],
      ['year', 'REQUIRED'],
    ]);
    const fraction = await rejection(uc.getCalendar({ tenant: YC, year: 2026.5 }));
    expect((fraction as ValidationError).violations).toMatchObject([{ path: 'year', reason: 'RANGE' }]);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { uc } = calendarSetup({ hostedTenants: [JC] });
    await expect(uc.getCalendar({ tenant: YC, year: 2026 })).rejects.toBeInstanceOf(PreconditionError);
  });
});
