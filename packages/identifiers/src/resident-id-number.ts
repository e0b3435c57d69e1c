import { chinaDate } from './china-date';
import { parseRegionCode } from './region-code';
import { fail, ok, type IdentifierResult } from './result';

/** A valid 居民身份证号码 (GB 11643-1999) and what it encodes. */
export interface ResidentId {
  /** 18 characters, check character upper-case. */
  normalized: string;
  /** Region of first registration (first 6 digits). */
  regionCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** From the 17th digit: odd male, even female. */
  sex: 'male' | 'female';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11] as string;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Validates a resident ID number: 18 characters, 17 digits and a check character (a lower-case x is accepted
 * as X), a county-level region code, a real birth date between 1900-01-01 and `today`, and the check character.
 */
export function parseResidentIdNumber(input: string, today: Date = new Date()): IdentifierResult<ResidentId> {
  const value = (input ?? '').trim().toUpperCase();
  if (value === '') return fail('REQUIRED', '请填写身份证号码');
  const chars = [...value];
  const length = chars.length;
  if (length !== 18) return fail('LENGTH', `身份证号码应为18位，当前为${length}位`);
  for (let i = 0; i < 18; i++) {
    const ch = chars[i] as string;
    const allowed = /\d/.test(ch) || (i === 17 && ch === 'X');
    if (!allowed) {
      const rule = i === 17 ? '第18位应为数字或X' : '前17位应为数字';
      return fail('ALPHABET', `身份证号码第${i + 1}位“${ch}”无效：${rule}`);
    }
  }

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(year, month, day)) return fail('BIRTH_DATE', `出生日期 ${birthDate} 不存在`);
  if (year < 1900) return fail('BIRTH_DATE', `出生日期 ${birthDate} 早于1900年，请核对身份证号码`);
  if (birthDate > chinaDate(today)) return fail('BIRTH_DATE', `出生日期 ${birthDate} 晚于今天，请核对身份证号码`);

  const regionCode = value.slice(0, 6);
  const region = parseRegionCode(regionCode);
  if (!region.ok || (region.value.level !== 'district' && region.value.level !== 'county')) {
    return fail('REGION', `身份证号码前6位 ${regionCode} 不是有效的县级行政区划代码`);
  }

  const expected = residentIdCheckCharacter(value.slice(0, 17));
  const actual = value[17] as string;
  if (expected !== actual) {
    return fail('CHECK_CHARACTER', `身份证号码校验码应为${expected}，实际为${actual}，请核对号码是否抄错`);
  }

  return ok({ normalized: value, regionCode, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' });
}
