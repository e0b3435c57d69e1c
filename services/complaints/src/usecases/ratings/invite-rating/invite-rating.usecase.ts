import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { invite, type RatingInvitation } from '../../../domain/ratings/invitation';
import type { Clock, IdGenerator } from '../../ports';
import type { InvitationRepository, ServedCaseRepository, WindowDirectory } from '../ports';
import { caseNotFound } from '../rating-errors';

export interface InviteRatingCommand {
  windowId: string;
  /** Empty: a visit without a case. */
  caseId: string;
}

/** Who may invite a rating at a window of their tenant: the staff who serve at the counter. */
const INVITERS = ['window_clerk', 'department_head', 'center_admin'] as const;

/**
 * 一次一评: the clerk invites the person just served to rate the visit on the window's device (ADR 0063). The window
 * must be one of the clerk's tenant; a case named must be one the service knows in that tenant. The invitation
 * closes the window's open one, and the devices watching the window are told at once.
 */
export function inviteRatingUseCase(deps: {
  invitations: InvitationRepository;
  served: ServedCaseRepository;
  windows: WindowDirectory;
  clock: Clock;
  ids: IdGenerator;
  ttlMs: number;
  /** Tells this process's watchers at once (others see it at their next look). */
  changed: () => void;
}) {
  return async (command: InviteRatingCommand, actor: Principal): Promise<RatingInvitation> => {
    if (actor.kind !== 'user' || !hasAnyRole(actor, INVITERS) || !actor.tenant) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有窗口工作人员、部门负责人或中心管理员可以邀请评价');
    }
    if (!command.windowId.trim()) {
      throw new ValidationError([{ path: 'window_id', reason: 'REQUIRED', message: '请选择提供服务的窗口' }]);
    }
    const window = await deps.windows.windowOf(actor.tenant, command.windowId.trim());
    if (!window) throw new NotFoundError('WINDOW_NOT_FOUND', '本地区没有这个窗口');
    let served: Parameters<typeof invite>[0]['case'];
    if (command.caseId.trim()) {
      const c = await deps.served.find(command.caseId.trim());
      if (!c || c.tenant !== actor.tenant) throw caseNotFound();
      served = { caseId: c.caseId, caseNumber: c.caseNumber, itemName: c.itemName, applicantName: c.applicantName };
    }
    const clerkName = window.serving?.username === actor.username ? window.serving.name : '';
    const invitation = invite(
      {
        tenant: actor.tenant,
        window: { id: window.id, number: window.number, name: window.name, department: window.department },
        ...(served ? { case: served } : {}),
        clerk: { username: actor.username, name: clerkName },
      },
      deps.ids.newId(),
      deps.clock.now(),
      deps.ttlMs,
    );
    await deps.invitations.insertClosingOthers(invitation);
    deps.changed();
    return invitation;
  };
}
