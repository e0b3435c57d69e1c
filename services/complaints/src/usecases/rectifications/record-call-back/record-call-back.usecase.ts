import type { Principal } from '@govhall/auth';
import { recordCallBack, type Rectification } from '../../../domain/rectifications/rectification';
import type { Clock } from '../../ports';
import { changeRectification } from '../change-rectification';
import type { RectificationRepository } from '../ports';
import { requireMayWork } from '../rectification-access';

export interface RecordCallBackCommand {
  id: string;
  expectedVersion: number;
  reached: boolean;
  notes: string;
}

/** The handler (or the head) records a call to the rater (回访), reached or not. */
export function recordCallBackUseCase(deps: { rectifications: RectificationRepository; clock: Clock }) {
  return (command: RecordCallBackCommand, actor: Principal): Promise<Rectification> =>
    changeRectification(deps.rectifications, command, actor, {
      permit: requireMayWork,
      apply: async (current) =>
        recordCallBack(current, { reached: command.reached, notes: command.notes }, actor.username, deps.clock.now()),
    });
}
