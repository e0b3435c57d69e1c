import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ConflictError, NotFoundError } from '@govhall/errors';
import { updateWindow, validateWindowChanges, type Window, type WindowChanges } from '../../domain/window';
import {
  ensureHosted,
  ensureTenancyWrite,
  expectedVersionViolations,
  postFacts,
  throwIfInvalid,
  windowIdViolations,
} from '../tenancy.access';
import type { TenancyDeps } from '../tenancy.ports';

export interface UpdateWindowCommand extends WindowChanges {
  windowId: string;
  /** The version the caller read. */
  expectedVersion: number;
}

/**
 * The tenant's center administrator (or ops_admin) changes a window's number, name, kind, departments or
 * location. The people on its posts must still belong to the window's (new) department(s); the posts themselves
 * change through AssignWindowPosts.
 */
export function updateWindowUseCase(
  deps: Pick<TenancyDeps, 'windows' | 'departments' | 'staff' | 'authorizer' | 'clock' | 'hostedTenants'>,
) {
  return async (command: UpdateWindowCommand, actor: Principal): Promise<Window> => {
    throwIfInvalid([...windowIdViolations(command.windowId), ...expectedVersionViolations(command.expectedVersion)]);
    const current = await deps.windows.findById(command.windowId);
    if (!current) throw new NotFoundError('WINDOW_NOT_FOUND', '未找到该窗口');
    ensureTenancyWrite(deps.authorizer, actor, { type: 'window', id: current.id, tenant: current.tenant });
    ensureHosted(deps.hostedTenants, current.tenant);
    if (current.version !== command.expectedVersion) throw new ConcurrencyError();

    const departments = await deps.departments.listByTenant(current.tenant);
    const posts = await postFacts(deps.staff, current.aPostStaffId, current.bPostStaffId);
    throwIfInvalid(
      validateWindowChanges(
        current,
        command,
        departments.map((d) => d.code),
        posts,
      ),
    );

    const { window, events } = updateWindow(current, command, deps.clock.now());
    if (!(await deps.windows.update(window, events, command.expectedVersion, actor))) {
      throw new ConflictError('WINDOW_NUMBER_TAKEN', `本中心已有${window.number}号窗口，请换一个窗口编号`);
    }
    return window;
  };
}
