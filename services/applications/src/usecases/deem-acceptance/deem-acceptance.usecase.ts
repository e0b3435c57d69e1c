import { chinaToday } from '@govhall/calendar';
import { isDomainError } from '@govhall/errors';
import { SYSTEM_ACTOR } from '../../domain/case-events';
import type { CaseCore } from '../deps';
import { acceptInto } from '../window.acts';
import type { WindowPorts } from '../window.ports';

export const DEEMED_REASON =
  '自收到申请之日起5个工作日内未一次性告知申请人补正，依《中华人民共和国行政许可法》第三十二条，自收到申请之日起即为受理';

/**
 * Law §32: an online case still in PRE_REVIEW (no one-time notice) after its notice day is accepted as from its
 * day of receipt, by the service itself (deemed_accepted). Run periodically by the timer; each run reads the
 * store, so nothing is lost across restarts. A case a clerk changed meanwhile is left for the next run (its version
 * moved); one whose acceptance fails is logged and retried next time. Returns the ids of the cases accepted.
 */
export function deemAcceptanceUseCase(
  deps: CaseCore & Pick<WindowPorts, 'deemedQueue' | 'windows'>,
  log: (obj: object, msg: string) => void = () => undefined,
) {
  return async (limit = 100): Promise<string[]> => {
    const today = chinaToday(deps.clock.now());
    const due = await deps.deemedQueue.overdue(today, limit);
    const accepted: string[] = [];
    for (const c of due) {
      if (c.status !== 'pre_review' || c.channel !== 'online' || !c.clocks.noticeDueDate) continue;
      if (c.clocks.noticeDueDate >= today) continue;
      try {
        await acceptInto(deps, deps, c, {
          actor: SYSTEM_ACTOR,
          principal: undefined,
          opinion: DEEMED_REASON,
          deemed: true,
        });
        accepted.push(c.id);
      } catch (err) {
        log({ caseId: c.id, code: isDomainError(err) ? err.code : 'ERROR' }, 'deemed acceptance deferred');
      }
    }
    return accepted;
  };
}
