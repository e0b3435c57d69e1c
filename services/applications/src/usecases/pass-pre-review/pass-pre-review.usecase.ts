import type { Principal } from '@govhall/auth';
import type { Case } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { WINDOW_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { actorOf, cleanText, ensureAtWindow, windowTextViolations } from '../window.acts';
import type { Caller, WindowPorts } from '../window.ports';

/**
 * 预审通过 (A22): the clerk's written opinion → PRE_REVIEW_PASSED. Sending on to acceptance is a separate act
 * (A23); a passed case not yet sent shows in the window's queue until it is.
 */
export function passPreReviewUseCase(deps: CaseCore & WindowPorts) {
  return async (
    cmd: { id: string; expectedVersion: number; opinion: string },
    actor: Principal,
    caller: Caller,
  ): Promise<Case> => {
    const c = await loadForAct(deps, cmd, actor, WINDOW_ACTS, windowTextViolations('opinion', cmd.opinion, '初审意见'));
    ensureStatus(c, ['pre_review'], '预审通过');
    const window = await ensureAtWindow(deps, c, actor, caller);
    const { case: next, event } = transition(c, {
      action: '预审通过',
      transition: 'pre_review_passed',
      to: 'pre_review_passed',
      actor: actorOf(actor),
      at: deps.clock.now(),
      reason: cleanText(cmd.opinion),
      changes: { windowId: window.window.id },
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
