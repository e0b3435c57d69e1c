import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import type { Notice } from '../../domain/notices/notice';
import { approveRefund, rejectRefund } from '../../domain/refunds/refund';
import { requireSeen } from '../access/payments.access';
import type { Clock, NoticeRepository } from '../ports';
import { requireFinance } from './refund-access';

interface Decision {
  noticeId: string;
  refundId: string;
  expectedVersion: number;
}

async function decide(
  deps: { notices: NoticeRepository; clock: Clock },
  request: Decision,
  actor: Principal,
  change: (notice: Notice, now: Date) => ReturnType<typeof approveRefund>,
): Promise<Notice> {
  const notice = requireSeen(actor, request.noticeId ? await deps.notices.findById(request.noticeId) : null);
  requireFinance(actor, notice.tenant);
  if (notice.version !== request.expectedVersion) throw new ConcurrencyError('该缴款通知书已变化，请刷新后重试');
  const next = change(notice, deps.clock.now());
  return deps.notices.save(next.notice, notice.version, next.events, actor);
}

/** 批准退款 by a finance reconciler other than the requester; the instruction then goes to the bank. */
export function approveRefundUseCase(deps: { notices: NoticeRepository; clock: Clock; afterApproval?: () => void }) {
  return async (request: Decision, actor: Principal): Promise<Notice> => {
    const notice = await decide(deps, request, actor, (n, now) =>
      approveRefund(n, request.refundId, actor.username, now),
    );
    deps.afterApproval?.();
    return notice;
  };
}

/** 不予退款, with a reason, by a finance reconciler other than the requester. */
export function rejectRefundUseCase(deps: { notices: NoticeRepository; clock: Clock }) {
  return (request: Decision & { reason: string }, actor: Principal): Promise<Notice> =>
    decide(deps, request, actor, (n, now) => rejectRefund(n, request.refundId, request.reason, actor.username, now));
}
