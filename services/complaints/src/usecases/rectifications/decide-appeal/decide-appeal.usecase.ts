import type { Principal } from '@govhall/auth';
import { decideAppeal, type Rectification } from '../../../domain/rectifications/rectification';
import type { Clock } from '../../ports';
import type { RatingRepository } from '../../ratings/ports';
import { changeRectification } from '../change-rectification';
import type { RectificationRepository } from '../ports';
import { requireMayDecideAppeal } from '../rectification-access';

export interface DecideAppealCommand {
  id: string;
  expectedVersion: number;
  upheld: boolean;
  notes: string;
}

/**
 * The supervision office decides a department's appeal against a bad rating: upheld closes the rectification and the
 * rating stops counting in the satisfaction figures; not upheld sends it back to the handler.
 */
export function decideAppealUseCase(deps: {
  rectifications: RectificationRepository;
  ratings: Pick<RatingRepository, 'markAppealUpheld'>;
  clock: Clock;
}) {
  return async (command: DecideAppealCommand, actor: Principal): Promise<Rectification> => {
    const decided = await changeRectification(deps.rectifications, command, actor, {
      permit: requireMayDecideAppeal,
      apply: async (current) =>
        decideAppeal(current, { upheld: command.upheld, notes: command.notes }, actor.username, deps.clock.now()),
    });
    if (decided.appealDecision?.upheld) await excludeRating(deps, decided.id, decided.ratingId);
    return decided;
  };
}

/**
 * Takes an upheld appeal's rating out of the satisfaction figures, then notes on the rectification that it did. The
 * sweep repeats both for an upheld appeal not so noted (the process died between the writes); both are idempotent.
 */
export async function excludeRating(
  deps: { rectifications: RectificationRepository; ratings: Pick<RatingRepository, 'markAppealUpheld'> },
  rectificationId: string,
  ratingId: string,
): Promise<void> {
  await deps.ratings.markAppealUpheld(ratingId);
  await deps.rectifications.markRatingExcluded(rectificationId);
}
