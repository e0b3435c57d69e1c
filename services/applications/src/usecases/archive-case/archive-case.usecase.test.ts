import { HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { archiveCaseUseCase } from './archive-case.usecase';

describe('ArchiveCase', () => {
  it('archives a delivered case, and received cases that ended early (refused, withdrawn, voided)', async () => {
    const world = new HandlingWorld();
    const archive = archiveCaseUseCase(world.deps());
    for (const [i, status] of (['delivered', 'not_accepted', 'withdrawn', 'voided'] as const).entries()) {
      const c = world.put(acceptedCase({ id: `0b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6${i}`, status }));
      const stored = await archive({ id: c.id, expectedVersion: 5 }, staff('window_clerk'));
      expect(stored.status).toBe('archived');
    }
    expect(world.events.map((e) => e.transition)).toEqual(['archived', 'archived', 'archived', 'archived']);
  });

  it('refuses a case still running or a voided draft that never reached the center', async () => {
    const world = new HandlingWorld();
    const archive = archiveCaseUseCase(world.deps());
    const running = world.put(acceptedCase({ status: 'completed' }));
    expect(await rejection(archive({ id: running.id, expectedVersion: 5 }, staff('window_clerk')))).toMatchObject({
      code: 'WRONG_STATE',
    });
    const draft = world.put(
      acceptedCase({ id: '1b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b', status: 'voided', caseNumber: '' }),
    );
    expect(
      await rejection(archive({ id: draft.id, expectedVersion: 5 }, staff('center_admin', { department: '' }))),
    ).toMatchObject({ code: 'NOT_RECEIVED' });
    expect(world.events).toEqual([]);
  });
});
