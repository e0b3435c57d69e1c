import { decide, type Principal } from '@govhall/auth';
import type { Clock } from '@govhall/clock';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { thresholdViolations, type SignalThresholds } from '../../domain/signals/thresholds';
import type { ThresholdStore } from '../clocks.ports';

export type ThresholdsInput = Omit<SignalThresholds, 'updatedBy' | 'updatedAt'>;

/** Checks proposed rules: the tenant, the version read and the rule fields (paths under `thresholds.`). */
export function checkThresholdsInput(input: ThresholdsInput): void {
  const problems = thresholdViolations(input);
  if (!/^\d{6}$/.test(input.tenant)) {
    problems.unshift({ path: 'thresholds.tenant', reason: 'PATTERN', message: '地区代码应为6位数字' });
  }
  if (!Number.isInteger(input.version) || input.version < 0) {
    problems.push({ path: 'thresholds.version', reason: 'RANGE', message: '版本号应为读取时的版本（0或正整数）' });
  }
  if (problems.length) throw new ValidationError(problems);
}

/**
 * Changes a tenant's signal rules (S14): only the center admin of that tenant (not of a tenant above), naming
 * the version it read (optimistic concurrency: CONCURRENT_MODIFICATION when someone saved first). The new rules
 * apply from the next evaluation of each clock (an event or the timer).
 */
export function setSignalThresholdsUseCase(deps: { thresholds: ThresholdStore; clock: Clock }) {
  return async (input: ThresholdsInput, actor: Principal): Promise<SignalThresholds> => {
    checkThresholdsInput(input);
    const d = decide(actor, 'write', { type: 'signal_thresholds', tenant: input.tenant }, { roles: ['center_admin'] });
    if (!d.allowed)
      throw new ForbiddenError(
        'THRESHOLDS_WRITE_FORBIDDEN',
        `只有本级政务服务中心管理员可以修改预警规则：${d.message}`,
      );
    return deps.thresholds.save({ ...input, updatedBy: actor.username, updatedAt: deps.clock.now() }, input.version);
  };
}
