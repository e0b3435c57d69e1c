import { HandlingWorld, acceptedCase, staff } from '../handling.test-double';
import { suspendCaseUseCase } from '../suspend-case/suspend-case.usecase';
import { resumeCaseUseCase } from './resume-case.usecase';

describe('ResumeCase', () => {
  it('moves every deadline by exactly the suspended working days across the 2026 National Day holiday', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    world.at('2026-09-28T02:00:00Z'); // Monday
    const suspended = await suspendCaseUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, procedure: '检测', reason: '送检样品', plannedWorkingDays: 5 },
      staff('reviewer'),
    );
    world.at('2026-10-12T02:00:00Z'); // Monday after the holiday
    const resumed = await resumeCaseUseCase(world.deps())(
      { id: c.id, expectedVersion: suspended.version },
      staff('reviewer'),
    );
    // Held working days in [09-28, 10-12) (ADR 0022): 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (Saturday 调休) = 6;
    // 10-01..10-07 (国庆节) and Sunday 10-11 are not working days; Monday 10-12 counts again.
    expect(resumed.status).toBe('processing');
    expect(resumed.suspensions[0]).toMatchObject({ endedDate: '2026-10-12', suspendedWorkingDays: 6 });
    // Promised 10-12 → 13, 14, 15, 16, 19, 20; statutory 10-26 → 27, 28, 29, 30, 11-02, 11-03.
    expect(resumed.clocks.promised).toMatchObject({ dueDate: '2026-10-20', suspendedWorkingDays: 6 });
    expect(resumed.clocks.statutory).toMatchObject({ dueDate: '2026-11-03', suspendedWorkingDays: 6 });
    // Recounted by computeDeadline with the suspension as a pause, which the explanation names.
    expect(resumed.clocks.promised!.explanation).toContain('特别程序：检测期间的6个工作日');
    expect(resumed.clocks.promised!.explanation).toMatch(/^承诺办结时限：.*至2026年10月20日。$/);
    // Every day up to the new due date that did not count, with why: the pause's and the holidays'.
    expect(resumed.clocks.promised!.skipped).toEqual(
      expect.arrayContaining([
        { date: '2026-09-28', reason: '特别程序：检测' },
        { date: '2026-10-01', reason: '国庆节' },
        { date: '2026-10-18', reason: '周末' },
      ]),
    );
    // The active step (审查, due 09-28) moves by the same 6 working days: 29, 30, 10-08, 10-09, 10-10, 10-12.
    expect(resumed.steps[1]).toMatchObject({ state: 'active', dueDate: '2026-10-12' });
    expect(world.events.map((e) => e.transition)).toEqual(['suspended', 'resumed']);
    expect(world.events[1]!.suspension).toMatchObject({ suspendedWorkingDays: 6 });
  });

  it('holds the day it was suspended but not the weekend, and leaves a past due date where it was', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    world.at('2026-10-16T02:00:00Z'); // Friday
    const s = await suspendCaseUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, procedure: '鉴定', reason: '委托司法鉴定', plannedWorkingDays: 3 },
      staff('reviewer'),
    );
    world.at('2026-10-19T02:00:00Z'); // Monday
    const resumed = await resumeCaseUseCase(world.deps())({ id: c.id, expectedVersion: s.version }, staff('reviewer'));
    // [10-16, 10-19): Friday is held, the weekend would not have counted, Monday counts again. The promised due
    // date (10-12) had passed when the suspension began: it stays (ADR 0022); the statutory one (10-26) moves by 1.
    expect(resumed.suspensions[0]!.suspendedWorkingDays).toBe(1);
    expect(resumed.clocks.promised!.dueDate).toBe('2026-10-12');
    expect(resumed.clocks.statutory!.dueDate).toBe('2026-10-27');
  });

  it('counts nothing when the case resumes the day it was suspended', async () => {
    const world = new HandlingWorld();
    const c = world.put(acceptedCase());
    world.at('2026-09-28T02:00:00Z');
    const s = await suspendCaseUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, procedure: '听证', reason: '申请人要求听证', plannedWorkingDays: 3 },
      staff('reviewer'),
    );
    world.at('2026-09-28T08:00:00Z');
    const resumed = await resumeCaseUseCase(world.deps())({ id: c.id, expectedVersion: s.version }, staff('reviewer'));
    expect(resumed.clocks.promised!.dueDate).toBe('2026-10-12');
    expect(resumed.suspensions[0]!.suspendedWorkingDays).toBe(0);
  });
});
