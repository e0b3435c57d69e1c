import { coverage, per10000 } from './satisfaction-format';

describe('满意度统计 figures', () => {
  it('shows per-10 000 shares and coverage as percentages, a dash with nothing counted', () => {
    expect(per10000(9650)).toBe('96.50%');
    expect(per10000(10_000)).toBe('100.00%');
    expect(per10000(0, 0)).toBe('—');
    expect(coverage(1, 3)).toBe('33.3%');
    expect(coverage(0, 0)).toBe('—');
  });
});
