import type {
  Case,
  CaseDocument,
  CaseStatus,
  CasePayment,
  CaseStep,
  Decision,
  Delivery,
  Extension,
  Problem,
  Suspension,
} from './case';

/** The proto's Transition enum in its text spelling (govhall.applications.v1.Transition). */
export type Transition =
  | 'submitted'
  | 'returned'
  | 'registered_at_counter'
  | 'corrected_on_the_spot'
  | 'one_time_notice_issued'
  | 'pre_review_passed'
  | 'awaiting_paper'
  | 'accepted'
  | 'not_accepted'
  | 'voided'
  | 'step_completed'
  | 'suspended'
  | 'resumed'
  | 'extension_requested'
  | 'extension_head_approved'
  | 'extension_approved'
  | 'extension_rejected'
  | 'joint_review_requested'
  | 'escalation_requested'
  | 'joint_review_concluded'
  | 'decided'
  | 'result_issued'
  | 'delivered'
  | 'archived'
  | 'withdrawn'
  | 'decided_on_the_spot'
  | 'payment_requested'
  | 'payment_settled';

/** What a transition changed, beyond the case itself (the optional parts of CaseTransitioned). */
export interface TransitionDetail {
  problems?: Problem[];
  suspension?: Suspension;
  extension?: Extension;
  decision?: Decision;
  step?: CaseStep;
  licenceId?: string;
  delivery?: Delivery;
  coDepartments?: string[];
  escalateTo?: string;
  documents?: CaseDocument[];
  payment?: CasePayment;
}

/** One published transition: the case after it, where it came from, why, and what it changed. */
export interface CaseEvent extends TransitionDetail {
  transition: Transition;
  case: Case;
  fromStatus: CaseStatus;
  reason: string;
}

/** Who acted, as the history records it. */
export interface CaseActor {
  username: string;
  /** The role under which they acted (applicant, window_clerk …, system). */
  role: string;
}

export const SYSTEM_ACTOR: CaseActor = { username: 'system', role: 'system' };

/**
 * Moves the case to `to` (or keeps its status when `to` is omitted), records the act in its history and returns
 * the event to publish. The version is not touched: the repository bumps it once per stored change.
 */
export function transition(
  c: Case,
  act: {
    action: string;
    transition?: Transition;
    to?: CaseStatus;
    actor: CaseActor;
    at: Date;
    reason?: string;
    detail?: TransitionDetail;
    changes?: Partial<Case>;
  },
): { case: Case; event?: CaseEvent } {
  const to = act.to ?? c.status;
  const documents = act.detail?.documents ?? [];
  const next: Case = {
    ...c,
    ...act.changes,
    status: to,
    updatedAt: act.at,
    documents: [...(act.changes?.documents ?? c.documents), ...documents],
    history: [
      ...c.history,
      {
        action: act.action,
        fromStatus: c.status,
        toStatus: to,
        actor: act.actor.username,
        actorRole: act.actor.role,
        at: act.at,
        reason: act.reason ?? '',
        documentIds: documents.map((d) => d.id),
      },
    ],
  };
  if (!act.transition) return { case: next };
  return {
    case: next,
    event: { transition: act.transition, case: next, fromStatus: c.status, reason: act.reason ?? '', ...act.detail },
  };
}
