import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError, ValidationError } from '@govhall/errors';
import { caseEvent } from '../../domain/clocks/case-event.test-double';
import { defaultThresholds } from '../../domain/signals/thresholds';
import { applyCaseEventUseCase } from '../apply-case-event/apply-case-event.usecase';
import { inMemoryClockDeps } from '../clocks.test-double';
import { dryRunSignalThresholdsUseCase } from '../dry-run-signal-thresholds/dry-run-signal-thresholds.usecase';
import { getSignalThresholdsUseCase } from '../get-signal-thresholds/get-signal-thresholds.usecase';
import { setSignalThresholdsUseCase } from './set-signal-thresholds.usecase';

const who = (roles: Principal['roles'], tenant: string): Principal => ({
  kind: 'user',
  subject: 's',
  username: `${roles[0]}-${tenant}`,
  tenant,
  roles,
  clientId: 'c',
});
const ycAdmin = who(['center_admin'], '620321');
const { updatedBy: _u, ...defaults } = defaultThresholds('620321');

describe('per-tenant signal thresholds', () => {
  it('start at domain.md’s defaults and are changed by the tenant’s center admin with the version read', async () => {
    const w = inMemoryClockDeps('2026-11-02T04:00:00Z');
    const get = getSignalThresholdsUseCase(w.deps);
    const set = setSignalThresholdsUseCase(w.deps);
    expect(await get('620321', who(['supervisor'], '620321'))).toMatchObject({
      version: 0,
      warningRemainingWorkingDays: 1,
      warningRemainingPercent: 25,
    });
    const saved = await set({ ...defaults, warningRemainingWorkingDays: 2 }, ycAdmin);
    expect(saved).toMatchObject({ version: 1, warningRemainingWorkingDays: 2, updatedBy: 'center_admin-620321' });
    await expect(set({ ...defaults, warningRemainingWorkingDays: 3 }, ycAdmin)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await get('620321', ycAdmin)).warningRemainingWorkingDays).toBe(2);
  });

  it('refuses the city’s admin, a supervisor and bad values, changing nothing', async () => {
    const w = inMemoryClockDeps('2026-11-02T04:00:00Z');
    const set = setSignalThresholdsUseCase(w.deps);
    await expect(set(defaults, who(['center_admin'], '620300'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(set(defaults, who(['supervisor'], '620321'))).rejects.toBeInstanceOf(ForbiddenError);
    const bad = (await set({ ...defaults, tenant: 'x', warningRemainingPercent: 150, version: -1 }, ycAdmin).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(bad.violations.map((v) => v.path)).toEqual([
      'thresholds.tenant',
      'thresholds.warningRemainingPercent',
      'thresholds.version',
    ]);
    expect(w.thresholds.size).toBe(0);
  });

  it('a dry run lists the open matters whose level would change and stores nothing', async () => {
    const w = inMemoryClockDeps('2026-11-02T04:00:00Z');
    const apply = applyCaseEventUseCase(w.deps);
    await apply(caseEvent(1, 'accepted', '2026-11-02', { facts: { caseId: 'a' } }));
    await apply(caseEvent(1, 'accepted', '2026-11-04', { facts: { caseId: 'b' } }));
    w.setDay('2026-11-05'); // a: 2 of 5 days left; b: 4 left
    const dryRun = dryRunSignalThresholdsUseCase(w.deps);
    const result = await dryRun({ ...defaults, warningRemainingWorkingDays: 2 }, who(['supervisor'], '620321'));
    expect(result).toEqual({
      openMatters: 2,
      changes: [expect.objectContaining({ matterId: 'a', from: 'none', to: 'warning' })],
    });
    expect(w.thresholds.size).toBe(0);
    expect(w.signals.size).toBe(0);
    await expect(dryRun({ ...defaults, tenant: '620302' }, who(['supervisor'], '620321'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
