import { paymentsV1 } from '@govhall/proto';
import type { NoticeFacts, NoticeOutcome } from '../../domain/payment';
import { noticeFacts, paymentNoticeHandlers } from './payment-notices.consumer';

const notice = (overrides: Partial<paymentsV1.Notice> = {}) =>
  paymentsV1.Notice.fromPartial({
    id: 'n-1',
    tenant: '620321',
    caseId: 'c-1',
    number: '永昌县政务服务中心缴〔2026〕00012号',
    paymentCode: '62032126100800001237',
    totalFen: 55_010,
    deadline: '2026-10-20',
    ...overrides,
  });

function recorder(changes = true) {
  const calls: [string, NoticeFacts, NoticeOutcome?][] = [];
  let writes = 0;
  const handlers = paymentNoticeHandlers({
    awaitPayment: async (n) => (calls.push(['await', n]), changes),
    settlePayment: async (n, outcome) => (calls.push(['settle', n, outcome]), changes),
    afterWrite: () => void (writes += 1),
  });
  return { handlers, calls, writes: () => writes };
}

describe('the payment notice consumer', () => {
  it('routes each notice event to its use case with the notice as the case needs it', async () => {
    const { handlers, calls, writes } = recorder();
    const env = (payload: Uint8Array) => ({ tenant: '620321', payload });
    await handlers['govhall.payments.v1.NoticeIssued']!(
      env(paymentsV1.NoticeIssued.encode({ notice: notice() }).finish()),
    );
    await handlers['govhall.payments.v1.NoticePaid']!(env(paymentsV1.NoticePaid.encode({ notice: notice() }).finish()));
    await handlers['govhall.payments.v1.NoticeWaived']!(
      env(paymentsV1.NoticeWaived.encode({ notice: notice() }).finish()),
    );
    await handlers['govhall.payments.v1.NoticeCancelled']!(
      env(paymentsV1.NoticeCancelled.encode({ notice: notice() }).finish()),
    );
    expect(calls.map(([what, , outcome]) => [what, outcome])).toEqual([
      ['await', undefined],
      ['settle', 'paid'],
      ['settle', 'waived'],
      ['settle', 'cancelled'],
    ]);
    expect(calls[0]![1]).toEqual({
      noticeId: 'n-1',
      tenant: '620321',
      caseId: 'c-1',
      number: '永昌县政务服务中心缴〔2026〕00012号',
      paymentCode: '62032126100800001237',
      totalFen: 55_010,
      deadline: '2026-10-20',
    });
    expect(writes()).toBe(4);
    // Other notice events (slips, refused mark-paid attempts) are not the cases service's.
    expect(Object.keys(handlers)).not.toContain('govhall.payments.v1.StaffMarkPaidRefused');
  });

  it('nudges the relay only after a write', async () => {
    const { handlers, writes } = recorder(false);
    await handlers['govhall.payments.v1.NoticePaid']!({
      tenant: '620321',
      payload: paymentsV1.NoticePaid.encode({ notice: notice() }).finish(),
    });
    expect(writes()).toBe(0);
  });

  it('refuses a notice without its case or with a total that is not a whole number of fen', () => {
    expect(() => noticeFacts({ tenant: '620321' }, undefined)).toThrow();
    expect(() => noticeFacts({ tenant: '620321' }, notice({ caseId: '' }))).toThrow();
    expect(() => noticeFacts({ tenant: '620321' }, notice({ totalFen: 1.5 }))).toThrow(/fen/);
    expect(() => noticeFacts({ tenant: '620321' }, notice({ totalFen: -1 }))).toThrow(/fen/);
    expect(noticeFacts({ tenant: '620321' }, notice({ tenant: '' })).tenant).toBe('620321');
  });
});
