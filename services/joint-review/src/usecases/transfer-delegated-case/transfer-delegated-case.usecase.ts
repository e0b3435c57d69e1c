import { chinaToday } from '@govhall/calendar';
import { hasAnyRole, type Principal } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError } from '@govhall/errors';
import { transferDelegatedCase, type DelegatedCase } from '../../domain/delegation/delegated-case';
import { delegatedCaseNotFound, maySeeDelegatedCase } from '../delegation/delegation.access';
import type { DelegationDeps } from '../delegation/delegation.ports';
import { legCalendar } from '../reviews/leg-calendar';
import { isCenter } from '../reviews/review.access';

export interface TransferDelegatedCaseRequest {
  id: string;
  expectedVersion: number;
  preReviewOpinion: string;
}

/**
 * 转办: the window clerk serving the accepting comprehensive window today (or the center) hands the AT_CENTER case
 * with its pre-review opinion to the department. The department leg's budget is what is left of the case's promised
 * limit after the reply leg (at least one working day); its task goes to the department's window lead (J5).
 */
export function transferDelegatedCaseUseCase(
  deps: Pick<DelegationDeps, 'delegatedCases' | 'windows' | 'duty' | 'calendars' | 'clock' | 'ids'>,
) {
  return async (request: TransferDelegatedCaseRequest, actor: Principal): Promise<DelegatedCase> => {
    const dc = request.id ? await deps.delegatedCases.findById(request.id) : null;
    if (!dc || !(await maySeeDelegatedCase(deps, actor, dc))) throw delegatedCaseNotFound();
    const serving =
      actor.kind === 'user' &&
      hasAnyRole(actor, ['window_clerk']) &&
      (await deps.duty.windowResponsible(dc.tenant, dc.windowId)) === actor.username;
    if (!serving && !isCenter(actor, dc.tenant)) {
      throw new ForbiddenError('NOT_WINDOW_RESPONSIBLE', '只有受理该件的综合窗口当班人员可以转办');
    }
    if (dc.version !== request.expectedVersion) throw new ConcurrencyError('该代受理件已被他人修改，请刷新后重试');
    const at = deps.clock.now();
    const working = await deps.calendars.forTenant(dc.tenant);
    const today = chinaToday(at);
    const left = dc.casePromisedDueDate
      ? working.workingDaysBetweenProvisional(today, dc.casePromisedDueDate).days - dc.replyWorkingDays
      : 0;
    const change = transferDelegatedCase(
      dc,
      {
        preReviewOpinion: request.preReviewOpinion,
        taskId: deps.ids.newId(),
        windowLead: await deps.duty.windowLead(dc.tenant, dc.department),
        departmentWorkingDays: Math.max(1, left),
        by: actor.username,
        at,
      },
      legCalendar(working),
    );
    return deps.delegatedCases.save(change.delegatedCase, request.expectedVersion, change.events, actor);
  };
}
