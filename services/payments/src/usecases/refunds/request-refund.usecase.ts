import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ValidationError } from '@govhall/errors';
import type { Notice } from '../../domain/notices/notice';
import { requestRefund } from '../../domain/refunds/refund';
import { requireSeen } from '../access/payments.access';
import type { Clock, IdGenerator, NoticeRepository } from '../ports';
import { requireRefundRequester } from './refund-access';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** 申请退款 of a paid notice, with a reason; a retry with the same request id answers the notice as it is. */
export function requestRefundUseCase(deps: { notices: NoticeRepository; clock: Clock; ids: IdGenerator }) {
  return async (
    request: { noticeId: string; expectedVersion: number; requestId: string; amountFen: number; reason: string },
    actor: Principal,
  ): Promise<{ notice: Notice; refundId: string }> => {
    if (!REQUEST_ID.test(request.requestId)) {
      throw new ValidationError([{ path: 'requestId', reason: 'INVALID', message: 'requestId 应为8至64位字母数字' }]);
    }
    const notice = requireSeen(actor, request.noticeId ? await deps.notices.findById(request.noticeId) : null);
    requireRefundRequester(actor, notice);
    const earlier = notice.refunds.find((r) => r.requestId === request.requestId);
    if (earlier) return { notice, refundId: earlier.id };
    if (notice.version !== request.expectedVersion) throw new ConcurrencyError('该缴款通知书已变化，请刷新后重试');
    const refundId = deps.ids.newId();
    const change = requestRefund(
      notice,
      { id: refundId, requestId: request.requestId, amountFen: request.amountFen, reason: request.reason },
      actor.username,
      deps.clock.now(),
    );
    return { notice: await deps.notices.save(change.notice, notice.version, change.events, actor), refundId };
  };
}
