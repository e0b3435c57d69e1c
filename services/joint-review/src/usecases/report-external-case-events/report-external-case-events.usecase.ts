import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { maskName } from '@govhall/identifiers';
import {
  advance,
  externalCaseId,
  progressProblem,
  validateExternalEvent,
  type EventProblem,
  type ExternalEvent,
} from '../../domain/external-cases/external-event';
import type { Clock, ExternalCaseEvents } from '../ports';
import { requireSystemScope } from '../reviews/system.access';

const MAX_EVENTS = 500;

export interface ReportResult {
  accepted: number;
  duplicates: number;
  rejected: (EventProblem & { index: number; eventId: string })[];
}

/** Any event naming another tenant or department refuses the whole report. */
function requireOwnEvents(events: readonly ExternalEvent[], scope: { tenant: string; department: string }): void {
  if (events.some((e) => e.tenant !== '' && e.tenant !== scope.tenant)) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '部门系统只能报告本地区的办件事件');
  }
  if (events.some((e) => e.department !== '' && e.department !== scope.department)) {
    throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '部门系统只能报告本部门的办件事件');
  }
}

/**
 * J16: a department system reports events of the cases it runs entirely on its own, 1-500 a call, in the order they
 * happened per case. Each is checked on its own and against its case (RECEIVED first, nothing after its end);
 * valid ones are stored once (by event id; repeats counted as duplicates) with the applicant's name masked, and
 * published; invalid ones come back with why.
 */
export function reportExternalCaseEventsUseCase(deps: { events: ExternalCaseEvents; clock: Clock }) {
  return async (
    request: { tenant: string; department: string; events: ExternalEvent[] },
    actor: Principal,
  ): Promise<ReportResult> => {
    const scope = requireSystemScope(actor, request);
    const { events } = request;
    if (events.length === 0 || events.length > MAX_EVENTS) {
      throw new ValidationError([
        { path: 'events', reason: 'OUT_OF_RANGE', message: `每次应报告1至${MAX_EVENTS}个事件` },
      ]);
    }
    requireOwnEvents(events, scope);
    const now = deps.clock.now();
    const seen = await deps.events.existing(
      scope.tenant,
      scope.department,
      events.map((e) => e.eventId),
    );
    const progress = await deps.events.progress([...new Set(events.map(externalCaseId))]);
    const result: ReportResult = { accepted: 0, duplicates: 0, rejected: [] };
    for (const [index, event] of events.entries()) {
      if (event.eventId && seen.has(event.eventId)) {
        result.duplicates++;
        continue;
      }
      const caseId = externalCaseId(event);
      const known = progress.get(caseId) ?? { received: false, ended: false };
      const problem = validateExternalEvent(event, now) ?? progressProblem(event, known);
      if (problem) {
        result.rejected.push({ ...problem, index, eventId: event.eventId });
        continue;
      }
      const masked = { ...event, applicantName: maskName(event.applicantName) };
      if (await deps.events.insert(masked, scope.account, now)) result.accepted++;
      else result.duplicates++;
      seen.add(event.eventId);
      progress.set(caseId, advance(event, known));
    }
    return result;
  };
}
