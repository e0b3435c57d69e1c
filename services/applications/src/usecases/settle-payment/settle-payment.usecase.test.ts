import { HandlingWorld } from '../handling.test-double';
import { awaitPaymentUseCase } from '../await-payment/await-payment.usecase';
import { approvedCase, noticeOf } from '../payment.test-double';
import { settlePaymentUseCase } from './settle-payment.usecase';

/** A world whose approved case waits for notice-1 since Thursday 2026-10-08. */
async function waiting() {
  const world = new HandlingWorld();
  world.at('2026-10-08T02:00:00Z');
  const c = world.put(approvedCase());
  await awaitPaymentUseCase(world.deps())(noticeOf(c));
  return { world, c, settle: settlePaymentUseCase(world.deps()) };
}

describe('SettlePayment (NoticePaid / NoticeWaived / NoticeCancelled)', () => {
  it('paid: back to APPROVED; the promised date and the active step move by the waited working days, the statutory one not', async () => {
    const { world, c, settle } = await waiting();
    world.at('2026-10-12T02:00:00Z'); // Monday
    expect(await settle(noticeOf(c), 'paid')).toBe(true);
    const paid = world.get(c.id);
    expect(paid.status).toBe('approved');
    expect(paid.payment).toMatchObject({ state: 'paid', waits: [{ from: '2026-10-08', to: '2026-10-12' }] });
    // Held [10-08, 10-12): 10-08, 10-09 and Saturday 10-10 (调休) = 3 working days. Promised 10-12 → 10-15.
    expect(paid.clocks.promised).toMatchObject({ dueDate: '2026-10-15', suspendedWorkingDays: 3 });
    expect(paid.clocks.promised!.explanation).toContain('等待申请人缴纳费用');
    // The statutory (§42) clock stopped at the decision: the wait does not move it.
    expect(paid.clocks.statutory).toEqual(c.clocks.statutory);
    // 制证 was due 10-09 with 2 working days left when the wait began (10-08, 10-09): now 10-12, 10-13.
    expect(paid.steps[3]).toMatchObject({ state: 'active', dueDate: '2026-10-13' });
    expect(paid.history.at(-1)!.action).toContain('等待缴费3个工作日');
    expect(world.events.map((e) => [e.transition, e.case.status, e.payment?.state])).toEqual([
      ['payment_requested', 'awaiting_payment', 'due'],
      ['payment_settled', 'approved', 'paid'],
    ]);
  });

  it('a replayed NoticePaid, or a late NoticeIssued of the same notice, changes nothing', async () => {
    const { world, c, settle } = await waiting();
    world.at('2026-10-12T02:00:00Z');
    await settle(noticeOf(c), 'paid');
    const once = world.get(c.id);
    expect(await settle(noticeOf(c), 'paid')).toBe(false);
    expect(await awaitPaymentUseCase(world.deps())(noticeOf(c))).toBe(false);
    expect(world.get(c.id)).toBe(once);
    expect(world.events.filter((e) => e.transition === 'payment_settled')).toHaveLength(1);
  });

  it('another notice than the one the case waits for changes nothing', async () => {
    const { world, c, settle } = await waiting();
    expect(await settle(noticeOf(c, { noticeId: 'notice-2' }), 'paid')).toBe(false);
    expect(world.get(c.id).status).toBe('awaiting_payment');
  });

  it('waived for an approved case that never waited: recorded once, published with the status unchanged', async () => {
    const world = new HandlingWorld();
    world.at('2026-10-08T02:00:00Z');
    const c = world.put(approvedCase());
    const settle = settlePaymentUseCase(world.deps());
    expect(await settle(noticeOf(c, { totalFen: 0 }), 'waived')).toBe(true);
    const waived = world.get(c.id);
    expect(waived).toMatchObject({ status: 'approved', payment: { state: 'waived', totalFen: 0, waits: [] } });
    expect(waived.clocks).toEqual(c.clocks);
    expect(waived.history.at(-1)).toMatchObject({ fromStatus: 'approved', toStatus: 'approved' });
    expect(world.events.map((e) => [e.transition, e.fromStatus, e.case.status, e.payment?.state])).toEqual([
      ['payment_settled', 'approved', 'approved', 'waived'],
    ]);
    expect(await settle(noticeOf(c, { totalFen: 0 }), 'waived')).toBe(false);
    expect(world.get(c.id)).toBe(waived);
  });

  it('cancelled while waiting: back to APPROVED, the clock runs again; a new notice holds the case again', async () => {
    const { world, c, settle } = await waiting();
    world.at('2026-10-09T02:00:00Z');
    expect(await settle(noticeOf(c), 'cancelled')).toBe(true);
    expect(world.get(c.id)).toMatchObject({ status: 'approved', payment: { state: 'cancelled' } });
    // A cancelled notice the case does not wait for records nothing.
    const other = world.put(approvedCase({ id: 'c-other' }));
    expect(await settle(noticeOf(other), 'cancelled')).toBe(false);
    world.at('2026-10-12T02:00:00Z');
    expect(await awaitPaymentUseCase(world.deps())(noticeOf(c, { noticeId: 'notice-2' }))).toBe(true);
    expect(world.get(c.id).payment).toMatchObject({
      noticeId: 'notice-2',
      state: 'due',
      waits: [
        { from: '2026-10-08', to: '2026-10-09' },
        { from: '2026-10-12', to: '' },
      ],
    });
  });
});
