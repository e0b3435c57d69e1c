import type { JointReview, JointTask, Profile } from '../../api/types';

type Staff = Pick<NonNullable<Profile['staff']>, 'tenant' | 'department' | 'username' | 'roles'>;

/**
 * Who may do what on a joint review, as the joint-review service decides it (services/joint-review
 * review.access.ts): the page shows a button only to who may use it; the service still decides and its refusal is
 * shown at the form.
 */

/** A department's task may be worked while it is open or claimed, and the review is still active. */
export const isActiveReview = (review: Pick<JointReview, 'state'>): boolean =>
  review.state === 'open' || review.state === 'awaiting_conclusion';

/**
 * The lead (主办): an approver or department head of the lead department, or the window clerk serving the lead
 * window today (`leadWindowResponsible`, the username identity answers for it).
 */
export function isLead(
  staff: Staff,
  review: Pick<JointReview, 'tenant' | 'leadDepartment'>,
  leadWindowResponsible: string,
): boolean {
  if (staff.tenant !== review.tenant || staff.department !== review.leadDepartment) return false;
  if (staff.roles.includes('approver') || staff.roles.includes('department_head')) return true;
  return (
    staff.roles.includes('window_clerk') && leadWindowResponsible !== '' && staff.username === leadWindowResponsible
  );
}

/**
 * Who assigns a department's tasks and reads its inbox: the department's head, or its window lead (`windowLead`: the
 * person serving the department's first window today).
 */
export function leadsDepartment(staff: Staff, department: string, windowLead: string): boolean {
  if (!staff.department || staff.department !== department) return false;
  return staff.roles.includes('department_head') || (windowLead !== '' && staff.username === windowLead);
}

/** The department's window lead stands for it (ADR 0052): the first of its windows by id. */
export function firstWindowOf<W extends { id: string; department: string }>(
  windows: readonly W[],
  department: string,
): W | undefined {
  return windows.filter((w) => w.department === department).sort((a, b) => a.id.localeCompare(b.id))[0];
}

export interface TaskDue {
  color: 'default' | 'orange' | 'red';
  text: string;
}

/**
 * How a task's due date looks: a task still to be answered (open or claimed) past its due date is 已超期, on it
 * 今日到期; others show the date alone. `today` is China's date (YYYY-MM-DD).
 */
export function taskDue(task: Pick<JointTask, 'state' | 'dueDate'>, today: string): TaskDue | undefined {
  if (!task.dueDate || (task.state !== 'open' && task.state !== 'claimed')) return undefined;
  if (task.dueDate < today) return { color: 'red', text: '已超期' };
  if (task.dueDate === today) return { color: 'orange', text: '今日到期' };
  return undefined;
}

/**
 * The stages a department may be added to: the current one (the last one while awaiting the conclusion) or the
 * one after the last (at most 10), as the service allows (addableStages).
 */
export function addableStages(review: Pick<JointReview, 'state' | 'currentStage' | 'tasks'>): number[] {
  const last = review.tasks.reduce((max, t) => Math.max(max, t.stage), 1);
  const min = review.state === 'open' && review.currentStage > 0 ? review.currentStage : last;
  const max = Math.min(10, last + 1);
  return Array.from({ length: Math.max(0, max - min + 1) }, (_v, i) => min + i);
}

/** A person as staff read them: the display name when identity gave one for the username, else the username. */
export function personName(names: ReadonlyMap<string, string>, username: string | undefined): string {
  if (!username) return '—';
  if (username.startsWith('service:')) return '部门系统';
  return names.get(username) ?? username;
}

/** Where a task is worked: its joint review, or the delegated case or received escalation holding a decision task. */
export function taskPath(task: Pick<JointTask, 'kind' | 'reviewId'>): string {
  if (task.kind === 'delegated_decision') return `/delegated/${task.reviewId}`;
  if (task.kind === 'escalation_decision') return `/escalation/${task.reviewId}`;
  return `/joint/${task.reviewId}`;
}

/** A task's step as a list shows it: a review's stage, or what a decision task decides. */
export function taskStep(task: Pick<JointTask, 'kind' | 'stage'>): string {
  if (task.kind === 'delegated_decision') return '代受理件决定';
  if (task.kind === 'escalation_decision') return '上报件决定';
  return `第${task.stage}阶段`;
}
