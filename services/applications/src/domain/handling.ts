import { PreconditionError } from '@govhall/errors';
import type { Case, CaseStep, Decision } from './case';

/**
 * How a workflow step is finished. Review steps (审查, 核查 …) by CompleteStep; the decision (决定, 审批, 批准, or a
 * step of the approver) by DecideCase; the certificate (制证, 发证) by IssueResult; delivery (送达) by DeliverResult.
 * The names are the edition's own; the catalogue's workflows use these words (domain.md: 受理 → 审查 → 决定 → 制证 → 送达).
 * A step that decides and issues at once (审查决定并发证, or the approver's 登簿发证) is the decision: the result is
 * issued after it, by the window where no certificate step follows (IssueResult).
 */
export type StepKind = 'review' | 'decision' | 'certificate' | 'delivery';

export function stepKind(step: Pick<CaseStep, 'name' | 'role'>): StepKind {
  if (step.name.includes('送达')) return 'delivery';
  if (/决定|审批|批准/.test(step.name) || step.role === 'approver') return 'decision';
  if (/制证|发证/.test(step.name)) return 'certificate';
  return 'review';
}

/** The act (in Chinese) that finishes a step of each kind, for refusals. */
export const STEP_ACTS: Record<StepKind, string> = {
  review: '办结环节',
  decision: '作出决定',
  certificate: '出具结果（制证）',
  delivery: '送达',
};

export function activeStep(c: Pick<Case, 'steps'>): CaseStep | undefined {
  return c.steps.find((s) => s.state === 'active');
}

/** The active step, which must be of `kind` (otherwise FAILED_PRECONDITION naming the act that finishes it). */
export function requireActiveStep(c: Pick<Case, 'steps'>, kinds: readonly StepKind[]): CaseStep {
  const step = activeStep(c);
  if (!step) throw new PreconditionError('NO_ACTIVE_STEP', '办件当前没有待办理的环节');
  const kind = stepKind(step);
  if (!kinds.includes(kind)) {
    throw new PreconditionError('STEP_NEEDS_ITS_ACT', `当前环节“${step.name}”须通过“${STEP_ACTS[kind]}”办理`, {
      step: step.name,
      act: kind,
    });
  }
  return step;
}

/**
 * Finishes step `index` (done, by whom, with what opinion) and makes the next pending step active from `today`
 * with its due date. Returns the new steps and the finished step.
 */
export function finishStep(
  steps: readonly CaseStep[],
  index: number,
  finish: { at: Date; by: string; opinion: string },
  dueDateOf: (budgetWorkingDays: number) => string,
): { steps: CaseStep[]; finished: CaseStep; next?: CaseStep } {
  let finished: CaseStep | undefined;
  let next: CaseStep | undefined;
  const out = steps.map((s) => {
    if (s.index === index) {
      finished = { ...s, state: 'done', finishedAt: finish.at, handledBy: finish.by, opinion: finish.opinion };
      return finished;
    }
    return s;
  });
  const pos = out.findIndex((s) => s.index === index);
  const following = out.findIndex((s, i) => i > pos && s.state === 'pending');
  if (following >= 0) {
    next = {
      ...out[following]!,
      state: 'active',
      startedAt: finish.at,
      dueDate: dueDateOf(out[following]!.budgetWorkingDays),
    };
    out[following] = next;
  }
  return { steps: out, finished: finished!, ...(next ? { next } : {}) };
}

/** Steps left pending when the case ends early (a denial): skipped, so no queue shows them. */
export function skipPending(steps: readonly CaseStep[]): CaseStep[] {
  return steps.map((s) => (s.state === 'pending' || s.state === 'active' ? { ...s, state: 'skipped' } : s));
}

/**
 * The remedies a denial names when the decider gives none (行政复议法 §20: 60 days; 行政诉讼法 §46: 6 months). The
 * review goes to the people's government at the same level or to the department one level up.
 */
export const DEFAULT_REMEDIES: readonly string[] = [
  '如不服本决定，可自收到本决定之日起六十日内，向本级人民政府或者上一级主管部门申请行政复议',
  '也可自收到本决定之日起六个月内，依法向人民法院提起行政诉讼',
];

export function denialDecision(reasons: string[], remedies: string[], by: string, at: Date): Decision {
  return {
    outcome: 'denied',
    reasons,
    remedies: remedies.length > 0 ? remedies : [...DEFAULT_REMEDIES],
    decidedBy: by,
    decidedAt: at,
  };
}
