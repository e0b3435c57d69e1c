import { chinaToday } from '@govhall/calendar';
import { isDomainError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { SYSTEM_ACTOR } from '../../domain/case-events';
import type { CaseCore } from '../deps';
import { acceptInto } from '../window.acts';
import type { WindowPorts } from '../window.ports';

export const DEEMED_REASON =
  '自收到申请之日起5个工作日内未一次性告知申请人补正，依《中华人民共和国行政许可法》第三十二条，自收到申请之日起即为受理';

/** How far back a regular run looks, day by day (calendar days before today). */
export const LOOKBACK_DAYS = 62;

/** The calendar days before `today` (YYYY-MM-DD), newest first. */
function daysBefore(today: string, count: number): string[] {
  const t = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, k) => new Date(t - (k + 1) * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Law §32: an online case still in PRE_REVIEW (no one-time notice) after its notice day is accepted as from its
 * day of receipt, by the service itself (deemed_accepted). Run periodically by the timer; each run reads the
 * store, so nothing is lost across restarts. A regular run (`recent`) asks for the cases due on each of the
 * LOOKBACK_DAYS days before today, one indexed equality per day, so it reads only overdue cases however many wait
 * at the windows; the timer's first run after a start (`all`) reads every waiting online case once, for cases
 * overdue longer than that (a service stopped for months). A case a clerk changed meanwhile is left for the next
 * run (its version moved); one whose acceptance fails is logged and retried next time. Returns the ids accepted.
 */
export function deemAcceptanceUseCase(
  deps: CaseCore & Pick<WindowPorts, 'deemedQueue' | 'windows'>,
  log: (obj: object, msg: string) => void = () => undefined,
) {
  return async (limit = 100, scope: 'recent' | 'all' = 'recent'): Promise<string[]> => {
    const today = chinaToday(deps.clock.now());
    const due: Case[] = [];
    if (scope === 'all') due.push(...(await deps.deemedQueue.overdue(today, limit)));
    else {
      for (const day of daysBefore(today, LOOKBACK_DAYS)) {
        if (due.length >= limit) break;
        due.push(...(await deps.deemedQueue.dueOn(day, limit - due.length)));
      }
    }
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
