import { QUEUE_KIND_NAMES as LABELLED_QUEUE_KINDS } from '@govhall/labels';
import type { Case, CaseStatus } from './case';
import { IN_PROGRESS, PAUSED } from './case-status';

/** The applicant's lists (A26) and the drafts they keep. */
export type MyList = 'drafts' | 'submitted' | 'in_progress' | 'completed';

/** The seed's names staff filter by (A27): 即办件, 承诺件, 补办件, 退回件, 上报件, 联办件. */
export type QueueKind = 'immediate' | 'promised' | 'supplement' | 'returned' | 'escalated' | 'joint';

export const QUEUE_KIND_NAMES: Readonly<Record<QueueKind, string>> = LABELLED_QUEUE_KINDS;

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

/** A staff queue: a window's pre-review queue, a department's queue of one role, or a department's open cases. */
export type QueueSelector = { window: string } | { department: string; role: string } | { department: string };

/**
 * The queues a case is in (docs/store-rules.md: a queue holds only open cases, so its page costs what the queue
 * holds, not what the tenant ever received):
 * - the window's pre-review queue while the case is at the window;
 * - `<department>` + `<role>` of whoever must act next after acceptance (the active step's role; the approved case
 *   waits for its certificate step, the completed one for delivery);
 * - every open case of the department (department heads, supervisors), returned and supplement cases excepted.
 */
export function queuesOf(c: Case): QueueSelector[] {
  const open = !['draft', 'delivered', 'archived', 'not_accepted', 'voided', 'withdrawn'].includes(c.status);
  const active = c.steps.find((s) => s.state === 'active');
  // After the decision the result is made and handed over at the window unless a step says otherwise; while the
  // case waits for the applicant's payment nobody on staff has to act.
  const role =
    c.status === 'awaiting_payment'
      ? ''
      : (active?.role ?? (c.status === 'approved' || c.status === 'completed' ? 'window_clerk' : ''));
  const queues: QueueSelector[] = [];
  if (AT_WINDOW.includes(c.status) && c.windowId) queues.push({ window: c.windowId });
  if (open && !AT_WINDOW.includes(c.status) && role) queues.push({ department: c.department, role });
  if (open && c.status !== 'returned' && c.status !== 'supplement') queues.push({ department: c.department });
  return queues;
}

/**
 * The equality key of a queue of a tenant, optionally narrowed to one of the seed's kinds (A27): what ListQueue
 * asks for and what a case is stored under (`queueKeysOf`), so that one indexed equality selects the page.
 */
export function queueKey(tenant: string, queue: QueueSelector, kind?: QueueKind): string {
  const which =
    'window' in queue
      ? `window:${queue.window}`
      : 'role' in queue
        ? `role:${queue.department}:${queue.role}`
        : `department:${queue.department}`;
  return kind ? `${tenant}|${which}|${kind}` : `${tenant}|${which}`;
}

/** Every key a case is listed under: each of its queues, alone and with each of its kinds. */
export function queueKeysOf(c: Case): string[] {
  const kinds = queueKinds(c);
  return queuesOf(c).flatMap((q) => [queueKey(c.tenant, q), ...kinds.map((k) => queueKey(c.tenant, q, k))]);
}

/** The date the case's current clock runs to: the promised completion date once accepted, before that the notice date. */
export function currentDueDate(c: Case): string {
  if (c.clocks.promised?.dueDate) return c.clocks.promised.dueDate;
  if (AT_WINDOW.includes(c.status)) return c.clocks.noticeDueDate;
  return '';
}

/** Whether the case's clock runs now (accepted and not paused, or waiting at the window). */
export function clockRunning(c: Pick<Case, 'status'>): boolean {
  return (IN_PROGRESS.includes(c.status) && !PAUSED.includes(c.status)) || AT_WINDOW.includes(c.status);
}

/** YYYY-MM of the day of receipt: the ledger's month (A33). */
export function receivedMonth(c: Pick<Case, 'clocks'>): string {
  return c.clocks.receivedDate.slice(0, 7);
}
