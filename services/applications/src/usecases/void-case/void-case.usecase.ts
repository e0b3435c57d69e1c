import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { WINDOW_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { actorOf, cleanText, ensureAtWindow, windowTextViolations } from '../window.acts';
import type { Caller, WindowPorts } from '../window.ports';

export type VoidKind = 'duplicate' | 'abuse' | '';

const KIND_NAMES = { duplicate: '重复申报', abuse: '恶意申报' } as const;

/** 作废 at pre-review (A22): a duplicate or abusive application, with the clerk's reason → VOIDED. */
export function voidCaseUseCase(deps: CaseCore & WindowPorts) {
  return async (
    cmd: { id: string; expectedVersion: number; kind: VoidKind; reason: string },
    actor: Principal,
    caller: Caller,
  ): Promise<Case> => {
    const kindViolations: Violation[] = cmd.kind
      ? []
      : [{ path: 'kind', reason: 'REQUIRED', message: '请选择作废原因类型：重复申报或恶意申报' }];
    const c = await loadForAct(deps, cmd, actor, WINDOW_ACTS, [
      ...kindViolations,
      ...windowTextViolations('reason', cmd.reason, '作废理由'),
    ]);
    ensureStatus(c, ['pre_review', 'pre_review_passed'], '作废');
    const window = await ensureAtWindow(deps, c, actor, caller);
    const { case: next, event } = transition(c, {
      action: `作废（${KIND_NAMES[cmd.kind as 'duplicate' | 'abuse']}）`,
      transition: 'voided',
      to: 'voided',
      actor: actorOf(actor),
      at: deps.clock.now(),
      reason: `${KIND_NAMES[cmd.kind as 'duplicate' | 'abuse']}：${cleanText(cmd.reason)}`,
      changes: { windowId: window.window.id },
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
