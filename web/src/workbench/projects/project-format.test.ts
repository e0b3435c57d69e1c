import { fenOfWan, wanText } from './project-format';

describe('project amounts', () => {
  it('turns 万元 into integer fen and back', () => {
    expect(fenOfWan(12000)).toBe(12_000_000_000);
    expect(fenOfWan(0.01)).toBe(10_000);
    expect(fenOfWan(1.13)).toBe(1_130_000);
    expect(wanText(12_000_000_000)).toBe('12,000万元');
    expect(wanText(1_130_000)).toBe('1.13万元');
    expect(wanText(5)).toBe('0.000005万元');
    expect(wanText(0)).toBe('未填写');
  });
});
