import type { Case, CaseStatus } from './case';
import { IN_PROGRESS } from './case-status';

/** The applicant's lists (A26) and the drafts they keep. */
export type MyList = 'drafts' | 'submitted' | 'in_progress' | 'completed';

/** The seed's names staff filter by (A27): 即办件, 承诺件, 补办件, 退回件, 上报件, 联办件. */
export type QueueKind = 'immediate' | 'promised' | 'supplement' | 'returned' | 'escalated' | 'joint';

export const QUEUE_KIND_NAMES: Record<QueueKind, string> = {
  immediate: '即办件',
  promised: '承诺件',
  supplement: '补办件',
  returned: '退回件',
  escalated: '上报件',
  joint: '联办件',
};

const COMPLETED: readonly CaseStatus[] = ['completed', 'delivered', 'archived', 'withdrawn'];
/** At the window: waiting for pre-review, for sending to acceptance, or for paper originals. */
const AT_WINDOW: readonly CaseStatus[] = ['pre_review', 'pre_review_passed', 'awaiting_paper'];

export function myList(c: Pick<Case, 'status'>): MyList {
  if (c.status === 'draft') return 'drafts';
  if (IN_PROGRESS.includes(c.status)) return 'in_progress';
  if (COMPLETED.includes(c.status)) return 'completed';
  return 'submitted';
}

/** The seed's names this case falls under now (A27): its handling category, and 补办件 / 退回件 while it is one. */
export function queueKinds(c: Pick<Case, 'status' | 'handlingCategory'>): QueueKind[] {
  const kinds: QueueKind[] = [c.handlingCategory];
  if (c.status === 'supplement') kinds.push('supplement');
  if (c.status === 'returned') kinds.push('returned');
  return kinds;
}

/**
 * The queues a case is in, as top-level equality keys (docs/store-rules.md: a queue's equality holds only open
 * cases, so its page costs what the queue holds, not what the tenant ever received):
 * - `queueWindow`: the window's pre-review queue while the case is at the window;
 * - `queueRole`: `<department>|<role>` of whoever must act next after acceptance (the active step's role; the
 *   approved case waits for its certificate step, the completed one for delivery);
 * - `queueDepartment`: every open case of the department (department heads, supervisors).
 * Empty strings when the case is in no such queue.
 */
export function queueKeys(c: Case): { queueWindow: string; queueRole: string; queueDepartment: string } {
  const open = !['draft', 'delivered', 'archived', 'not_accepted', 'voided', 'withdrawn'].includes(c.status);
  const active = c.steps.find((s) => s.state === 'active');
  // After the decision the result is made and handed over at the window unless a step says otherwise.
  const role = active?.role ?? (c.status === 'approved' || c.status === 'completed' ? 'window_clerk' : '');
  return {
    queueWindow: AT_WINDOW.includes(c.status) ? c.windowId : '',
    queueRole: open && !AT_WINDOW.includes(c.status) && role ? `${c.department}|${role}` : '',
    queueDepartment: open && c.status !== 'returned' && c.status !== 'supplement' ? c.department : '',
  };
}

/** The date the case's current clock runs to: the promised completion date once accepted, before that the notice date. */
export function currentDueDate(c: Case): string {
  if (c.clocks.promised?.dueDate) return c.clocks.promised.dueDate;
  if (AT_WINDOW.includes(c.status)) return c.clocks.noticeDueDate;
  return '';
}

/** Whether the case's clock runs now (accepted and not suspended, or waiting at the window). */
export function clockRunning(c: Pick<Case, 'status'>): boolean {
  return (IN_PROGRESS.includes(c.status) && c.status !== 'suspended') || AT_WINDOW.includes(c.status);
}

/** YYYY-MM of the day of receipt: the ledger's month (A33). */
export function receivedMonth(c: Pick<Case, 'clocks'>): string {
  return c.clocks.receivedDate.slice(0, 7);
}
