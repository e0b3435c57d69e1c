import type { Principal } from '@govhall/auth';
import { PreconditionError } from '@govhall/errors';
import { needsPaper } from '../../domain/acceptance';
import type { Case } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { WINDOW_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { acceptInto, actorOf, ensureAtWindow } from '../window.acts';
import type { Caller, WindowPorts } from '../window.ports';

/**
 * 报送受理 (A23) of a case that passed pre-review: an online case whose edition needs paper originals (a visit, or a
 * required original) waits for them → AWAITING_PAPER (A24); any other is accepted now (网上受理), with the
 * acceptance notice and its deadlines.
 */
export function sendToAcceptanceUseCase(deps: CaseCore & WindowPorts) {
  return async (cmd: { id: string; expectedVersion: number }, actor: Principal, caller: Caller): Promise<Case> => {
    const c = await loadForAct(deps, cmd, actor, WINDOW_ACTS);
    ensureStatus(c, ['pre_review_passed'], '报送受理');
    await ensureAtWindow(deps, c, actor, caller);
    const edition = await deps.editions.get(c.itemId);
    if (!edition) throw new PreconditionError('EDITION_UNAVAILABLE', '办件所依据的事项版本暂时无法读取，请稍后重试');
    const opinion = c.history.at(-1)?.reason ?? '';
    if (!needsPaper(c, edition)) {
      return acceptInto(deps, deps, c, { actor: actorOf(actor), principal: actor, opinion, deemed: false });
    }
    const { case: next, event } = transition(c, {
      action: '报送受理，待申请人递交纸质材料',
      transition: 'awaiting_paper',
      to: 'awaiting_paper',
      actor: actorOf(actor),
      at: deps.clock.now(),
      reason:
        edition.visits > 0
          ? `该事项需到窗口${edition.visits}次，请申请人携带纸质材料原件到窗口递交`
          : '该事项需核验纸质材料原件，请申请人到窗口递交',
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
