import { hasAnyRole, STAFF_ROLES, tenantScope, type Principal } from '@govhall/auth';
import type { Rating } from '../../../domain/ratings/rating';
import type { CaseApplicants, RatingRepository, ServedCaseRepository } from '../ports';
import { caseNotFound, ratingNotFound } from '../rating-errors';

/** A case's rating: to its applicant, and to staff and supervisors who reach the case's tenant. */
export function getCaseRatingUseCase(deps: {
  served: ServedCaseRepository;
  ratings: RatingRepository;
  applicants: CaseApplicants;
}) {
  return async (caseId: string, actor: Principal): Promise<Rating> => {
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
    if (!rating) throw ratingNotFound();
    return rating;
  };
}
