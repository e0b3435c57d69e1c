import type { Case } from '../../domain/case';
import { awaitPaymentUseCase } from '../await-payment/await-payment.usecase';
import { HandlingWorld, acceptedCase, edition, rejection, staff } from '../handling.test-double';
import { approvedCase, noticeOf } from '../payment.test-double';
import { settlePaymentUseCase } from '../settle-payment/settle-payment.usecase';
import { issueResultUseCase } from './issue-result.usecase';

const approved = (): Case => approvedCase();

describe('IssueResult (制证)', () => {
  it('puts the licence into the library with the seal, holder and verification code → COMPLETED with a pickup code', async () => {
    const world = new HandlingWorld();
    world.at('2026-10-09T02:00:00Z');
    const c = world.put(approved());
    const { case: stored, licence } = await issueResultUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, validUntil: '2031-10-08', deliveryMethod: '', address: '' },
      staff('window_clerk'),
    );
    expect(stored.status).toBe('completed');
    expect(licence).toMatchObject({
      licenceNumber: '620321-000172029000-2026-000001',
      licenceType: '000172029000',
      name: '食品经营许可证',
      holderName: '张三',
      holderPersonId: 'np-1',
      holderSubject: 'subject-zhangsan',
      issuingDepartment: '620321-SCJG',
      seal: '永昌县市场监督管理局行政审批专用章',
      validFrom: '2026-10-09',
      validUntil: '2031-10-08',
      caseId: c.id,
    });
    expect(licence.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(licence.documentIds).toEqual([expect.any(String), 'doc-decision']);
    expect(stored.licenceId).toBe(licence.id);
    expect(stored.delivery).toMatchObject({ method: 'window_pickup', pickupCode: '482916' });
    expect(stored.documents.map((d) => d.kind)).toEqual(['decision', 'licence']);
    expect(stored.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'active']);
    const event = world.events[0]!;
    expect(event).toMatchObject({ transition: 'result_issued', licenceId: licence.id });
    expect(event.delivery!.pickupCode).toBe('');
  });

  it('a retry after a failed save gets the same licence, not a second one', async () => {
    const world = new HandlingWorld();
    const c = world.put(approved());
    const issue = issueResultUseCase(world.deps());
    const first = await issue(
      { id: c.id, expectedVersion: 5, validUntil: '', deliveryMethod: 'electronic', address: '' },
      staff('window_clerk'),
    );
    world.put(c); // as if the first save had not happened
    const second = await issue(
      { id: c.id, expectedVersion: 5, validUntil: '', deliveryMethod: 'electronic', address: '' },
      staff('window_clerk'),
    );
    expect(second.licence.id).toBe(first.licence.id);
    expect(world.licences).toHaveLength(1);
    expect(second.case.documents.map((d) => d.kind)).toEqual(['decision', 'licence']);
  });

  it('post needs an address; only from APPROVED', async () => {
    const world = new HandlingWorld();
    const c = world.put(approved());
    const issue = issueResultUseCase(world.deps());
    const noAddress = await rejection(
      issue(
        { id: c.id, expectedVersion: 5, validUntil: '', deliveryMethod: 'post', address: '' },
        staff('window_clerk'),
      ),
    );
    expect(noAddress.violations[0]).toMatchObject({ path: 'address' });
    const processing = world.put(acceptedCase({ id: '9b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b' }));
    const wrong = await rejection(
      issue(
        { id: processing.id, expectedVersion: 5, validUntil: '', deliveryMethod: '', address: '' },
        staff('window_clerk'),
      ),
    );
    expect(wrong).toMatchObject({ code: 'WRONG_STATE', metadata: { currentStatus: 'processing' } });
    expect(world.licences).toEqual([]);
  });

  it('收缴分离: an item with fees is issued only once its notice is paid or waived (PAYMENT_OUTSTANDING before)', async () => {
    const world = new HandlingWorld();
    world.editionOf = edition({ hasFees: true });
    world.at('2026-10-08T02:00:00Z');
    const c = world.put(approved());
    const issue = issueResultUseCase(world.deps());
    const cmd = { id: c.id, expectedVersion: 5, validUntil: '', deliveryMethod: '' as const, address: '' };
    // No notice yet: the fee is still being assessed.
    const assessing = await rejection(issue(cmd, staff('window_clerk')));
    expect(assessing).toMatchObject({ kind: 'failed_precondition', code: 'PAYMENT_OUTSTANDING' });
    expect(assessing.message).toContain('缴纳费用');
    // Waiting for the bank: refused by the same reason (not WRONG_STATE), the notice named.
    await awaitPaymentUseCase(world.deps())(noticeOf(c));
    const due = await rejection(issue({ ...cmd, expectedVersion: 6 }, staff('window_clerk')));
    expect(due).toMatchObject({ code: 'PAYMENT_OUTSTANDING', metadata: { paymentState: 'due' } });
    expect(due.message).toContain('永昌县政务服务中心缴〔2026〕00012号');
    // A cancelled notice is no payment either.
    world.at('2026-10-09T02:00:00Z');
    await settlePaymentUseCase(world.deps())(noticeOf(c), 'cancelled');
    expect(await rejection(issue({ ...cmd, expectedVersion: 7 }, staff('window_clerk')))).toMatchObject({
      code: 'PAYMENT_OUTSTANDING',
      metadata: { paymentState: 'cancelled' },
    });
    expect(world.licences).toEqual([]);
    // Paid on a second notice (the bank's word): issued.
    await awaitPaymentUseCase(world.deps())(noticeOf(c, { noticeId: 'notice-2' }));
    await settlePaymentUseCase(world.deps())(noticeOf(c, { noticeId: 'notice-2' }), 'paid');
    const { case: done } = await issue({ ...cmd, expectedVersion: 9 }, staff('window_clerk'));
    expect(done.status).toBe('completed');
    expect(world.licences).toHaveLength(1);
  });

  it('an item with fees whose notice was waived is issued', async () => {
    const world = new HandlingWorld();
    world.editionOf = edition({ hasFees: true });
    const c = world.put(approved());
    await settlePaymentUseCase(world.deps())(noticeOf(c, { totalFen: 0 }), 'waived');
    const { case: done } = await issueResultUseCase(world.deps())(
      { id: c.id, expectedVersion: 6, validUntil: '', deliveryMethod: '', address: '' },
      staff('window_clerk'),
    );
    expect(done.status).toBe('completed');
  });
});
