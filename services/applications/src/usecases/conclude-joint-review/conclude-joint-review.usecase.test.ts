import type { Case } from '../../domain/case';
import { HandlingWorld, JOINT_SERVICE, acceptedCase, rejection, staff } from '../handling.test-double';
import { concludeJointReviewUseCase } from './conclude-joint-review.usecase';

const waiting = (): Case => {
  const base = acceptedCase({ status: 'joint_review', handlingCategory: 'joint' });
  return { ...base, steps: base.steps.map((s) => (s.index === 0 ? s : { ...s, state: 'pending', dueDate: '' })) };
};

describe('ConcludeJointReview', () => {
  it("the joint-review service's agreement → PROCESSING at the decision step", async () => {
    const world = new HandlingWorld();
    const c = world.put(waiting());
    world.at('2026-10-08T02:00:00Z');
    const stored = await concludeJointReviewUseCase(world.deps())(
      { id: c.id, reviewId: 'jr-2026-0001', outcome: 'approved', reasons: [] },
      JOINT_SERVICE,
    );
    expect(stored.status).toBe('processing');
    expect(stored.steps.map((s) => s.state)).toEqual(['done', 'done', 'active', 'pending', 'pending']);
    expect(stored.steps[2]!.dueDate).toBe('2026-10-10'); // 决定: 2 working days after 10-08: 10-09, 10-10 (调休)
    expect(world.events[0]).toMatchObject({
      transition: 'joint_review_concluded',
      reason: expect.stringContaining('jr-2026-0001'),
    });
  });

  it('a denial → COMPLETED with the decision, its reasons and the remedies', async () => {
    const world = new HandlingWorld();
    const c = world.put(waiting());
    const stored = await concludeJointReviewUseCase(world.deps())(
      { id: c.id, reviewId: 'jr-2026-0002', outcome: 'denied', reasons: ['消防验收不合格'] },
      JOINT_SERVICE,
    );
    expect(stored.status).toBe('completed');
    expect(stored.decision).toMatchObject({ outcome: 'denied', reasons: ['消防验收不合格'] });
    expect(stored.decision!.remedies).toHaveLength(2);
    expect(stored.documents.map((d) => d.kind)).toEqual(['decision']);
  });

  it('is the service account only; staff and a case not waiting are refused', async () => {
    const world = new HandlingWorld();
    const c = world.put(waiting());
    const conclude = concludeJointReviewUseCase(world.deps());
    const cmd = { id: c.id, reviewId: 'jr-1', outcome: 'approved' as const, reasons: [] };
    expect(await rejection(conclude(cmd, staff('approver')))).toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(await rejection(conclude(cmd, { ...JOINT_SERVICE, tenant: '620302' }))).toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    world.put(acceptedCase());
    expect(await rejection(conclude(cmd, JOINT_SERVICE))).toMatchObject({ code: 'WRONG_STATE' });
  });
});
