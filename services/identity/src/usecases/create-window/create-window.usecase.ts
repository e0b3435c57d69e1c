import type { Principal } from '@govhall/auth';
import { ConflictError } from '@govhall/errors';
import { createWindow, validateNewWindow, type NewWindowInput, type Window } from '../../domain/window';
import { ensureHosted, ensureTenancyWrite, postFacts, requireTenant, throwIfInvalid } from '../tenancy.access';
import type { TenancyDeps } from '../tenancy.ports';

export type CreateWindowCommand = NewWindowInput;

/**
 * The tenant's center administrator (or ops_admin) opens a window with its A and B posts. Checked against the
 * tenant's departments and the staff records, so a window never starts without two present-able people.
 */
export function createWindowUseCase(deps: TenancyDeps) {
  return async (command: CreateWindowCommand, actor: Principal): Promise<Window> => {
    const tenant = command.tenant.trim();
    ensureTenancyWrite(deps.authorizer, actor, { type: 'window', tenant });
    ensureHosted(deps.hostedTenants, tenant);
    await requireTenant(deps.tenants, tenant);

    const departments = await deps.departments.listByTenant(tenant);
    const posts = await postFacts(deps.staff, command.aPostStaffId, command.bPostStaffId);
    throwIfInvalid(
      validateNewWindow(
        command,
        departments.map((d) => d.code),
        posts,
      ),
    );

    const { window, events } = createWindow(command, deps.ids.newId(), deps.clock.now());
    if (!(await deps.windows.insert(window, events, actor))) {
      throw new ConflictError('WINDOW_NUMBER_TAKEN', `本中心已有${window.number}号窗口，请换一个窗口编号`);
    }
    return window;
  };
}
