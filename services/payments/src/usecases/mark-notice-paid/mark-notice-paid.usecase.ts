import { STAFF_ROLES, type Principal } from '@govhall/auth';
import { ForbiddenError, retryOnConflict } from '@govhall/errors';
import { refuseMarkPaid } from '../../domain/notices/staff-acts';
import { requireSeen } from '../access/payments.access';
import type { Clock, NoticeRepository } from '../ports';

export const collectionSeparated = (): ForbiddenError =>
  new ForbiddenError('COLLECTION_SEPARATED', '实行收缴分离：缴款只能由银行确认，工作人员不能将通知书标记为已缴');

/**
 * Decision 4: no member of staff can mark a notice paid. The attempt is recorded on the notice and announced
 * (StaffMarkPaidRefused → a supervision violation); the answer is always PERMISSION_DENIED COLLECTION_SEPARATED.
 */
export function markNoticePaidUseCase(deps: { notices: NoticeRepository; clock: Clock }) {
  return async (request: { id: string; reason: string }, actor: Principal): Promise<never> => {
    await retryOnConflict(async () => {
      const notice = requireSeen(actor, request.id ? await deps.notices.findById(request.id) : null);
      const roles = actor.roles.filter((r) => (STAFF_ROLES as readonly string[]).includes(r));
      if (roles.length === 0) return;
      const change = refuseMarkPaid(
        notice,
        { username: actor.username, roles, department: actor.department ?? '' },
        request.reason,
        deps.clock.now(),
      );
      await deps.notices.save(change.notice, notice.version, change.events, actor);
    });
    throw collectionSeparated();
  };
}
