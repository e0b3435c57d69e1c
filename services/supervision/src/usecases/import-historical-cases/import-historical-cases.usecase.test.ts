import type { Principal, Role } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { computeMatterClock } from '../../domain/clocks/compute-matter-clock';
import { createWorkingCalendar } from '@govhall/calendar';
import { changeCalendarUseCase } from '../change-calendar/change-calendar.usecase';
import { inMemoryClockDeps } from '../clocks.test-double';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import { importHistoricalCasesUseCase } from './import-historical-cases.usecase';

const who = (roles: Role[], tenant = '620321'): Principal => ({
  kind: 'user',
  subject: 's',
  username: 'admin1',
  tenant,
  roles,
  clientId: 'c',
});
const ADMIN = who(['center_admin']);

const row = (over: object = {}) => ({
  caseNumber: '620321-2019-000123',
  itemName: '食品经营许可',
  itemBasicCode: '000172029000',
  department: '620321-SCJG',
  windowId: 'w-3',
  channel: 'counter',
  applicantName: '张*',
  receivedDate: '2019-06-03',
  acceptedDate: '2019-06-03',
  decidedDate: '2019-06-14',
  completedDate: '2019-06-17',
  promisedLimitWorkingDays: 10,
  statutoryLimitWorkingDays: 20,
  outcome: 'approved',
  ...over,
});
const jsonl = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

function world() {
  const clocks = inMemoryClockDeps('2026-03-12T02:00:00Z');
  return { ...clocks, run: importHistoricalCasesUseCase(clocks.deps) };
}

describe('the import of historical cases (S31)', () => {
  it('stores good lines as imported matters with a stopped clock and reports each bad line with its field', async () => {
    const w = world();
    const content = [
      jsonl(row()),
      '',
      '{not json',
      jsonl(row({ caseNumber: '620321-2019-000124', receivedDate: '2019-02-30', applicantName: '张三' })),
      jsonl(row({ caseNumber: '620321-2019-000125', itemName: '身份证 62032119900307123X 办理', phone: '1' })),
      jsonl(row({ caseNumber: '620321-2019-000126', acceptedDate: '2019-06-20', outcome: 'granted' })),
      jsonl(row()),
    ].join('\n');
    const report = await w.run({ tenant: '', content, firstLine: 0 }, ADMIN);
    expect(report.imported).toBe(1);
    expect(report.rejected.map((p) => [p.line, p.field])).toEqual([
      [3, ''],
      [4, 'applicantName'],
      [4, 'receivedDate'],
      [5, 'phone'],
      [5, 'itemName'],
      [6, 'decidedDate'],
      [6, 'outcome'],
      [7, 'caseNumber'],
    ]);
    expect(report.rejected[2]!.message).toBe('第4行：收件日期应为有效日期（YYYY-MM-DD）');
    expect(report.rejected[4]!.message).toBe('第5行：事项名称不得包含身份证号码或手机号码，请脱敏后导入');
    expect(report.rejected[7]!.message).toBe('第7行：办件编号与第1行重复');
    expect([...w.matters.keys()]).toEqual(['hist-620321-620321-2019-000123']);
    const { clock } = w.matters.get('hist-620321-620321-2019-000123')!;
    expect(clock).toMatchObject({ imported: true, state: 'stopped', signal: 'none', endedDate: '2019-06-17' });
    // 2019-06-03 → 06-17: 06-07 was 端午节, so 9 working days were used of 10.
    expect(clock.promised).toMatchObject({ elapsedWorkingDays: 9, remainingWorkingDays: 1 });
    expect(w.signals.size).toBe(0);
  });

  it('is idempotent on the case number and numbers lines from first_line', async () => {
    const w = world();
    await w.run({ tenant: '620321', content: jsonl(row()), firstLine: 0 }, ADMIN);
    const again = await w.run(
      { tenant: '620321', content: jsonl(row({ itemName: '改名' }), { x: 1 }), firstLine: 2000 },
      ADMIN,
    );
    expect(again).toMatchObject({ imported: 0, alreadyImported: 1 });
    expect(again.rejected.map((p) => [p.line, p.field])).toEqual(
      expect.arrayContaining([
        [2002, 'x'],
        [2002, 'caseNumber'],
      ]),
    );
    expect(w.matters.get('hist-620321-620321-2019-000123')!.matter.itemName).toBe('食品经营许可');
  });

  it('refuses an empty or oversized request, other roles and other tenants, storing nothing', async () => {
    const w = world();
    await expect(w.run({ tenant: '620321', content: ' ', firstLine: 0 }, ADMIN)).rejects.toBeInstanceOf(
      ValidationError,
    );
    const big = Array.from({ length: 2001 }, () => '{}').join('\n');
    await expect(w.run({ tenant: '620321', content: big, firstLine: 0 }, ADMIN)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      w.run({ tenant: '620321', content: jsonl(row()), firstLine: 0 }, who(['window_clerk'])),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      w.run({ tenant: '620321', content: jsonl(row()), firstLine: 0 }, who(['center_admin'], '620302')),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(w.matters.size).toBe(0);
  });

  it('the timer and a calendar change never recount an imported matter, even one stored without an end', async () => {
    const w = world();
    await w.run({ tenant: '620321', content: jsonl(row()), firstLine: 0 }, ADMIN);
    // An imported matter left open (as a faulty older import could have stored it): still never refreshed.
    const stored = w.matters.get('hist-620321-620321-2019-000123')!;
    const open = { ...stored.matter, matterId: 'hist-open', endedDate: '', decidedDate: '', status: 'processing' };
    const clock = computeMatterClock(open, createWorkingCalendar(), '2019-06-10');
    w.matters.set('hist-open', { matter: open, clock });
    expect(clock.state).toBe('running');
    w.setDay('2026-03-20');
    expect(await refreshClocksUseCase(w.deps)(undefined)).toBe(0);
    await changeCalendarUseCase(w.deps)('620321', { date: '2026-03-19', kind: 'holiday', reason: '调休' }, true);
    expect(w.matters.get('hist-open')!.clock.asOfDate).toBe('2019-06-10');
    expect(w.matters.get('hist-620321-620321-2019-000123')!.clock.asOfDate).toBe('2026-03-12');
    expect(w.signals.size).toBe(0);
  });
});
