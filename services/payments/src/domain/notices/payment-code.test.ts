import { isPaymentCode, paymentCodeFrom } from './payment-code';

describe('payment codes', () => {
  it('appends the Luhn check digit (known value) and accepts the result', () => {
    // 7992739871 → check digit 3 (the textbook Luhn example), padded to 19 digits with leading zeros.
    expect(paymentCodeFrom('0000000007992739871')).toBe('00000000079927398713');
    expect(isPaymentCode('00000000079927398713')).toBe(true);
  });

  it('refuses a code with one digit mistyped or two neighbours swapped', () => {
    const code = paymentCodeFrom('6203212026120500012');
    expect(isPaymentCode(code)).toBe(true);
    const typo = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}${code.slice(6)}`;
    expect(isPaymentCode(typo)).toBe(false);
    const swapped = `${code.slice(0, 10)}${code[11]}${code[10]}${code.slice(12)}`;
    if (code[10] !== code[11]) expect(isPaymentCode(swapped)).toBe(false);
    expect(isPaymentCode(code.slice(1))).toBe(false);
    expect(isPaymentCode(`${code.slice(0, 19)}x`)).toBe(false);
  });

  it('takes only 19 digits', () => {
    expect(() => paymentCodeFrom('123')).toThrow(RangeError);
  });
});
