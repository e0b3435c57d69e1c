import { retryOnConflict } from '@govhall/errors';
import { awaitPayment, type NoticeFacts } from '../../domain/payment';
import type { CaseCore } from '../deps';
import { todayOf } from '../handling.shared';

/**
 * The payments service issued a payment notice for an approved case (NoticeIssued on govhall.payments.notice): the
 * case waits for the applicant's payment (AWAITING_PAYMENT, the promised clock paused). Acts only on an APPROVED case
 * not holding that notice yet (domain/payment.ts), so a redelivered event changes nothing; a save that loses a race
 * reads the case again. Returns whether the case was changed (its outbox then holds the transition).
 */
export function awaitPaymentUseCase(deps: Pick<CaseCore, 'cases' | 'clock'>) {
  return (notice: NoticeFacts): Promise<boolean> =>
    retryOnConflict(async () => {
      const c = await deps.cases.findById(notice.caseId);
      if (!c) return false;
      const change = awaitPayment(c, notice, todayOf(deps), deps.clock.now());
      if (!change) return false;
      await deps.cases.save(change.case, c.version, change.event ? [change.event] : [], undefined);
      return true;
    });
}
