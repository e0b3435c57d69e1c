import { retryOnConflict } from '@govhall/errors';
import type { Notice } from '../../domain/notices/notice';
import { markInstructed, type Refund } from '../../domain/refunds/refund';
import type { Clock, NoticeRepository, RefundChannel } from '../ports';

/** How many notices one pass looks at. */
const BATCH = 20;

/** An approved refund is instructed at once, and again after `resendAfterMs` until the bank confirms it. */
function due(refund: Refund, now: Date, resendAfterMs: number): boolean {
  return (
    refund.state === 'approved' &&
    (!refund.instructedAt || now.getTime() - refund.instructedAt.getTime() >= resendAfterMs)
  );
}

/**
 * One pass of the refund instructions: every approved refund the bank has not confirmed is sent to the channel that
 * took the money (the bank takes a repeated instruction for the same refund once), and its sending time recorded.
 * Answers how many were sent. Nothing is held in memory: a restart sends what is due.
 */
export function instructRefundsUseCase(deps: {
  notices: NoticeRepository;
  channel: RefundChannel;
  clock: Clock;
  resendAfterMs: number;
  onFailure: (refundId: string, error: unknown) => void;
}) {
  return async (): Promise<number> => {
    let sent = 0;
    for (const notice of await deps.notices.withApprovedRefunds(BATCH)) {
      for (const refund of notice.refunds.filter((r) => due(r, deps.clock.now(), deps.resendAfterMs))) {
        try {
          await deps.channel.instruct(notice.payment?.channel ?? '', {
            refundId: refund.id,
            paymentCode: notice.paymentCode ?? '',
            bankTxnId: notice.payment?.bankTxnId ?? '',
            amountFen: refund.amountFen,
          });
        } catch (error) {
          deps.onFailure(refund.id, error);
          continue;
        }
        await recordSent(deps, notice.id, refund.id);
        sent++;
      }
    }
    return sent;
  };
}

/** The sending time, on the notice as it is now (the bank may have confirmed meanwhile: then nothing to record). */
function recordSent(deps: { notices: NoticeRepository; clock: Clock }, id: string, refundId: string) {
  return retryOnConflict(async () => {
    const notice: Notice | null = await deps.notices.findById(id);
    if (!notice) return;
    const next = markInstructed(notice, refundId, deps.clock.now());
    if (next !== notice) await deps.notices.save(next, notice.version, []);
  });
}
