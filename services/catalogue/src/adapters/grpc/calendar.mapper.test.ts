import { catalogueV1 } from '@govhall/proto';
import { actors, calendarSetup } from '../../usecases/get-calendar/calendar.test-double';
import { overrideFromProto, toProtoCalendarYear } from './calendar.mapper';

const { DayKind } = catalogueV1;

describe('calendar mapper', () => {
  it('maps a year with official days and overrides onto WorkingCalendarYear', async () => {
    const { uc } = calendarSetup();
    await uc.setCalendarOverride(
      { tenant: '620321', override: { date: '2026-10-07', working: true, reason: '本地调整上班' } },
      actors.ycAdmin,
    );
    await uc.setCalendarOverride(
      { tenant: '620321', override: { date: '2026-03-20', working: false, reason: '本地民族传统节日' } },
      actors.ycAdmin,
    );
    const proto = toProtoCalendarYear(await uc.getCalendar({ tenant: '620321', year: 2026 }));
    expect(proto).toMatchObject({ tenant: '620321', year: 2026, published: true, workingDays: 248 });
    const kindOf = (date: string) => proto.specialDays.find((d) => d.date === date);
    expect(kindOf('2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      kind: DayKind.DAY_KIND_HOLIDAY,
      name: '春节',
    });
    expect(kindOf('2026-02-14')!.kind).toBe(DayKind.DAY_KIND_MAKEUP_WORKDAY);
    expect(kindOf('2026-03-20')!.kind).toBe(DayKind.DAY_KIND_LOCAL_HOLIDAY);
    expect(kindOf('2026-10-07')!.kind).toBe(DayKind.DAY_KIND_LOCAL_WORKDAY);
    expect(proto.overrides).toEqual([
      { date: '2026-03-20', working: false, reason: '本地民族传统节日' },
      { date: '2026-10-07', working: true, reason: '本地调整上班' },
    ]);
    // The message encodes: every field is a proto3 value.
    const decoded = catalogueV1.WorkingCalendarYear.decode(catalogueV1.WorkingCalendarYear.encode(proto).finish());
    expect(decoded).toEqual(proto);
  });

  it('reads a request override, and its absence', () => {
    expect(overrideFromProto({ date: '2026-03-20', working: false, reason: '节日' })).toEqual({
      date: '2026-03-20',
      working: false,
      reason: '节日',
    });
    expect(overrideFromProto(undefined)).toBeUndefined();
  });
});
