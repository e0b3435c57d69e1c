import { hasAnyRole, STAFF_ROLES, tenantScope, type Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import type { Rating } from '../../../domain/ratings/rating';
import { replyToRater, type RectificationReply } from '../../../domain/rectifications/rectification';
import type { RectificationRepository } from '../../rectifications/ports';
import type { CaseApplicants, RatingRepository, ServedCaseRepository } from '../ports';
import { caseNotFound, ratingNotFound } from '../rating-errors';

/**
 * A case's rating: to its applicant, and to staff and supervisors who reach the case's tenant, with a bad rating's
 * rectification as the rater reads it (in progress, or the outcome they are told). None yet: RATING_NOT_FOUND for a
 * completed case (it may be rated), CASE_NOT_COMPLETED before.
 */
export function getCaseRatingUseCase(deps: {
  served: ServedCaseRepository;
  ratings: RatingRepository;
  applicants: CaseApplicants;
  rectifications: Pick<RectificationRepository, 'find'>;
}) {
  return async (caseId: string, actor: Principal): Promise<{ rating: Rating; rectification?: RectificationReply }> => {
    const c = caseId ? await deps.served.find(caseId) : null;
    if (!c) throw caseNotFound();
    const staffRoles = STAFF_ROLES.filter((r) => actor.roles.includes(r));
    const staff = staffRoles.length > 0 && tenantScope(actor, staffRoles, 'read', c.tenant) !== undefined;
    if (!staff) {
      const applicant = hasAnyRole(actor, ['applicant']) ? await deps.applicants.applicantOf(c.tenant, caseId) : null;
      if (!applicant || (applicant.subject !== actor.subject && applicant.subject !== actor.onBehalfOf)) {
        throw caseNotFound();
      }
    }
    const rating = await deps.ratings.findByCase(caseId);
    if (rating) {
      const r = rating.rectificationId ? await deps.rectifications.find(rating.rectificationId) : null;
      return r ? { rating, rectification: replyToRater(r) } : { rating };
    }
    // Not completed (or its completion not read from the case stream yet): nothing to rate, nor rated.
    if (!c.completedAt) throw new PreconditionError('CASE_NOT_COMPLETED', '办件办结后才能评价');
    throw ratingNotFound();
  };
}
