import { PreconditionError } from '@govhall/errors';
import { CASE_STATUS_NAMES } from '@govhall/labels';
import type { Case, CaseStatus } from './case';

/** How a clerk or applicant reads each status (@govhall/labels: the same words as the gateway and the web). */
export const STATUS_NAMES: Readonly<Record<CaseStatus, string>> = CASE_STATUS_NAMES;

/** Before the decision the applicant may withdraw (domain.md). */
export const WITHDRAWABLE: readonly CaseStatus[] = [
  'returned',
  'pre_review',
  'supplement',
  'pre_review_passed',
  'awaiting_paper',
  'processing',
  'suspended',
  'joint_review',
  'escalated',
];

/** Accepted and not yet completed: the applicant's "in progress" list (A26). */
export const IN_PROGRESS: readonly CaseStatus[] = [
  'processing',
  'suspended',
  'joint_review',
  'escalated',
  'approved',
  'awaiting_payment',
];

/** In progress with the promised clock standing still: a §45 procedure, or waiting for the applicant's payment. */
export const PAUSED: readonly CaseStatus[] = ['suspended', 'awaiting_payment'];

/**
 * Refuses an act the case's status does not allow: FAILED_PRECONDITION WRONG_STATE naming the current status
 * (metadata currentStatus), so the caller can refresh and show where the case stands.
 */
export function ensureStatus(c: Pick<Case, 'status'>, allowed: readonly CaseStatus[], act: string): void {
  if (allowed.includes(c.status)) return;
  throw new PreconditionError('WRONG_STATE', `办件当前状态为“${STATUS_NAMES[c.status]}”，不能${act}`, {
    currentStatus: c.status,
  });
}
