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

/** zhangsan@example.cn → z******n@example.cn (keeps the domain, the first and last character of the local part). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '*'.repeat(address.length);
  const local = address.slice(0, at);
  const masked =
    local.length <= 2 ? '*'.repeat(local.length) : local[0] + '*'.repeat(local.length - 2) + local.slice(-1);
  return masked + address.slice(at);
}

/**
 * A resident ID number inside text (18 characters, GB 11643 shape, not part of a longer digit run, letters around
 * it allowed), as a pattern source: maskText here and the log-line masking of @govhall/logging share it.
 */
export const ID_NUMBER_IN_TEXT = String.raw`(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])`;
/** A mobile number inside text (11 digits, not inside a word or a longer number; a JSON escape before it counts as a boundary). */
export const MOBILE_IN_TEXT = String.raw`(?<=^|[^0-9A-Za-z]|\\[nrt])1[3-9]\d{9}(?![0-9A-Za-z])`;

const ID_PATTERN = new RegExp(ID_NUMBER_IN_TEXT, 'g');
const PHONE_PATTERN = new RegExp(MOBILE_IN_TEXT, 'g');

/** Masks every mainland ID number and mobile number inside free text. */
export function maskText(text: string): string {
  return text.replace(ID_PATTERN, maskIdNumber).replace(PHONE_PATTERN, maskPhone);
}

/**
 * A person's name as public views show it (U31, C12): the surname kept, the rest hidden (张三 → 张*, 欧阳娜娜 →
 * 欧***). An organisation's name (4 or more characters ending in a legal form) keeps its first 3 and its legal
 * form: 永昌县金川河商贸有限公司 → 永昌县*****有限公司. Counts code points, so rare characters count once.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const form = ORGANISATION_FORMS.find((f) => name.endsWith(f) && chars.length > Array.from(f).length + 3);
  if (form) {
    const kept = Array.from(form).length;
    return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 3 - kept) + form;
  }
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

const ORGANISATION_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '合作社',
  '分公司',
  '中心',
  '协会',
  '公司',
  '厂',
  '店',
];
