import { newBankTxnId, receiptCode, receiptNumber } from './receipt';

describe('receipt identifiers', () => {
  it('makes an 8-digit receipt code: region, class, kind, two-digit year', () => {
    expect(receiptCode({ region: '11', year: 2026 })).toBe('11010126');
    expect(receiptCode({ region: '34', receiptClass: '02', receiptKind: '05', year: 2030 })).toBe('34020530');
    expect(receiptCode({ region: '44', year: 2100 })).toMatch(/^\d{8}$/);
  });

  it('refuses parts that would not make 8 digits', () => {
    expect(() => receiptCode({ region: '1', year: 2026 })).toThrow(RangeError);
    expect(() => receiptCode({ region: 'AB', year: 2026 })).toThrow(RangeError);
  });

  it('makes a 10-digit receipt number from a sequence', () => {
    expect(receiptNumber(1)).toBe('0000000001');
    expect(receiptNumber(1234567)).toBe('0001234567');
    expect(receiptNumber(9_999_999_999)).toBe('9999999999');
  });

  it('refuses a sequence outside 1..9999999999', () => {
    for (const bad of [0, -1, 1.5, 10_000_000_000, Number.NaN]) {
      expect(() => receiptNumber(bad)).toThrow(RangeError);
    }
  });

  it('makes bank transaction ids the protocol accepts, stamped with the time', () => {
    const ids = Array.from({ length: 200 }, () => newBankTxnId(new Date('2026-12-05T08:09:10.123Z')));

    for (const id of ids) expect(id).toMatch(/^SI20261205080910\d{6}$/);
    expect(ids[0]).toMatch(/^[A-Za-z0-9-]{1,64}$/);
    expect(new Set(ids).size).toBeGreaterThan(190);
  });
});
