import type { Principal } from '@govhall/auth';
import { ACCEPTABLE } from '../../domain/acceptance';
import type { Case } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { WINDOW_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { acceptInto, actorOf, cleanText, ensureAtWindow, windowTextViolations } from '../window.acts';
import type { Caller, WindowPorts } from '../window.ports';

/**
 * 受理 from PRE_REVIEW, PRE_REVIEW_PASSED or AWAITING_PAPER (the originals are at the counter): the acceptance
 * notice with the promised completion date, the promised and statutory deadlines from today, the edition's steps
 * (受理 done by this act, the next one active) → PROCESSING; joint items → JOINT_REVIEW (co-departments), escalated
 * items → ESCALATED (the parent tenant).
 */
export function acceptCaseUseCase(deps: CaseCore & WindowPorts) {
  return async (
    cmd: { id: string; expectedVersion: number; opinion: string },
    actor: Principal,
    caller: Caller,
  ): Promise<Case> => {
    const c = await loadForAct(
      deps,
      cmd,
      actor,
      WINDOW_ACTS,
      windowTextViolations('opinion', cmd.opinion, '受理意见', false),
    );
    ensureStatus(c, ACCEPTABLE, '受理');
    const window = await ensureAtWindow(deps, c, actor, caller);
    const opinion = cleanText(cmd.opinion) || '申请材料齐全、符合法定形式，予以受理';
    return acceptInto(
      deps,
      deps,
      { ...c, windowId: window.window.id },
      {
        actor: actorOf(actor),
        principal: actor,
        opinion,
        deemed: false,
      },
    );
  };
}
