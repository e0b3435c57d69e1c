import { PreconditionError, ValidationError } from '@govhall/errors';
import { HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { requestExtensionUseCase } from './request-extension.usecase';

describe('RequestExtension', () => {
  it('records the request of the active step handler, once per case', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    const request = requestExtensionUseCase(world.deps());
    const stored = await request(
      { id: c.id, expectedVersion: 5, workingDays: 10, reason: '需补充调查经营场所情况' },
      staff('reviewer'),
    );
    expect(stored.extension).toMatchObject({ workingDays: 10, state: 'requested', requestedBy: 'yc-reviewer' });
    expect(stored.clocks.promised!.dueDate).toBe('2026-10-12'); // nothing moves before approval
    const again = await rejection(
      request({ id: c.id, expectedVersion: stored.version, workingDays: 3, reason: '再次申请延期' }, staff('reviewer')),
    );
    expect(again).toBeInstanceOf(PreconditionError);
    expect(again).toMatchObject({ code: 'EXTENSION_ONCE' });
    expect(world.get(c.id).version).toBe(stored.version);
    expect(world.events.map((e) => e.transition)).toEqual(['extension_requested']);
  });

  it('caps the days at 10 (15 for a joint item) and needs a reason', async () => {
    const world = new HandlingWorld();
    const promised = world.put(acceptedCase());
    const request = requestExtensionUseCase(world.deps());
    const tooLong = await rejection(
      request({ id: promised.id, expectedVersion: 5, workingDays: 11, reason: '情况复杂' }, staff('reviewer')),
    );
    expect(tooLong).toBeInstanceOf(ValidationError);
    expect(tooLong.violations[0]).toMatchObject({ path: 'workingDays' });
    const noReason = await rejection(
      request({ id: promised.id, expectedVersion: 5, workingDays: 5, reason: '' }, staff('reviewer')),
    );
    expect(noReason.violations[0]).toMatchObject({ path: 'reason' });
    const joint = world.put(acceptedCase({ id: '8b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b', handlingCategory: 'joint' }));
    const stored = await request(
      { id: joint.id, expectedVersion: 5, workingDays: 15, reason: '联合审批需延长' },
      staff('reviewer'),
    );
    expect(stored.extension!.workingDays).toBe(15);
    expect(world.get(promised.id).extension).toBeUndefined();
  });
});
