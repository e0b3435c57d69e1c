import { tenantScope, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { checkRatingInput, rate, type Rating, type RatingChannel } from '../../../domain/ratings/rating';
import { recordedEntryViolations, scanOf } from './recorded-entry';
import { ratedCase } from '../../../domain/ratings/served-case';
import type { Clock, IdGenerator } from '../../ports';
import type { RatingRepository, RatingScans, ServedCaseRepository } from '../ports';
import { alreadyRated, caseNotFound } from '../rating-errors';

export interface RecordRatingCommand {
  /** The case by its id, or ('' here) by its case number. */
  caseId: string;
  caseNumber: string;
  /** '' when the request named none or an unknown one. */
  channel: RatingChannel | '';
  level: number;
  reason: string;
  /** A suggestion-box slip's scan; empty for a telephone follow-up. */
  scan: Buffer;
}

/** Who enters ratings from other channels (C4): the center and its supervision and complaint offices. */
const RECORDERS: readonly Role[] = ['center_admin', 'supervisor', 'complaint_handler'];

/**
 * C4: a rating of a completed case entered by staff from a telephone follow-up (the applicant, reached by phone, is
 * known by name) or a suggestion-box slip (anonymous, with its scan). It is the case's rating like any other: a case
 * rated before — online, on follow-up, by default — is ALREADY_RATED. Staff of the case's own tenant only.
 */
export function recordRatingUseCase(deps: {
  served: ServedCaseRepository;
  ratings: RatingRepository;
  scans: RatingScans;
  clock: Clock;
  ids: IdGenerator;
  /** Opens a bad rating's rectification (差评整改); never fails the rating (the sweep retries). */
  rectify: (rating: Rating, actor: Principal) => Promise<void>;
}) {
  return async (command: RecordRatingCommand, actor: Principal): Promise<Rating> => {
    const roles = RECORDERS.filter((r) => actor.roles.includes(r));
    if (actor.kind !== 'user' || roles.length === 0) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有中心管理员、监察或投诉处理人员可以录入回访和意见箱评价');
    }
    const c = command.caseId
      ? await deps.served.find(command.caseId)
      : command.caseNumber
        ? await deps.served.findByNumber(command.caseNumber)
        : null;
    if (!c || tenantScope(actor, roles, 'write', c.tenant) !== 'OWN_TENANT') throw caseNotFound();
    if (!c.completedAt) throw new PreconditionError('CASE_NOT_COMPLETED', '办件办结后才能评价');
    const v = recordedEntryViolations(command.channel, command.scan);
    if (v.length > 0) throw new ValidationError(v);
    checkRatingInput(command);
    if (c.ratingId) throw alreadyRated();
    const phone = command.channel === 'phone_followup';
    const { rating: made, events } = rate(
      ratedCase(c),
      command,
      {
        channel: phone ? 'phone_followup' : 'suggestion_box',
        realName: phone,
        raterName: phone ? c.applicantName : '',
        recordedBy: actor.username,
      },
      deps.ids.newId(),
      deps.clock.now(),
    );
    const scan = scanOf(command.scan);
    const rating: Rating = scan ? { ...made, scan } : made;
    // The bytes first: a rating never names a scan that is not there.
    if (scan) await deps.scans.put(rating.id, command.scan);
    if (
      !(await deps.ratings.insert(
        rating,
        events.map((e) => ({ ...e, rating })),
        actor,
      ))
    )
      throw alreadyRated();
    await deps.served.markRated(c.caseId, rating);
    await deps.rectify(rating, actor);
    return rating;
  };
}
