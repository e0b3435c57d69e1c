import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, PreconditionError } from '@govhall/errors';
import { checkRatingInput, rate, type Rating } from '../../../domain/ratings/rating';
import { ratedCase } from '../../../domain/ratings/served-case';
import type { Clock, IdGenerator } from '../../ports';
import type { CaseApplicants, RatingRepository, ServedCaseRepository } from '../ports';
import { alreadyRated, caseNotFound } from '../rating-errors';

export interface RateCaseCommand {
  caseId: string;
  level: number;
  reason: string;
}

/**
 * 一事一评: the applicant rates their own completed case, once. Anyone else is told the case is not found; a case
 * not yet completed (办结) cannot be rated; then the level and reason are checked; a second rating of the case — by
 * any channel, or its default — is refused.
 */
export function rateCaseUseCase(deps: {
  served: ServedCaseRepository;
  ratings: RatingRepository;
  applicants: CaseApplicants;
  clock: Clock;
  ids: IdGenerator;
  /** Opens a bad rating's rectification (差评整改); never fails the rating (the sweep retries). */
  rectify: (rating: Rating, actor: Principal) => Promise<void>;
}) {
  return async (command: RateCaseCommand, actor: Principal): Promise<Rating> => {
    if (actor.kind !== 'user' || !hasAnyRole(actor, ['applicant'])) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有办件的申请人可以在网上评价');
    }
    const c = command.caseId ? await deps.served.find(command.caseId) : null;
    const applicant = c ? await deps.applicants.applicantOf(c.tenant, c.caseId) : null;
    const own = applicant && (applicant.subject === actor.subject || applicant.subject === actor.onBehalfOf);
    if (!c || !own) throw caseNotFound();
    if (!c.completedAt) throw new PreconditionError('CASE_NOT_COMPLETED', '办件办结后才能评价');
    checkRatingInput(command);
    if (c.ratingId) throw alreadyRated();
    const { rating, events } = rate(
      ratedCase(c),
      command,
      { channel: 'online', realName: true, raterName: c.applicantName, recordedBy: '' },
      deps.ids.newId(),
      deps.clock.now(),
    );
    if (!(await deps.ratings.insert(rating, events, actor))) throw alreadyRated();
    await deps.served.markRated(c.caseId, rating);
    await deps.rectify(rating, actor);
    return rating;
  };
}
