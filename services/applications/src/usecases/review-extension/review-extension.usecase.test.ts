import { ForbiddenError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { reviewExtensionUseCase } from './review-extension.usecase';

const requested = (overrides: Partial<Case> = {}) =>
  acceptedCase({
    extension: {
      workingDays: 5,
      reason: '需补充调查',
      state: 'requested',
      requestedBy: 'yc-reviewer',
      headApprovedBy: '',
      centerReviewedBy: '',
      rejectedReason: '',
    },
    ...overrides,
  });

describe('ReviewExtension (decision 2)', () => {
  it('goes to the department head, then the center; only then do the due dates move, with the notice', async () => {
    const world = new HandlingWorld();
    const c = world.put(requested());
    const review = reviewExtensionUseCase(world.deps());
    // The center cannot approve before the head.
    const early = await rejection(
      review({ id: c.id, expectedVersion: 5, approve: true, comment: '' }, staff('center_admin', { department: '' })),
    );
    expect(early).toBeInstanceOf(ForbiddenError);
    const byHead = await review(
      { id: c.id, expectedVersion: 5, approve: true, comment: '同意' },
      staff('department_head'),
    );
    expect(byHead.extension).toMatchObject({ state: 'head_approved', headApprovedBy: 'yc-department-head' });
    expect(byHead.clocks.promised!.dueDate).toBe('2026-10-12');
    const byCenter = await review(
      { id: c.id, expectedVersion: byHead.version, approve: true, comment: '' },
      staff('center_admin', { department: '' }),
    );
    expect(byCenter.extension).toMatchObject({ state: 'approved', centerReviewedBy: 'yc-center-admin' });
    // +5 working days: 10-12 → 13, 14, 15, 16, 19; 10-26 → 27, 28, 29, 30, 11-02.
    expect(byCenter.clocks.promised).toMatchObject({ dueDate: '2026-10-19', extensionWorkingDays: 5 });
    expect(byCenter.clocks.statutory).toMatchObject({ dueDate: '2026-11-02', extensionWorkingDays: 5 });
    // Recounted with the extension: the skipped days run to the new due date (the weekend of 10-17 included).
    expect(byCenter.clocks.promised!.skipped).toContainEqual({ date: '2026-10-17', reason: '周末' });
    expect(byCenter.documents.map((d) => d.kind)).toEqual(['extension_notice']);
    expect(world.events.map((e) => e.transition)).toEqual(['extension_head_approved', 'extension_approved']);
  });

  it("makes the head's approval final when the tenant has the center review off", async () => {
    const world = new HandlingWorld();
    world.centerReview = false;
    const c = world.put(requested());
    const stored = await reviewExtensionUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, approve: true, comment: '' },
      staff('department_head'),
    );
    expect(stored.extension!.state).toBe('approved');
    expect(stored.clocks.promised!.dueDate).toBe('2026-10-19');
  });

  it('records a refusal with its reason and moves nothing', async () => {
    const world = new HandlingWorld();
    const c = world.put(requested());
    const review = reviewExtensionUseCase(world.deps());
    const noReason = await rejection(
      review({ id: c.id, expectedVersion: 5, approve: false, comment: '' }, staff('department_head')),
    );
    expect(noReason.violations[0]).toMatchObject({ path: 'comment' });
    const refused = await review(
      { id: c.id, expectedVersion: 5, approve: false, comment: '理由不充分' },
      staff('department_head'),
    );
    expect(refused.extension).toMatchObject({ state: 'rejected', rejectedReason: '理由不充分', headApprovedBy: '' });
    expect(refused.clocks.promised!.dueDate).toBe('2026-10-12');
    expect(world.events.map((e) => e.transition)).toEqual(['extension_rejected']);
  });
});
