import { legDueDate, linesOf, transferErrorText } from './escalation-format';
import type { Escalation } from '../../api/types';

const leg = (state: 'running' | 'finished', dueDate: string) =>
  ({ id: dueDate, kind: 'escalation_forward', department: 'd', budgetWorkingDays: 1, state, dueDate }) as const;

describe('escalation format', () => {
  it('names a transfer error in Chinese, an unknown one with its code', () => {
    expect(transferErrorText('PARENT_UNAVAILABLE')).toContain('自动重试');
    expect(transferErrorText('ODD_CODE')).toBe('报送未成功（ODD_CODE），系统正在自动重试');
  });
  it('takes the running leg’s due date, else the latest leg’s', () => {
    const e = (legs: ReturnType<typeof leg>[]) => ({ legs }) as unknown as Escalation;
    expect(legDueDate(e([leg('finished', '2026-12-01'), leg('running', '2026-12-09')]))).toBe('2026-12-09');
    expect(legDueDate(e([leg('finished', '2026-12-01'), leg('finished', '2026-12-03')]))).toBe('2026-12-03');
    expect(legDueDate(e([]))).toBeUndefined();
  });
  it('splits reasons one per line, dropping blank lines', () => {
    expect(linesOf(' 缺少平面图\n\n 缺少承诺书 \n')).toEqual(['缺少平面图', '缺少承诺书']);
    expect(linesOf(undefined)).toEqual([]);
  });
});
