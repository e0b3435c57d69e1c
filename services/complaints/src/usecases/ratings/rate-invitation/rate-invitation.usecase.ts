import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { invitationState, ratedVisit } from '../../../domain/ratings/invitation';
import { checkRatingInput, rate, type Rating } from '../../../domain/ratings/rating';
import type { Clock, IdGenerator } from '../../ports';
import type { InvitationRepository, RatingRepository } from '../ports';
import { invitationExpired, invitationNotFound, visitAlreadyRated } from '../rating-errors';

export interface RateInvitationCommand {
  invitationId: string;
  level: number;
  reason: string;
}

/**
 * The window's device submits the visit's rating, once (ADR 0063). Only the device of the invitation's window sees
 * it (any other caller: not found); an expired or closed invitation cannot be rated; then the level and reason are
 * checked. The person at the counter is known by name when the visit was about their case.
 */
export function rateInvitationUseCase(deps: {
  invitations: InvitationRepository;
  ratings: RatingRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Opens a bad rating's rectification (差评整改); never fails the rating (the sweep retries). */
  rectify: (rating: Rating, actor: Principal) => Promise<void>;
  changed: () => void;
}) {
  return async (command: RateInvitationCommand, actor: Principal): Promise<Rating> => {
    if (!hasAnyRole(actor, ['rating_device'])) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有窗口评价器可以提交本次服务的评价');
    }
    const inv = command.invitationId ? await deps.invitations.find(command.invitationId) : null;
    if (!inv || inv.tenant !== actor.tenant || !actor.window || inv.windowNumber !== actor.window) {
      throw invitationNotFound();
    }
    const now = deps.clock.now();
    const state = invitationState(inv, now);
    if (state === 'rated') throw visitAlreadyRated();
    if (state !== 'open') throw invitationExpired();
    checkRatingInput(command);
    const { rating, events } = rate(
      ratedVisit(inv),
      command,
      { channel: 'device', realName: !!inv.caseId, raterName: inv.applicantName, recordedBy: '' },
      deps.ids.newId(),
      now,
    );
    if (!(await deps.ratings.insert(rating, events, actor))) throw visitAlreadyRated();
    await deps.invitations.markRated(inv.id, rating.id);
    deps.changed();
    await deps.rectify(rating, actor);
    return rating;
  };
}
