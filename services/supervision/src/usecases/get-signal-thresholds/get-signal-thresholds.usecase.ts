import type { Principal } from '@govhall/auth';
import type { SignalThresholds } from '../../domain/signals/thresholds';
import { readSelector } from '../clocks.access';
import type { ThresholdStore } from '../clocks.ports';
import { thresholdsOf } from '../clocks.shared';

/** A tenant's signal rules (the defaults, version 0, until it sets its own): its supervisors and center admins. */
export function getSignalThresholdsUseCase(deps: { thresholds: ThresholdStore }) {
  return async (tenant: string, actor: Principal): Promise<SignalThresholds> => {
    const selector = readSelector(actor, { tenant, includeSubordinates: false }, ['supervisor', 'center_admin']);
    return thresholdsOf(deps, selector.tenant);
  };
}
