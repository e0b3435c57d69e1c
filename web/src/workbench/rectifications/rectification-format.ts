/* 差评整改 as the workbench shows it: states, outcomes, the deadline's state. */
import { RECTIFICATION_OUTCOME_NAMES, type RectificationOutcomeCode } from '@govhall/labels';

export const RECTIFICATION_STATUS: Readonly<Record<string, string>> = {
  open: '整改中',
  appealed: '申诉审核中',
  closed: '已办结',
};

export const RECTIFICATION_STATUS_COLOR: Readonly<Record<string, string>> = {
  open: 'orange',
  appealed: 'purple',
  closed: 'green',
};

export type OutcomeValue = RectificationOutcomeCode;

/** The handler's choices, in the complaints service's words. */
export const OUTCOMES = (Object.entries(RECTIFICATION_OUTCOME_NAMES) as [OutcomeValue, string][]).map(
  ([value, label]) => ({ value, label }),
);

export function outcomeName(outcome: string): string {
  return OUTCOMES.find((o) => o.value === outcome)?.label ?? '';
}

export const isAppealOutcome = (outcome: string | undefined): boolean =>
  outcome === 'appeal_mistaken' || outcome === 'appeal_malicious';

/** The deadline as a clerk reads it: 已超期 past it, 今日到期 on the day, else 剩 N 天 (natural days). */
export function deadlineState(deadline: string, today: string, closed: boolean): { text: string; late: boolean } {
  if (closed) return { text: deadline, late: false };
  if (today > deadline) return { text: `${deadline}（已超期）`, late: true };
  if (today === deadline) return { text: `${deadline}（今日到期）`, late: true };
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { text: `${deadline}（剩 ${days} 天）`, late: false };
}

/**
 * What the signed-in member of staff may do with a rectification in its state (the service decides; the page only
 * offers what would be admitted): assign (the department's head, a center administrator), call back and conclude
 * (the handler or the head, while open), decide an appeal (a supervisor, while appealed).
 */
export function actsFor(
  staff: { username: string; roles: readonly string[]; department?: string },
  r: { status: string; handler: string; department: string },
): { assign: boolean; work: boolean; decide: boolean } {
  const head = staff.roles.includes('department_head') && staff.department === r.department;
  const admin = staff.roles.includes('center_admin');
  const handler = r.handler !== '' && r.handler === staff.username;
  return {
    assign: r.status === 'open' && (head || admin),
    work: r.status === 'open' && (head || handler),
    decide: r.status === 'appealed' && staff.roles.includes('supervisor'),
  };
}
