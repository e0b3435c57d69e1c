import { ConcurrencyError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { completeStepUseCase } from './complete-step.usecase';

describe('CompleteStep', () => {
  it('finishes the active review step with the opinion and activates the next with its due date by its budget', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    world.at('2026-09-24T02:00:00Z'); // Thursday
    const stored = await completeStepUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, opinion: '经审查，材料真实有效' },
      staff('reviewer'),
    );
    expect(stored.version).toBe(6);
    expect(stored.steps[1]).toMatchObject({ state: 'done', handledBy: 'yc-reviewer', opinion: '经审查，材料真实有效' });
    // 决定 has 2 working days from Thursday 09-24: Friday 25 is 中秋节, so Monday 28 and Tuesday 29.
    expect(stored.steps[2]).toMatchObject({ state: 'active', dueDate: '2026-09-29' });
    expect(world.events).toHaveLength(1);
    expect(world.events[0]).toMatchObject({ transition: 'step_completed', step: { name: '审查', state: 'done' } });
  });

  it('needs the opinion, and the step role in the case department', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    const complete = completeStepUseCase(world.deps());
    const empty = await rejection(complete({ id: c.id, expectedVersion: 5, opinion: '  ' }, staff('reviewer')));
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.violations[0].path).toBe('opinion');
    const approver = await rejection(complete({ id: c.id, expectedVersion: 5, opinion: '同意' }, staff('approver')));
    expect(approver).toBeInstanceOf(ForbiddenError);
    const other = await rejection(
      complete({ id: c.id, expectedVersion: 5, opinion: '同意' }, staff('reviewer', { department: '620321-GTZY' })),
    );
    expect(other.code).toBe('CASE_NOT_FOUND');
    expect(world.get(c.id).version).toBe(5);
    expect(world.events).toEqual([]);
  });

  it('tells a retry whose first attempt was stored that the case changed (not that the next step is not theirs)', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    const complete = completeStepUseCase(world.deps());
    const command = { id: c.id, expectedVersion: 5, opinion: '经审查，材料真实有效' };
    await complete(command, staff('reviewer'));
    // The answer was lost (the process died): the reviewer's client sends the same request again. 决定 (the
    // approver's) is active now; the reviewer read version 5 and is told to re-read, nothing changes.
    const retried = await rejection(complete(command, staff('reviewer')));
    expect(retried).toBeInstanceOf(ConcurrencyError);
    expect(world.get(c.id).version).toBe(6);
    expect(world.events).toHaveLength(1);
  });

  it('leaves the decision step to DecideCase', async () => {
    const world = new HandlingWorld();
    const base = acceptedCase();
    const c = world.put({
      ...base,
      steps: base.steps.map((s) =>
        s.index === 1 ? { ...s, state: 'done' } : s.index === 2 ? { ...s, state: 'active' } : s,
      ),
    });
    const refused = await rejection(
      completeStepUseCase(world.deps())({ id: c.id, expectedVersion: 5, opinion: '同意' }, staff('approver')),
    );
    expect(refused).toBeInstanceOf(PreconditionError);
    expect(refused).toMatchObject({ code: 'STEP_NEEDS_ITS_ACT', message: '当前环节“决定”须通过“作出决定”办理' });
  });
});
