import { retryOnConflict } from '@govhall/errors';
import { failpoint } from '@govhall/lifecycle';
import { confirmPayment, readCallback, requireFresh, unknownPaymentCode } from '../../domain/bank/bank-message';
import type { NoticeRepository } from '../ports';
import { claimNonce, recorded, verifiedPayload, type BankDeps } from './bank-messages';

export interface CallbackResult {
  outcome: 'accepted' | 'duplicate';
  noticeNumber: string;
}

/**
 * The bank's signed PAYMENT callback (docs/bank-protocol.md): signature, time window, nonce, payment code, state and
 * amount, in that order; then the notice is PAID with NoticePaid in the same write. A genuine retry (same bankTxnId)
 * answers DUPLICATE with nothing changed. Every message is recorded with its verdict.
 */
export function receiveCallbackUseCase(deps: BankDeps & { notices: NoticeRepository }) {
  return async (request: { channel: string; jws: string }): Promise<CallbackResult> =>
    recorded<CallbackResult>(deps, { channel: request.channel, type: 'PAYMENT' }, async (note) => {
      const payload = await verifiedPayload(deps, request.channel, request.jws);
      const callback = readCallback(payload);
      note.paymentCode = callback.paymentCode;
      const now = deps.clock.now();
      requireFresh(callback.iat, now);
      await claimNonce(deps, request.channel, callback.nonce, now);
      return retryOnConflict(async (): Promise<{ outcome: 'accepted' | 'duplicate'; result: CallbackResult }> => {
        const notice = await deps.notices.findByPaymentCode(callback.paymentCode);
        if (!notice) throw unknownPaymentCode();
        note.noticeId = notice.id;
        const verdict = confirmPayment(notice, callback, request.channel, deps.clock.now());
        if (verdict.outcome === 'duplicate') {
          return { outcome: 'duplicate', result: { outcome: 'duplicate', noticeNumber: notice.number ?? '' } };
        }
        await deps.notices.save(verdict.change.notice, notice.version, verdict.change.events);
        // Crash tests: the payment is stored with its event, the answer not yet sent (the bank retries).
        failpoint('payments.after-callback-stored');
        return { outcome: 'accepted', result: { outcome: 'accepted', noticeNumber: notice.number ?? '' } };
      });
    });
}
