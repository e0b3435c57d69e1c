import { actsFor, deadlineState, isAppealOutcome, outcomeName } from './rectification-format';

describe('差评整改 on the workbench', () => {
  it('reads the deadline as the clerk needs it', () => {
    expect(deadlineState('2026-12-23', '2026-12-20', false)).toEqual({ text: '2026-12-23（剩 3 天）', late: false });
    expect(deadlineState('2026-12-23', '2026-12-23', false)).toEqual({ text: '2026-12-23（今日到期）', late: true });
    expect(deadlineState('2026-12-23', '2026-12-24', false)).toEqual({ text: '2026-12-23（已超期）', late: true });
    expect(deadlineState('2026-12-23', '2026-12-24', true)).toEqual({ text: '2026-12-23', late: false });
  });

  it('names outcomes and tells appeals apart', () => {
    expect(outcomeName('fix_by_date')).toBe('限期整改');
    expect(outcomeName('')).toBe('');
    expect(isAppealOutcome('appeal_malicious')).toBe(true);
    expect(isAppealOutcome('explained')).toBe(false);
  });

  it('offers the head, the handler and the supervision office their acts, each in its state', () => {
    const r = { status: 'open', handler: 'h1', department: '620321-SCJG' };
    const head = { username: 'head', roles: ['department_head'], department: '620321-SCJG' };
    const otherHead = { username: 'x', roles: ['department_head'], department: '620321-RSJ' };
    expect(actsFor(head, r)).toEqual({ assign: true, work: true, decide: false });
    expect(actsFor({ username: 'h1', roles: ['window_clerk'], department: '620321-SCJG' }, r)).toEqual({
      assign: false,
      work: true,
      decide: false,
    });
    expect(actsFor(otherHead, r)).toEqual({ assign: false, work: false, decide: false });
    const supervisor = { username: 's', roles: ['supervisor'] };
    expect(actsFor(supervisor, r)).toEqual({ assign: false, work: false, decide: false });
    expect(actsFor(supervisor, { ...r, status: 'appealed' })).toEqual({ assign: false, work: false, decide: true });
    expect(actsFor(head, { ...r, status: 'closed' })).toEqual({ assign: false, work: false, decide: false });
  });
});
