import { ForbiddenError } from '@govhall/errors';
import { CLERK, caseAtWindow, staff, windowSetup } from '../window.test-double';
import { acceptCaseUseCase } from './accept-case.usecase';

describe('acceptCase', () => {
  it('accepts with the notice, the promised and statutory dates from today, and the steps (受理 done, 审查 active)', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const next = await acceptCaseUseCase(s.deps)({ id: c.id, expectedVersion: 1, opinion: '' }, CLERK, {});
    expect(next.status).toBe('processing');
    expect(next.clocks.acceptedDate).toBe('2026-03-02');
    // 10 working days after Monday 2026-03-02 (the day itself not counted): Monday 2026-03-16.
    expect(next.clocks.promised).toMatchObject({
      dueDate: '2026-03-16',
      limitWorkingDays: 10,
      startDate: '2026-03-02',
    });
    expect(next.clocks.promised?.skipped.map((d) => d.date)).toEqual([
      '2026-03-07',
      '2026-03-08',
      '2026-03-14',
      '2026-03-15',
    ]);
    expect(next.clocks.statutory?.dueDate).toBe('2026-03-30');
    expect(next.steps.map((x) => [x.name, x.state, x.dueDate])).toEqual([
      ['受理', 'done', '2026-03-03'],
      ['审查', 'active', '2026-03-10'],
      ['决定', 'pending', '2026-03-16'],
    ]);
    expect(s.documents.map((d) => [d.kind, d.caseStatus])).toEqual([['acceptance_notice', 'processing']]);
    expect(s.events).toEqual([
      expect.objectContaining({
        transition: 'accepted',
        documents: [expect.objectContaining({ kind: 'acceptance_notice' })],
      }),
    ]);
  });

  it('accepts a case received after the hall closed as from its day of receipt, also the same evening', async () => {
    // Monday 2026-03-02 at 18:00 in Beijing; the case was submitted at 17:30, so received on Tuesday 03-03.
    const s = windowSetup({ now: '2026-03-02T10:00:00Z' });
    const c = s.put(
      caseAtWindow({ clocks: { receivedDate: '2026-03-03', acceptedDate: '', noticeDueDate: '2026-03-10' } }),
    );
    const next = await acceptCaseUseCase(s.deps)({ id: c.id, expectedVersion: 1, opinion: '' }, CLERK, {});
    expect(next.clocks).toMatchObject({ receivedDate: '2026-03-03', acceptedDate: '2026-03-03' });
    // 10 working days after Tuesday 03-03: Tuesday 03-17.
    expect(next.clocks.promised).toMatchObject({ startDate: '2026-03-03', dueDate: '2026-03-17' });
  });

  it('counts a natural-day limit in natural days', async () => {
    const s = windowSetup({ edition: { promisedLimit: { days: 10, unit: 'natural_day' } } });
    const c = s.put(caseAtWindow());
    const next = await acceptCaseUseCase(s.deps)({ id: c.id, expectedVersion: 1, opinion: '' }, CLERK, {});
    expect(next.clocks.promised).toMatchObject({ dueDate: '2026-03-12', skipped: [] });
  });

  it('hands a joint item to joint review and an escalated one to the parent center, after TRANSITION_ACCEPTED', async () => {
    const joint = windowSetup({ edition: { handlingCategory: 'joint', coDepartments: ['620321-ZJJ'] } });
    const c = joint.put(caseAtWindow({ handlingCategory: 'joint' }));
    expect((await acceptCaseUseCase(joint.deps)({ id: c.id, expectedVersion: 1, opinion: '' }, CLERK, {})).status).toBe(
      'joint_review',
    );
    expect(joint.events.map((e) => [e.transition, e.coDepartments])).toEqual([
      ['accepted', undefined],
      ['joint_review_requested', ['620321-ZJJ']],
    ]);

    const up = windowSetup({ edition: { handlingCategory: 'escalated' } });
    const d = up.put(caseAtWindow({ handlingCategory: 'escalated' }));
    const escalated = await acceptCaseUseCase(up.deps)({ id: d.id, expectedVersion: 1, opinion: '' }, CLERK, {});
    expect(escalated.status).toBe('escalated');
    expect(escalated.steps.filter((x) => x.state === 'active')).toEqual([]);
    expect(up.events.map((e) => [e.transition, e.escalateTo])).toEqual([
      ['accepted', undefined],
      ['escalation_requested', '620300'],
    ]);
  });

  it('refuses the wrong state, a clerk of another department (not found) and another role (forbidden)', async () => {
    const s = windowSetup();
    const done = s.put(caseAtWindow({ status: 'processing' }));
    const accept = acceptCaseUseCase(s.deps);
    await expect(accept({ id: done.id, expectedVersion: 1, opinion: '' }, CLERK, {})).rejects.toMatchObject({
      code: 'WRONG_STATE',
      metadata: { currentStatus: 'processing' },
    });
    const c = s.put(caseAtWindow({ id: '7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a61' }));
    await expect(
      accept({ id: c.id, expectedVersion: 1, opinion: '' }, staff('rsj-clerk', ['window_clerk'], '620321-RSJ'), {}),
    ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(
      accept({ id: c.id, expectedVersion: 1, opinion: '' }, staff('yc-reviewer', ['reviewer']), {}),
    ).rejects.toBeInstanceOf(ForbiddenError);
    s.responsibility.value = { ...s.responsibility.value, username: 'yc-clerk-b', basis: 'b_post' };
    await expect(accept({ id: c.id, expectedVersion: 1, opinion: '' }, CLERK, {})).rejects.toMatchObject({
      code: 'NOT_WINDOW_RESPONSIBLE',
      message: expect.stringContaining('B岗'),
    });
    expect(s.events).toHaveLength(0);
  });
});
