import type { Authorizer, Principal } from '@govhall/auth';
import { ConcurrencyError, NotFoundError } from '@govhall/errors';
import { assignPosts, validatePosts, type Window } from '../../domain/window';
import type { Clock } from '../ports';
import type { StaffFacts } from '../staff-facts.port';
import {
  ensureHosted,
  ensureTenancyWrite,
  expectedVersionViolations,
  postFacts,
  throwIfInvalid,
  windowIdViolations,
} from '../tenancy.access';
import type { WindowRepository } from '../tenancy.ports';

export interface AssignWindowPostsCommand {
  windowId: string;
  aPostStaffId: string;
  bPostStaffId: string;
  /** The version the caller read. */
  expectedVersion: number;
}

/** The tenant's center administrator (or ops_admin) puts new people on a window's A and B posts. */
export function assignWindowPostsUseCase(deps: {
  windows: WindowRepository;
  staff: StaffFacts;
  authorizer: Authorizer;
  clock: Clock;
  hostedTenants?: readonly string[];
}) {
  return async (command: AssignWindowPostsCommand, actor: Principal): Promise<Window> => {
    throwIfInvalid([...windowIdViolations(command.windowId), ...expectedVersionViolations(command.expectedVersion)]);
    const current = await deps.windows.findById(command.windowId);
    if (!current) throw new NotFoundError('WINDOW_NOT_FOUND', '未找到该窗口');
    ensureTenancyWrite(deps.authorizer, actor, { type: 'window', id: current.id, tenant: current.tenant });
    ensureHosted(deps.hostedTenants, current.tenant);
    if (current.version !== command.expectedVersion) throw new ConcurrencyError();

    const posts = await postFacts(deps.staff, command.aPostStaffId, command.bPostStaffId);
    throwIfInvalid(validatePosts(current, command.aPostStaffId, command.bPostStaffId, posts));

    const { window, events } = assignPosts(current, command.aPostStaffId, command.bPostStaffId, deps.clock.now());
    await deps.windows.updatePosts(window, events, command.expectedVersion, actor);
    return window;
  };
}
