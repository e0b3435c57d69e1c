/** 110101199003071234 → 1101**********1234 (keeps region prefix and last 4, as lists show them). */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13912345678 → 139****5678 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

const ID_PATTERN = /\b\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]\b/g;
const PHONE_PATTERN = /\b1[3-9]\d{9}\b/g;

/** Masks every mainland ID number and mobile number inside free text. */
export function maskText(text: string): string {
  return text.replace(ID_PATTERN, maskIdNumber).replace(PHONE_PATTERN, maskPhone);
}
