import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { JointReview } from '../../domain/reviews/joint-review';
import type { JointCaseHandedOver } from '../open-joint-review/open-joint-review.usecase';
import type { Duty, JointReviewRepository } from '../ports';
import { isCenter, requireLead } from '../reviews/review.access';

/** A case as the cases service shows it now, with what opening its review needs. */
export interface JointCaseNow {
  status: string;
  handed: JointCaseHandedOver;
}

/** The cases service read with the service's center account of the caller's tenant. */
export interface JointCases {
  /** Null when the tenant has no such case. */
  find(tenant: string, caseId: string): Promise<JointCaseNow | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const caseNotFound = () => new NotFoundError('CASE_NOT_FOUND', '找不到该办件');

/** The accepting department's window clerks, approvers and heads, or the tenant's center. */
function mayOpen(actor: Principal, handed: JointCaseHandedOver): boolean {
  if (isCenter(actor, handed.tenant)) return true;
  return (
    actor.kind === 'user' &&
    actor.tenant === handed.tenant &&
    actor.department === handed.department &&
    hasAnyRole(actor, ['window_clerk', 'approver', 'department_head'])
  );
}

/**
 * OpenJointReview (the lead's call): a case in JOINT_REVIEW whose review the case stream has not opened yet is opened
 * now as the stream would (same use case, so the stream's later event finds it and writes nothing). A review already
 * open is returned to whoever may see it, a participant who is not the lead being NOT_LEAD. A case the caller may
 * not see is CASE_NOT_FOUND; a case not in JOINT_REVIEW is WRONG_STATE.
 */
export function openJointReviewByLeadUseCase(deps: {
  reviews: Pick<JointReviewRepository, 'findByCase'>;
  cases: JointCases;
  duty: Pick<Duty, 'windowResponsible'>;
  open: (handed: JointCaseHandedOver) => Promise<{ review: JointReview; created: boolean }>;
}) {
  return async (request: { caseId: string }, actor: Principal): Promise<{ review: JointReview; created: boolean }> => {
    if (!UUID.test(request.caseId)) {
      throw new ValidationError([{ path: 'caseId', reason: 'PATTERN', message: '办件标识格式不正确' }]);
    }
    const tenant = actor.tenant ?? '';
    const existing = tenant ? await deps.reviews.findByCase(tenant, request.caseId) : null;
    if (existing) {
      if (!isCenter(actor, existing.tenant)) {
        const serving = await deps.duty.windowResponsible(existing.tenant, existing.leadWindowId);
        requireLead(actor, existing, serving, caseNotFound);
      }
      return { review: existing, created: false };
    }
    const now = tenant ? await deps.cases.find(tenant, request.caseId) : null;
    if (!now || !mayOpen(actor, now.handed)) {
      if (now && actor.kind === 'user' && actor.department === now.handed.department) {
        throw new ForbiddenError('NOT_LEAD', '只有主办部门（窗口人员、审批人员或部门负责人）可以开启联审');
      }
      throw caseNotFound();
    }
    if (now.status !== 'joint_review') {
      throw new PreconditionError('WRONG_STATE', '办件不在联合审查中，不能开启联审', { currentStatus: now.status });
    }
    return deps.open(now.handed);
  };
}
