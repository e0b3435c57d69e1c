import { retryOnConflict } from '@govhall/errors';
import { settlePayment, type NoticeFacts, type NoticeOutcome } from '../../domain/payment';
import type { CaseCore } from '../deps';
import { todayOf } from '../handling.shared';

/**
 * A payment notice ended (NoticePaid on the bank's word, NoticeWaived at 0 fen, NoticeCancelled): a case waiting for
 * it goes back to APPROVED with its promised clock and active step moved by the working days it waited; an approved
 * case that never waited records a paid or waived notice (domain/payment.ts settlePayment). A redelivered event
 * changes nothing; a save that loses a race reads the case again. Returns whether the case was changed.
 */
export function settlePaymentUseCase(deps: Pick<CaseCore, 'cases' | 'clock' | 'calendars'>) {
  return (notice: NoticeFacts, outcome: NoticeOutcome): Promise<boolean> =>
    retryOnConflict(async () => {
      const c = await deps.cases.findById(notice.caseId);
      if (!c) return false;
      const calendar = await deps.calendars.forTenant(c.tenant);
      const change = settlePayment(c, notice, outcome, calendar, todayOf(deps), deps.clock.now());
      if (!change) return false;
      await deps.cases.save(change.case, c.version, change.event ? [change.event] : [], undefined);
      return true;
    });
}
