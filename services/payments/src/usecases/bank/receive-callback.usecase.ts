import { retryOnConflict } from '@govhall/errors';
import { failpoint } from '@govhall/lifecycle';
import {
  confirmPayment,
  messageType,
  readCallback,
  requireFresh,
  unknownPaymentCode,
} from '../../domain/bank/bank-message';
import { readRefundCallback } from '../../domain/bank/refund-message';
import { confirmRefund, refundNotFound } from '../../domain/refunds/refund';
import type { NoticeRepository } from '../ports';
import { claimNonce, recorded, verifiedPayload, type BankDeps } from './bank-messages';

export interface CallbackResult {
  outcome: 'accepted' | 'duplicate';
  noticeNumber: string;
}

type Verdict = { outcome: 'accepted' | 'duplicate'; result: CallbackResult };

/**
 * The bank's signed callbacks (docs/bank-protocol.md): signature, time window, nonce, payment code, state and amount,
 * in that order; then the change with its event in the same write. PAYMENT makes the notice PAID, REFUND makes the
 * refund REFUNDED. A genuine retry (same bank transaction) answers DUPLICATE with nothing changed. Every message is
 * recorded with its verdict.
 */
export function receiveCallbackUseCase(deps: BankDeps & { notices: NoticeRepository }) {
  return async (request: { channel: string; jws: string }): Promise<CallbackResult> =>
    recorded<CallbackResult>(deps, { channel: request.channel, type: 'PAYMENT' }, async (note) => {
      const payload = await verifiedPayload(deps, request.channel, request.jws);
      const refund = messageType(payload) === 'REFUND';
      const callback = refund ? readRefundCallback(payload) : readCallback(payload);
      note.type = callback.type;
      note.paymentCode = callback.paymentCode;
      const now = deps.clock.now();
      requireFresh(callback.iat, now);
      await claimNonce(deps, request.channel, callback.nonce, now);
      return retryOnConflict(async (): Promise<Verdict> => {
        const notice = await deps.notices.findByPaymentCode(callback.paymentCode);
        if (!notice) throw unknownPaymentCode();
        note.noticeId = notice.id;
        const answer = (outcome: Verdict['outcome']): Verdict => ({
          outcome,
          result: { outcome, noticeNumber: notice.number ?? '' },
        });
        // A refund is confirmed by the channel that took the money, and only by it.
        if (callback.type === 'REFUND' && notice.payment?.channel !== request.channel) throw refundNotFound();
        const verdict =
          callback.type === 'REFUND'
            ? confirmRefund(notice, callback, deps.clock.now())
            : confirmPayment(notice, callback, request.channel, deps.clock.now());
        if (verdict.outcome === 'duplicate') return answer('duplicate');
        await deps.notices.save(verdict.change.notice, notice.version, verdict.change.events);
        // Crash tests: the payment is stored with its event, the answer not yet sent (the bank retries).
        if (callback.type === 'PAYMENT') failpoint('payments.after-callback-stored');
        return answer('accepted');
      });
    });
}
