import { HandlingWorld } from '../handling.test-double';
import { approvedCase, noticeOf } from '../payment.test-double';
import { awaitPaymentUseCase } from './await-payment.usecase';

describe('AwaitPayment (NoticeIssued)', () => {
  it('holds the approved case: AWAITING_PAYMENT, payment due, a wait opened today, one payment_requested', async () => {
    const world = new HandlingWorld();
    world.at('2026-10-08T02:00:00Z'); // Thursday, the first working day after 国庆节
    const c = world.put(approvedCase());
    expect(await awaitPaymentUseCase(world.deps())(noticeOf(c))).toBe(true);
    const held = world.get(c.id);
    expect(held.status).toBe('awaiting_payment');
    expect(held.payment).toEqual({
      noticeId: 'notice-1',
      noticeNumber: '永昌县政务服务中心缴〔2026〕00012号',
      paymentCode: '62032126100800001237',
      totalFen: 55_010,
      deadline: '2026-10-20',
      state: 'due',
      waits: [{ from: '2026-10-08', to: '' }],
    });
    // The clocks are recounted when the wait ends (as a suspension's): nothing moves yet.
    expect(held.clocks).toEqual(c.clocks);
    expect(held.history.at(-1)).toMatchObject({
      fromStatus: 'approved',
      toStatus: 'awaiting_payment',
      actor: 'system',
      actorRole: 'system',
    });
    expect(world.events.map((e) => [e.transition, e.fromStatus, e.payment?.state])).toEqual([
      ['payment_requested', 'approved', 'due'],
    ]);
  });

  it('changes nothing on a replay, for a case not approved, or for a notice of another case or tenant', async () => {
    const world = new HandlingWorld();
    world.at('2026-10-08T02:00:00Z');
    const awaitPayment = awaitPaymentUseCase(world.deps());
    const c = world.put(approvedCase());
    await awaitPayment(noticeOf(c));
    const once = world.get(c.id);
    expect(await awaitPayment(noticeOf(c))).toBe(false);
    expect(world.get(c.id)).toBe(once);

    const processing = world.put(approvedCase({ id: 'c-processing', status: 'processing' }));
    expect(await awaitPayment(noticeOf(processing))).toBe(false);
    const other = world.put(approvedCase({ id: 'c-other' }));
    expect(await awaitPayment(noticeOf(other, { tenant: '620302' }))).toBe(false);
    expect(await awaitPayment(noticeOf({ id: 'c-missing', tenant: '620321' }))).toBe(false);
    expect(world.get(other.id).status).toBe('approved');
    expect(world.events).toHaveLength(1);
  });
});
