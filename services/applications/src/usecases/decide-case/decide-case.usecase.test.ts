import { ValidationError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { decideCaseUseCase } from './decide-case.usecase';

const atDecision = (): Case => {
  const base = acceptedCase();
  return {
    ...base,
    steps: base.steps.map((s) =>
      s.index === 1 ? { ...s, state: 'done' } : s.index === 2 ? { ...s, state: 'active', dueDate: '2026-09-29' } : s,
    ),
  };
};

describe('DecideCase', () => {
  it('approves → APPROVED with the decision document; 制证 becomes active', async () => {
    const world = new HandlingWorld();
    const c = world.put(atDecision());
    const stored = await decideCaseUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, outcome: 'approved', reasons: [], remedies: [] },
      staff('approver'),
    );
    expect(stored.status).toBe('approved');
    expect(stored.decision).toMatchObject({ outcome: 'approved', decidedBy: 'yc-approver' });
    expect(stored.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'active', 'pending']);
    expect(stored.documents.map((d) => d.kind)).toEqual(['decision']);
    expect(world.events[0]).toMatchObject({ transition: 'decided', decision: { outcome: 'approved' } });
  });

  it('needs written reasons to deny, and changes nothing without them', async () => {
    const world = new HandlingWorld();
    const c = world.put(atDecision());
    const refused = await rejection(
      decideCaseUseCase(world.deps())(
        { id: c.id, expectedVersion: 5, outcome: 'denied', reasons: [], remedies: [] },
        staff('approver'),
      ),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.violations).toEqual([expect.objectContaining({ path: 'reasons', reason: 'REQUIRED' })]);
    expect(world.get(c.id)).toEqual(c);
    expect(world.documents).toEqual([]);
  });

  it('denies with reasons and the default remedies → COMPLETED, the decision being the result', async () => {
    const world = new HandlingWorld();
    const c = world.put(atDecision());
    const stored = await decideCaseUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, outcome: 'denied', reasons: ['经营场所不符合食品安全要求'], remedies: [] },
      staff('approver'),
    );
    expect(stored.status).toBe('completed');
    expect(stored.decision!.remedies).toEqual([
      expect.stringContaining('六十日内'),
      expect.stringContaining('六个月内'),
    ]);
    expect(stored.decision!.remedies[0]).toContain('行政复议');
    expect(stored.decision!.remedies[1]).toContain('行政诉讼');
    expect(stored.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'skipped', 'skipped']);
    expect(stored.delivery).toMatchObject({ method: 'window_pickup', pickupCode: '482916' });
    expect(world.documents[0]).toMatchObject({
      kind: 'decision',
      details: { reasons: ['经营场所不符合食品安全要求'], remedies: stored.decision!.remedies },
    });
    expect(world.events[0]).toMatchObject({ transition: 'decided', decision: { outcome: 'denied' } });
  });

  it('is the approver of the case department who decides, at the decision step', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase()); // 审查 still active
    const decide = decideCaseUseCase(world.deps());
    const cmd = { id: c.id, expectedVersion: 5, outcome: 'approved' as const, reasons: [], remedies: [] };
    expect(await rejection(decide(cmd, staff('reviewer')))).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(await rejection(decide(cmd, staff('approver')))).toMatchObject({ code: 'STEP_NEEDS_ITS_ACT' });
  });
});
