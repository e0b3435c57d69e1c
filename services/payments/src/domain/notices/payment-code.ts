/**
 * 缴款码: 20 digits, the last a Luhn check digit over the first 19, so a mistyped code is refused before any lookup.
 * The 19 digits come from a CSPRNG (the adapter); the store's unique index catches a repeat.
 */
export const PAYMENT_CODE = /^\d{20}$/;

function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Doubling starts at the rightmost digit of the body (the check digit will stand to its right).
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The code for 19 random digits. */
export function paymentCodeFrom(body: string): string {
  if (!/^\d{19}$/.test(body)) throw new RangeError('a payment code body is 19 digits');
  return `${body}${luhnDigit(body)}`;
}

/** Whether `code` is 20 digits with a correct check digit. */
export function isPaymentCode(code: string): boolean {
  return PAYMENT_CODE.test(code) && luhnDigit(code.slice(0, 19)) === code.charCodeAt(19) - 48;
}
