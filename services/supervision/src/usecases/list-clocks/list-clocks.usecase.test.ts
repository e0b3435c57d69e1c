import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { caseEvent } from '../../domain/clocks/case-event.test-double';
import { applyCaseEventUseCase } from '../apply-case-event/apply-case-event.usecase';
import { inMemoryClockDeps, principal } from '../clocks.test-double';
import { getMatterClockUseCase } from '../get-matter-clock/get-matter-clock.usecase';
import { listSignalsUseCase } from '../list-signals/list-signals.usecase';
import { refreshClocksUseCase } from '../refresh-clocks/refresh-clocks.usecase';
import { watchLiveUseCase } from '../watch-live/watch-live.usecase';
import { listClocksUseCase } from './list-clocks.usecase';

const who = principal;
const ycSupervisor = who(['supervisor'], '620321');
const jcqSupervisor = who(['supervisor'], '620302'); // a sibling district of 永昌县 under 金昌市
const citySupervisor = who(['supervisor'], '620300');
const query = {
  tenant: '',
  includeSubordinates: false,
  minSignal: 'none' as const,
  department: '',
  windowId: '',
  openOnly: false,
};

async function world() {
  const w = inMemoryClockDeps('2026-11-02T04:00:00Z');
  const apply = applyCaseEventUseCase(w.deps);
  for (const [id, tenant] of [
    ['yc-1', '620321'],
    ['jcq-1', '620302'],
  ]) {
    await apply(caseEvent(1, 'accepted', '2026-11-02', { facts: { caseId: id, tenant } }));
  }
  return {
    ...w,
    list: listClocksUseCase(w.deps),
    get: getMatterClockUseCase(w.deps),
    signals: listSignalsUseCase(w.deps),
  };
}

describe('reading clocks: vertical supervision, never a sibling', () => {
  it('a district supervisor reads its own tenant only; the city reads both districts', async () => {
    const w = await world();
    expect((await w.list(query, ycSupervisor)).clocks.map((c) => c.matterId)).toEqual(['yc-1']);
    await expect(w.list({ ...query, tenant: '620302' }, ycSupervisor)).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    const city = await w.list({ ...query, tenant: '620300', includeSubordinates: true }, citySupervisor);
    expect(city.clocks.map((c) => c.matterId).sort()).toEqual(['jcq-1', 'yc-1']);
    expect((await w.get('yc-1', citySupervisor)).tenant).toBe('620321');
  });

  it('a sibling’s matter is answered as not found, other roles are refused', async () => {
    const w = await world();
    await expect(w.get('yc-1', jcqSupervisor)).rejects.toBeInstanceOf(NotFoundError);
    await expect(w.get('yc-1', who(['window_clerk'], '620321'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.list(query, who(['reviewer'], '620321'))).rejects.toMatchObject({
      code: 'SUPERVISION_READ_FORBIDDEN',
    });
    await expect(
      w.signals({ ...query, tenant: '620321', matterId: '', activeOnly: false, minLevel: 'none' }, jcqSupervisor),
    ).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
  });

  it('bad input names the field in Chinese', async () => {
    const w = await world();
    const bad = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as ValidationError).violations;
    expect(await bad(w.list({ ...query, tenant: '62x' }, ycSupervisor))).toEqual([
      { path: 'tenant', reason: 'PATTERN', message: '地区代码应为6位数字' },
    ]);
    expect(await bad(w.list({ ...query, department: 'a b' }, ycSupervisor))).toEqual([
      expect.objectContaining({ path: 'department', message: '部门代码格式不正确' }),
    ]);
    expect(await bad(w.list({ ...query, pageSize: 101 }, ycSupervisor))).toEqual([
      expect.objectContaining({ path: 'page.pageSize' }),
    ]);
    expect(await bad(w.get('', ycSupervisor))).toEqual([
      expect.objectContaining({ path: 'matterId', reason: 'REQUIRED' }),
    ]);
  });

  it('a live watch gets only the updates of the tenants the caller may see', async () => {
    const w = await world();
    const seen: string[] = [];
    const stop = watchLiveUseCase(w.deps)({ tenant: '620300', includeSubordinates: true }, citySupervisor, (u) =>
      seen.push(`${u.kind}:${u.tenant}`),
    );
    const own: string[] = [];
    const stopOwn = watchLiveUseCase(w.deps)({ tenant: '', includeSubordinates: false }, ycSupervisor, (u) =>
      own.push(u.tenant),
    );
    expect(() =>
      watchLiveUseCase(w.deps)({ tenant: '620302', includeSubordinates: false }, ycSupervisor, () => undefined),
    ).toThrow(ForbiddenError);
    const apply = applyCaseEventUseCase(w.deps);
    await apply(caseEvent(2, 'decided', '2026-11-03', { facts: { caseId: 'jcq-1', tenant: '620302' } }));
    await apply(caseEvent(2, 'decided', '2026-11-03', { facts: { caseId: 'yc-1', tenant: '620321' } }));
    stop();
    stopOwn();
    await apply(
      caseEvent(3, 'result_issued', '2026-11-04', { facts: { caseId: 'yc-1', tenant: '620321', status: 'completed' } }),
    );
    expect(seen).toEqual(['clock:620302', 'clock:620321']);
    expect(own).toEqual(['620321']);
  });
});

describe("a hall screen's device account (hall_screen, ADR 0049)", () => {
  const ycScreen = who(['hall_screen'], '620321');

  it('lists its own tenant’s clocks as the screen shows them, nobody’s login; another tenant or below refused', async () => {
    const w = await world();
    const page = await w.list({ ...query, openOnly: true }, ycScreen);
    expect(page.clocks.map((c) => c.matterId)).toEqual(['yc-1']);
    const [clock] = page.clocks;
    expect(clock).toMatchObject({ caseNumber: expect.any(String), applicantName: '张*', responsible: '' });
    expect(clock!.steps.every((s) => s.handledBy === '')).toBe(true);
    expect(clock!.promised.explanation).toEqual([]);
    for (const refused of [
      { tenant: '620302' },
      { tenant: '620300', includeSubordinates: true },
      { includeSubordinates: true },
    ]) {
      await expect(w.list({ ...query, ...refused }, ycScreen)).rejects.toMatchObject({
        code: 'TENANT_OUT_OF_SCOPE',
        message: expect.stringContaining('大屏账号只能查看本大厅'),
      });
    }
    // No case detail and no signals: those stay with supervisors.
    await expect(w.get('yc-1', ycScreen)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      w.signals({ ...query, matterId: '', activeOnly: true, minLevel: 'none' }, ycScreen),
    ).rejects.toMatchObject({ code: 'SUPERVISION_READ_FORBIDDEN' });
    // A supervisor who also holds the role reads as a supervisor.
    const both = await w.list(query, who(['supervisor', 'hall_screen'], '620321'));
    expect(both.clocks[0]!.responsible).toBe('ycx-reviewer');
  });

  it('watches its own tenant’s clocks only, masked, and no signal of any tenant', async () => {
    const w = await world();
    const seen: string[] = [];
    const stop = watchLiveUseCase(w.deps)({ tenant: '', includeSubordinates: false }, ycScreen, (u) =>
      seen.push(u.kind === 'clock' ? `clock:${u.tenant}:${u.clock.responsible}:${u.clock.applicantName}` : u.kind),
    );
    expect(() =>
      watchLiveUseCase(w.deps)({ tenant: '620300', includeSubordinates: true }, ycScreen, () => undefined),
    ).toThrow(ForbiddenError);
    // Weeks pass: both cases run late and their signals are raised (published to supervisors' watches).
    w.setDay('2026-12-15');
    await refreshClocksUseCase(w.deps)();
    expect(w.published.some((u) => u.kind === 'signal_raised' && u.tenant === '620321')).toBe(true);
    // A later update of our own tenant: the marker that everything before it was delivered or withheld.
    const apply = applyCaseEventUseCase(w.deps);
    await apply(caseEvent(2, 'decided', '2026-12-15', { facts: { caseId: 'yc-1', tenant: '620321' } }));
    stop();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['clock:620321::张*']));
  });
});
