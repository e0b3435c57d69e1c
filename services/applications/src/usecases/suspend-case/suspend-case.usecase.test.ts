import { ValidationError } from '@govhall/errors';
import { HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { suspendCaseUseCase } from './suspend-case.usecase';

describe('SuspendCase', () => {
  it('stops the clock for a §45 procedure with its planned length and issues the suspension notice', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    world.at('2026-09-28T02:00:00Z');
    const stored = await suspendCaseUseCase(world.deps())(
      {
        id: c.id,
        expectedVersion: 5,
        procedure: '专家评审',
        reason: '需组织专家评审经营场所布局',
        plannedWorkingDays: 5,
      },
      staff('reviewer'),
    );
    expect(stored.status).toBe('suspended');
    expect(stored.suspensions).toEqual([
      expect.objectContaining({
        procedure: '专家评审',
        plannedWorkingDays: 5,
        startedDate: '2026-09-28',
        endedDate: '',
      }),
    ]);
    expect(world.documents.map((d) => d.kind)).toEqual(['suspension_notice']);
    expect(stored.documents.map((d) => d.kind)).toEqual(['suspension_notice']);
    expect(world.events[0]).toMatchObject({ transition: 'suspended', suspension: { procedure: '专家评审' } });
  });

  it('refuses a procedure outside §45 (现场踏勘 counts inside the limit, A9) and a length of 0', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    const refused = await rejection(
      suspendCaseUseCase(world.deps())(
        { id: c.id, expectedVersion: 5, procedure: '现场踏勘', reason: '需现场踏勘', plannedWorkingDays: 0 },
        staff('reviewer'),
      ),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.violations.map((v: { path: string }) => v.path).sort()).toEqual(['plannedWorkingDays', 'procedure']);
    expect(world.get(c.id).status).toBe('processing');
    expect(world.documents).toEqual([]);
  });
});
