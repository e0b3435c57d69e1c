import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import type { RatingInvitation } from '../../../domain/ratings/invitation';
import type { InvitationWatch } from './invitation-watch';

/**
 * The rating device watches its own window (its token's `window` claim, ADR 0063): the open invitation at once,
 * then each change. Returns the unwatch.
 */
export function watchInvitationsUseCase(deps: { watch: Pick<InvitationWatch, 'watchWindow'> }) {
  return (actor: Principal, send: (invitation: RatingInvitation | null) => void): (() => void) => {
    if (!hasAnyRole(actor, ['rating_device'])) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有窗口评价器可以接收评价邀请');
    }
    if (!actor.tenant || !actor.window) {
      throw new ForbiddenError('DEVICE_NOT_BOUND', '该评价器账号没有绑定窗口，请管理员在账号上设置窗口编号');
    }
    return deps.watch.watchWindow(actor.tenant, actor.window, send);
  };
}
