import type { Violation } from '@govhall/errors';

/** Per-tenant signal rules (S14), versioned: a change names the version it read. */
export interface SignalThresholds {
  tenant: string;
  /** 0 = the defaults, never stored. */
  version: number;
  warningRemainingWorkingDays: number;
  warningRemainingPercent: number;
  yellowOnPromisedExceeded: boolean;
  yellowOnStepExceeded: boolean;
  redOnStatutoryExceeded: boolean;
  updatedBy: string;
  updatedAt?: Date;
}

/** domain.md: 预警 when ≤ 1 working day or ≤ 25% of the promised limit remains; 黄牌 and 红牌 on. */
export function defaultThresholds(tenant: string): SignalThresholds {
  return {
    tenant,
    version: 0,
    warningRemainingWorkingDays: 1,
    warningRemainingPercent: 25,
    yellowOnPromisedExceeded: true,
    yellowOnStepExceeded: true,
    redOnStatutoryExceeded: true,
    updatedBy: '',
  };
}

export const MAX_WARNING_WORKING_DAYS = 60;

/** What is wrong with proposed rules (paths under `thresholds.`), in Chinese; empty when they are fine. */
export function thresholdViolations(
  t: Pick<SignalThresholds, 'warningRemainingWorkingDays' | 'warningRemainingPercent'>,
): Violation[] {
  const problems: Violation[] = [];
  const days = t.warningRemainingWorkingDays;
  if (!Number.isInteger(days) || days < 0 || days > MAX_WARNING_WORKING_DAYS) {
    problems.push({
      path: 'thresholds.warningRemainingWorkingDays',
      message: `预警剩余工作日应为0至${MAX_WARNING_WORKING_DAYS}之间的整数`,
      reason: 'RANGE',
    });
  }
  const percent = t.warningRemainingPercent;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    problems.push({
      path: 'thresholds.warningRemainingPercent',
      message: '预警剩余比例应为0至100之间的整数（百分比）',
      reason: 'RANGE',
    });
  }
  return problems;
}
