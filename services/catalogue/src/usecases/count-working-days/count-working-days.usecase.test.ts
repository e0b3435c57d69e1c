import { ValidationError } from '@govhall/errors';
import { actors, calendarSetup, rejection } from '../get-calendar/calendar.test-double';

const YC = '620321';
const JC = '620302';

describe('count working days', () => {
  it('counts (from, to] across the 2026 Spring Festival: the make-up Saturday counts, the nine days off do not', async () => {
    const { uc } = calendarSetup();
    // 13日, the make-up 14日, 24日, 25日.
    expect(await uc.countWorkingDays({ tenant: YC, from: '2026-02-12', to: '2026-02-25' })).toEqual({
      days: 4,
      provisional: false,
      unpublishedYears: [],
    });
    expect((await uc.countWorkingDays({ tenant: YC, from: '2026-02-14', to: '2026-02-23' })).days).toBe(0);
    expect((await uc.countWorkingDays({ tenant: YC, from: '2026-03-10', to: '2026-03-10' })).days).toBe(0);
  });

  it('refuses `to` before `from` as INVALID_ARGUMENT on `to`, not a count of 0', async () => {
    const { uc } = calendarSetup();
    const err = await rejection(uc.countWorkingDays({ tenant: YC, from: '2026-03-10', to: '2026-03-02' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations).toMatchObject([{ path: 'to', reason: 'BEFORE_FROM' }]);
    expect((err as ValidationError).violations[0]!.message).toContain('不能早于开始日期');
  });

  it('counts an unpublished year Monday to Friday less its statutory holidays and flags it', async () => {
    const { uc } = calendarSetup();
    expect(await uc.countWorkingDays({ tenant: YC, from: '2026-12-31', to: '2027-12-31' })).toEqual({
      days: 261 - 7,
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it("applies the tenant's overrides to that tenant only", async () => {
    const { uc } = calendarSetup();
    await uc.setCalendarOverride(
      { tenant: YC, override: { date: '2026-03-20', working: false, reason: '本地民族传统节日' } },
      actors.ycAdmin,
    );
    const march = (tenant: string) => uc.countWorkingDays({ tenant, from: '2026-02-28', to: '2026-03-31' });
    // March 2026 has 22 weekdays and no national days off.
    expect((await march(JC)).days).toBe(22);
    expect((await march(YC)).days).toBe(21);
  });

  it('reports bad dates with their paths and refuses spans longer than about ten years', async () => {
    const { uc } = calendarSetup();
    const err = await rejection(uc.countWorkingDays({ tenant: YC, from: '2026-13-01', to: '26-03-01' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['from', 'to']);
    const long = await rejection(uc.countWorkingDays({ tenant: YC, from: '2004-01-01', to: '2026-01-01' }));
    expect((long as ValidationError).violations).toMatchObject([{ path: 'to', reason: 'RANGE' }]);
    const tenYears = await uc.countWorkingDays({ tenant: YC, from: '2016-12-31', to: '2026-12-31' });
    expect(tenYears.provisional).toBe(false);
  });
});
