import type { Principal } from '@govhall/auth';
import { chinaDate } from '@govhall/identifiers';
import { conclude, type Rectification, type RectificationOutcome } from '../../../domain/rectifications/rectification';
import type { Clock } from '../../ports';
import { changeRectification } from '../change-rectification';
import type { RectificationRepository } from '../ports';
import { requireMayWork } from '../rectification-access';

export interface ConcludeRectificationCommand {
  id: string;
  expectedVersion: number;
  /** Undefined: none chosen (VALIDATION_FAILED at outcome). */
  outcome: RectificationOutcome | undefined;
  text: string;
  fixBy: string;
}

/**
 * The handler (or the head) concludes: fixed, fix by a date or explained closes it and the rater reads the outcome on
 * their case; an appeal goes to the supervision office. A real-name rating needs a call-back that reached the rater.
 */
export function concludeRectificationUseCase(deps: { rectifications: RectificationRepository; clock: Clock }) {
  return (command: ConcludeRectificationCommand, actor: Principal): Promise<Rectification> =>
    changeRectification(deps.rectifications, command, actor, {
      permit: requireMayWork,
      apply: async (current) => {
        const now = deps.clock.now();
        return conclude(current, command, chinaDate(now), now);
      },
    });
}
