import type { Authorizer, Principal, Role } from '@govhall/auth';
import { NotFoundError, concealForbidden, type Violation } from '@govhall/errors';
import type { Window } from '../../domain/window';
import { responsibleFor, type Responsibility } from '../../domain/window-responsibility';
import { localDate, type Clock } from '../ports';
import type { StaffFacts } from '../staff-facts.port';
import { STAFF_OR_SERVICE } from '../staff.policies';
import { postFacts, throwIfInvalid, windowIdViolations } from '../tenancy.access';
import type { WindowRepository } from '../tenancy.ports';

export interface WindowResponsible extends Responsibility {
  window: Window;
  /** YYYY-MM-DD the answer is for. */
  date: string;
}

/** Staff and department systems, and a hall's big screen (its own hall's windows, ADR 0049). */
const ASKERS: readonly Role[] = [...STAFF_OR_SERVICE, 'hall_screen'];

function dateViolations(date: string): Violation[] {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
  const real = parsed && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
  return real ? [] : [{ path: 'date', reason: 'DATE', message: '日期格式应为 YYYY-MM-DD，如 2026-11-26' }];
}

/**
 * Who serves a window's queue on a day (today in Asia/Shanghai when no date is given). Staff of the tenant and its
 * hall's big screen may ask; supervisors and center administrators also of descendant tenants.
 */
export function getWindowResponsibleUseCase(deps: {
  windows: WindowRepository;
  staff: StaffFacts;
  authorizer: Authorizer;
  clock: Clock;
}) {
  return async (command: { windowId: string; date: string }, actor: Principal): Promise<WindowResponsible> => {
    const date = command.date.trim() || localDate(deps.clock.now());
    throwIfInvalid([...windowIdViolations(command.windowId), ...dateViolations(date)]);
    const notFound = () => new NotFoundError('WINDOW_NOT_FOUND', '未找到该窗口');
    const window = await deps.windows.findById(command.windowId);
    if (!window) throw notFound();
    // Someone who may not ask about the window learns nothing, not even that it exists.
    concealForbidden(
      () =>
        deps.authorizer.ensure(
          actor,
          'read',
          { type: 'window', id: window.id, tenant: window.tenant },
          { roles: ASKERS },
        ),
      notFound(),
    );

    const [posts, heads, admins] = await Promise.all([
      postFacts(deps.staff, window.aPostStaffId, window.bPostStaffId),
      deps.staff.findActiveWithRole(window.tenant, 'department_head', window.department),
      deps.staff.findActiveWithRole(window.tenant, 'center_admin'),
    ]);
    return { window, date, ...responsibleFor(window, date, { ...posts, heads, admins }) };
  };
}
