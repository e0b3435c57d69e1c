import type { Principal } from '@govhall/auth';
import type { Violation } from '@govhall/errors';
import { ACCEPTABLE } from '../../domain/acceptance';
import type { Case } from '../../domain/case';
import { ensureStatus } from '../../domain/case-status';
import { transition } from '../../domain/case-events';
import { WINDOW_ACTS, loadForAct } from '../case.policies';
import type { CaseCore } from '../deps';
import { actorOf, cleanText, ensureAtWindow, windowTextViolations } from '../window.acts';
import type { Caller, WindowPorts } from '../window.ports';

/** The applicant's remedies when the clerk names none (行政复议法 §20: 60 days; 行政诉讼法 §46: 6 months). */
export const DEFAULT_REMEDIES = [
  '如不服本决定，可自收到本通知书之日起60日内依法申请行政复议',
  '或自收到本通知书之日起6个月内依法向人民法院提起行政诉讼',
];

function listViolations(path: string, items: string[], label: string, required: boolean): Violation[] {
  if (required && items.length === 0) return [{ path, reason: 'REQUIRED', message: `请至少填写一条${label}` }];
  if (items.length > 20) return [{ path, reason: 'LENGTH', message: `${label}最多20条` }];
  return items.flatMap((x, i) => windowTextViolations(`${path}[${i}]`, x, label));
}

/**
 * 不予受理 (A7): the reasons (at least one) and the applicant's remedies (行政复议 60日 / 行政诉讼 6个月 by default) in a
 * written refusal notice → NOT_ACCEPTED.
 */
export function refuseToAcceptUseCase(deps: CaseCore & WindowPorts) {
  return async (
    cmd: { id: string; expectedVersion: number; reasons: string[]; remedies: string[] },
    actor: Principal,
    caller: Caller,
  ): Promise<Case> => {
    const c = await loadForAct(deps, cmd, actor, WINDOW_ACTS, [
      ...listViolations('reasons', cmd.reasons, '不予受理理由', true),
      ...listViolations('remedies', cmd.remedies, '救济途径', false),
    ]);
    ensureStatus(c, ACCEPTABLE, '不予受理');
    const window = await ensureAtWindow(deps, c, actor, caller);
    const reasons = cmd.reasons.map(cleanText);
    const remedies = cmd.remedies.length > 0 ? cmd.remedies.map(cleanText) : DEFAULT_REMEDIES;
    const notice = await deps.documents.issue({ ...c, status: 'not_accepted' }, 'refusal_notice', actor.username, {
      reasons,
      remedies,
    });
    const { case: next, event } = transition(c, {
      action: '不予受理',
      transition: 'not_accepted',
      to: 'not_accepted',
      actor: actorOf(actor),
      at: deps.clock.now(),
      reason: `${reasons.join('；')}。${remedies.join('；')}`,
      changes: { windowId: window.window.id },
      detail: { documents: [notice] },
    });
    return deps.cases.save(next, c.version, event ? [event] : [], actor);
  };
}
