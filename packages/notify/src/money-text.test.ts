import { yuanOfFen } from './money-text';

describe('yuanOfFen', () => {
  it('prints fen as yuan with two decimals by integer arithmetic', () => {
    expect(yuanOfFen(0)).toBe('0.00');
    expect(yuanOfFen(1)).toBe('0.01');
    expect(yuanOfFen(10)).toBe('0.10');
    expect(yuanOfFen(100)).toBe('1.00');
    expect(yuanOfFen(55_010)).toBe('550.10');
    expect(yuanOfFen(-5)).toBe('-0.05');
    // Where fen / 100 in floating point goes wrong, and beyond the safe integers with a bigint.
    expect(yuanOfFen(1_000_000_000_000_007)).toBe('10000000000000.07');
    expect(yuanOfFen(123_456_789_012_345_678_901n)).toBe('1234567890123456789.01');
  });

  it('refuses what is not a whole number of fen', () => {
    expect(() => yuanOfFen(1.5)).toThrow(RangeError);
    expect(() => yuanOfFen(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => yuanOfFen(Number.NaN)).toThrow(RangeError);
  });
});
