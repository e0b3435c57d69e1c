import type { TenantOverrides } from '../calendar.ports';
import { InMemoryCalendarOverrides, testClock } from './calendar.test-double';
import { createTenantCalendars } from './tenant-calendars';

const YC = '620321';
const localHoliday = { date: '2026-03-20', kind: 'holiday', reason: '本地民族传统节日' } as const;

function setup() {
  const repo = new InMemoryCalendarOverrides();
  const clock = testClock('2026-01-05T02:00:00Z');
  return { repo, clock, calendars: createTenantCalendars({ overrides: repo, clock, ttlMs: 60_000 }) };
}

describe('tenant calendars (in-process cache)', () => {
  it('reads a tenant once and answers from memory until the TTL has passed', async () => {
    const { repo, clock, calendars } = setup();
    await calendars.get(YC);
    await calendars.get(YC);
    expect(repo.reads).toBe(1);
    clock.advance(60_001);
    await calendars.get(YC);
    expect(repo.reads).toBe(2);
  });

  it("picks up another replica's write after the TTL, not before", async () => {
    const { repo, clock, calendars } = setup();
    expect((await calendars.get(YC)).calendar.isWorkingDay('2026-03-20')).toBe(true);
    repo.writeElsewhere(YC, [localHoliday]);
    clock.advance(59_000);
    expect((await calendars.get(YC)).calendar.isWorkingDay('2026-03-20')).toBe(true);
    clock.advance(1_001);
    expect((await calendars.get(YC)).calendar.isWorkingDay('2026-03-20')).toBe(false);
  });

  it("uses this process's own write at once", async () => {
    const { calendars } = setup();
    await calendars.get(YC);
    calendars.remember({ tenant: YC, overrides: [localHoliday], version: 1 });
    expect((await calendars.get(YC)).calendar.describe('2026-03-20').kind).toBe('local-holiday');
  });

  it('shares one read among concurrent callers', async () => {
    const { repo, calendars } = setup();
    await Promise.all([1, 2, 3, 4, 5].map(() => calendars.get(YC)));
    expect(repo.reads).toBe(1);
  });

  it('does not let a read that started before an own write bring the older state back', async () => {
    let finishRead: (doc: TenantOverrides) => void = () => undefined;
    const slow = {
      find: () => new Promise<TenantOverrides>((resolve) => (finishRead = resolve)),
      save: async () => undefined,
    };
    const calendars = createTenantCalendars({ overrides: slow, clock: testClock('2026-01-05T02:00:00Z') });
    const pending = calendars.get(YC);
    calendars.remember({ tenant: YC, overrides: [localHoliday], version: 2 });
    finishRead({ tenant: YC, overrides: [], version: 1 });
    expect((await pending).overrides.version).toBe(2);
    expect((await calendars.get(YC)).calendar.isWorkingDay('2026-03-20')).toBe(false);
  });

  it('keeps at most 1,000 tenants, dropping the least recently loaded', async () => {
    const { repo, calendars } = setup();
    for (let i = 0; i <= 1_000; i += 1) await calendars.get(`62${String(i).padStart(4, '0')}`);
    expect(repo.reads).toBe(1_001);
    await calendars.get('621000'); // the newest: still kept
    expect(repo.reads).toBe(1_001);
    await calendars.get('620000'); // the oldest: dropped
    expect(repo.reads).toBe(1_002);
  });
});
