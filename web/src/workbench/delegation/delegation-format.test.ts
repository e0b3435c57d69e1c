import { dueText, legStateText, mayTransfer, nextStep, runningLeg, type DelegatedLeg } from './delegation-format';

const leg = (kind: DelegatedLeg['kind'], state: DelegatedLeg['state'], responsible?: string): DelegatedLeg => ({
  id: kind,
  kind,
  state,
  budgetWorkingDays: 2,
  startDate: '2026-12-01',
  dueDate: '2026-12-03',
  ...(responsible ? { responsible } : {}),
});
const clerk = { username: 'clerk-a', roles: ['window_clerk'] as never[], department: '620321-SLJ' };

describe('delegated case format', () => {
  it('counts the calendar days left to a due date, orange in the last three, red on and after it', () => {
    expect(dueText('2026-12-10', '2026-12-05')).toEqual({ color: 'green', text: '剩余 5 天' });
    expect(dueText('2026-12-08', '2026-12-05')).toEqual({ color: 'orange', text: '剩余 3 天' });
    expect(dueText('2026-12-05', '2026-12-05')).toEqual({ color: 'red', text: '今日到期' });
    expect(dueText('2026-12-01', '2026-12-05')).toEqual({ color: 'red', text: '已超期 4 天' });
    expect(dueText('2027-01-01', '2026-12-31')).toEqual({ color: 'orange', text: '剩余 1 天' });
    expect(dueText(undefined, '2026-12-05')).toBeUndefined();
  });

  it('names a leg’s state, a cancelled one as such', () => {
    expect(legStateText({ state: 'running' })).toBe('计时中');
    expect(legStateText({ state: 'finished', end: 'completed' })).toBe('已完成');
    expect(legStateText({ state: 'finished', end: 'cancelled' })).toBe('已撤销');
  });

  it('lets the transfer leg’s clerk and the center transfer a case at the center, nobody else', () => {
    const atCenter = { state: 'at_center' as const, legs: [leg('delegated_transfer', 'running', 'clerk-a')] };
    expect(runningLeg(atCenter)?.kind).toBe('delegated_transfer');
    expect(mayTransfer(clerk, atCenter)).toBe(true);
    expect(mayTransfer({ ...clerk, username: 'clerk-b' }, atCenter)).toBe(false);
    expect(mayTransfer({ ...clerk, roles: ['approver'] as never[] }, atCenter)).toBe(false);
    expect(mayTransfer({ ...clerk, username: 'admin', roles: ['center_admin'] as never[] }, atCenter)).toBe(true);
    expect(mayTransfer(clerk, { ...atCenter, state: 'at_department' })).toBe(false);
  });

  it('says what the department must decide, and the decision once made', () => {
    expect(nextStep({ state: 'at_department' })).toContain('作出决定');
    expect(
      nextStep({
        state: 'replying',
        decision: { outcome: 'denied', reasons: [], decidedBy: 'a' },
      }),
    ).toContain('不予许可');
  });
});
