import type { MatterClock } from '../clocks/matter-clock';
import { kindWords, LEG_KIND_NAMES } from '../clocks/matter-kind';
import type { SignalLevel } from './signal-level';
import type { SignalThresholds } from './thresholds';

export type SignalRule = 'promised.warning' | 'promised.exceeded' | 'step.exceeded' | 'statutory.exceeded';

/** Why a matter should carry a signal now; a signal is identified by its rule and step (0 for the matter). */
export interface SignalCause {
  rule: SignalRule;
  level: SignalLevel;
  /** In Chinese, e.g. 承诺办结时限剩余1个工作日. */
  reason: string;
  stepIndex: number;
}

export function causeKey(c: Pick<SignalCause, 'rule' | 'stepIndex'>): string {
  return c.rule === 'step.exceeded' ? `${c.rule}#${c.stepIndex}` : c.rule;
}

/**
 * The signals a clock calls for under the rules: none once it stopped or for an imported matter, nothing before
 * acceptance; 预警 while the promised limit is not exceeded and at most N working days or P% of it remain; 黄牌
 * when the promised limit or an unfinished step's budget is exceeded; 红牌 when the statutory limit is exceeded
 * (not for a 督办 order or a joint review's leg: its one deadline gives 预警 and 黄牌 only). Reasons name the kind's limit.
 */
export function signalCauses(clock: MatterClock, t: SignalThresholds): SignalCause[] {
  if (clock.imported || clock.state === 'stopped' || clock.state === 'not_started') return [];
  const words = kindWords(clock.kind, clock.legKind);
  const causes: SignalCause[] = [];
  const p = clock.promised;
  const total = p.limitWorkingDays + p.extensionWorkingDays;
  if (p.remainingWorkingDays < 0) {
    if (t.yellowOnPromisedExceeded) {
      causes.push({
        rule: 'promised.exceeded',
        level: 'yellow',
        reason: `已超过${words.promised}${-p.remainingWorkingDays}个工作日`,
        stepIndex: 0,
      });
    }
  } else if (
    p.remainingWorkingDays <= t.warningRemainingWorkingDays ||
    p.remainingWorkingDays * 100 <= t.warningRemainingPercent * total
  ) {
    causes.push({
      rule: 'promised.warning',
      level: 'warning',
      reason: `${words.promised}剩余${p.remainingWorkingDays}个工作日（共${total}个工作日）`,
      stepIndex: 0,
    });
  }
  if (t.yellowOnStepExceeded) {
    for (const s of clock.steps) {
      if (s.finishedDate || !s.overdue) continue;
      causes.push({
        rule: 'step.exceeded',
        level: 'yellow',
        reason: `环节「${s.name}」超出时限${-s.remainingWorkingDays}个工作日（时限${s.budgetWorkingDays}个工作日）`,
        stepIndex: s.index,
      });
    }
  }
  if (words.redOnStatutory && t.redOnStatutoryExceeded && clock.statutory.remainingWorkingDays < 0) {
    causes.push({
      rule: 'statutory.exceeded',
      level: 'red',
      reason: `已超过法定办理时限${-clock.statutory.remainingWorkingDays}个工作日`,
      stepIndex: 0,
    });
  }
  return causes;
}

/** What to raise and what to clear: causes not yet active, active signals whose cause has gone (with why). */
export function signalChanges<A extends Pick<SignalCause, 'rule' | 'stepIndex'>>(
  active: readonly A[],
  causes: readonly SignalCause[],
  clock: Pick<MatterClock, 'state' | 'status' | 'kind' | 'legKind'>,
): { raise: SignalCause[]; clear: { signal: A; reason: string }[] } {
  const activeKeys = new Set(active.map(causeKey));
  const causeKeys = new Set(causes.map(causeKey));
  return {
    raise: causes.filter((c) => !activeKeys.has(causeKey(c))),
    clear: active
      .filter((a) => !causeKeys.has(causeKey(a)))
      .map((signal) => ({ signal, reason: clearedReason(signal, causes, clock) })),
  };
}

function clearedReason(
  signal: Pick<SignalCause, 'rule'>,
  causes: readonly SignalCause[],
  clock: Pick<MatterClock, 'state' | 'status' | 'kind' | 'legKind'>,
): string {
  if (clock.state === 'stopped' && clock.kind === 'supervision_order')
    return clock.status === 'closed' ? '督办事项已办结' : '督办事项已答复';
  if (clock.state === 'stopped' && clock.kind === 'joint_review_leg') {
    const leg = LEG_KIND_NAMES[clock.legKind ?? 'co_review'];
    return clock.status === 'cancelled' ? `${leg}已取消，不予评判` : `${leg}已完成`;
  }
  if (clock.state === 'stopped')
    return ['completed', 'delivered', 'archived'].includes(clock.status) ? '办件已办结' : '办件已终止';
  if (signal.rule === 'promised.warning') {
    return causes.some((c) => c.rule === 'promised.exceeded')
      ? `已超过${kindWords(clock.kind, clock.legKind).promised}，转为黄牌`
      : '剩余时限已不在预警范围内';
  }
  if (signal.rule === 'step.exceeded') return '环节已完成';
  return '时限已顺延或规则已调整';
}
