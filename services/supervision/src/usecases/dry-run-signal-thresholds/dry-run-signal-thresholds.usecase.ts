import { chinaToday } from '@govhall/calendar';
import type { Principal } from '@govhall/auth';
import { computeMatterClock } from '../../domain/clocks/compute-matter-clock';
import { signalCauses } from '../../domain/signals/signal-causes';
import { highestLevel, type SignalLevel } from '../../domain/signals/signal-level';
import { readSelector } from '../clocks.access';
import type { ThresholdStore } from '../clocks.ports';
import { tenantCalendar, thresholdsOf, type ClockDeps } from '../clocks.shared';
import { checkThresholdsInput, type ThresholdsInput } from '../set-signal-thresholds/set-signal-thresholds.usecase';

export interface SignalChange {
  matterId: string;
  caseNumber: string;
  itemName: string;
  from: SignalLevel;
  to: SignalLevel;
}

/**
 * Which open matters of the tenant would change signal level under the proposed rules, today: each clock counted
 * as now and judged by the current rules and by the proposed ones. Nothing is stored or raised.
 */
export function dryRunSignalThresholdsUseCase(
  deps: Pick<ClockDeps, 'matters' | 'calendars' | 'clock'> & { thresholds: ThresholdStore },
) {
  return async (
    input: ThresholdsInput,
    actor: Principal,
  ): Promise<{ changes: SignalChange[]; openMatters: number }> => {
    checkThresholdsInput(input);
    const { tenant } = readSelector(actor, { tenant: input.tenant, includeSubordinates: false }, [
      'supervisor',
      'center_admin',
    ]);
    const current = await thresholdsOf(deps, tenant);
    const proposed = { ...current, ...input, tenant };
    const calendar = await tenantCalendar(deps, tenant);
    const today = chinaToday(deps.clock.now());
    const open = await deps.matters.listOpen(tenant);
    const changes: SignalChange[] = [];
    for (const { matter } of open) {
      const clock = computeMatterClock(matter, calendar, today);
      const from = highestLevel(signalCauses(clock, current).map((c) => c.level));
      const to = highestLevel(signalCauses(clock, proposed).map((c) => c.level));
      if (from !== to)
        changes.push({ matterId: matter.matterId, caseNumber: matter.caseNumber, itemName: matter.itemName, from, to });
    }
    return { changes, openMatters: open.length };
  };
}
