import { hasAnyRole, type Principal } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError } from '@govhall/errors';
import type { Notice } from '../../domain/notices/notice';
import { registerSlip } from '../../domain/notices/staff-acts';
import { requireSeen } from '../access/payments.access';
import type { Clock, NoticeRepository } from '../ports';

/** P3: a window clerk (or the center administrator) registers the bank slip the applicant presents. */
export function registerSlipUseCase(deps: { notices: NoticeRepository; clock: Clock }) {
  return async (
    request: { id: string; expectedVersion: number; slipNumber: string },
    actor: Principal,
  ): Promise<Notice> => {
    const notice = requireSeen(actor, request.id ? await deps.notices.findById(request.id) : null);
    if (!hasAnyRole(actor, ['window_clerk', 'center_admin']) || actor.tenant !== notice.tenant) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有本级窗口工作人员可以登记缴费回执');
    }
    if (notice.version !== request.expectedVersion) throw new ConcurrencyError('该缴款通知书已变化，请刷新后重试');
    const change = registerSlip(notice, request.slipNumber, actor.username, deps.clock.now());
    return deps.notices.save(change.notice, notice.version, change.events, actor);
  };
}
