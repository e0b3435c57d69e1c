import { parseRegionCode } from './region-code';
import { fail, ok, type IdentifierResult } from './result';

/** A valid 统一社会信用代码 (GB 32100-2015) split into its parts. */
export interface CreditCode {
  /** 18 characters, upper-case. */
  normalized: string;
  /** Character 1: 登记管理部门代码 (e.g. 9 工商, 5 民政, 1 机构编制). */
  registrationAuthority: string;
  /** Character 2: 机构类别代码 (e.g. 1 企业, 2 个体工商户 under authority 9). */
  entityType: string;
  /** Characters 3-8: 登记管理机关行政区划码. */
  regionCode: string;
  /** Characters 9-17: 组织机构代码 (GB 11714), including its own check character. */
  organizationCode: string;
}

/** The 31 characters allowed, in value order (no I, O, S, V, Z). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Region part of codes issued by national registration authorities (e.g. 民政部 for national associations). */
const NATIONAL_REGISTRATION = '100000';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character of the first 17 characters of a credit code (which must be from the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CODE_ALPHABET.indexOf(first17[i] as string), 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** Check character of the first 8 characters of an organization code (GB 11714): 0-9 or X. */
export function organizationCodeCheckCharacter(first8: string): string {
  const sum = ORG_WEIGHTS.reduce((acc, w, i) => acc + w * parseInt(first8[i] as string, 36), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : String(check % 11);
}

/**
 * Validates a unified social credit code: 18 characters from the GB 32100 alphabet (lower case accepted),
 * a region code in characters 3-8, the organization code's own check character and the code's check character.
 */
export function parseCreditCode(input: string): IdentifierResult<CreditCode> {
  const value = (input ?? '').trim().toUpperCase();
  if (value === '') return fail('REQUIRED', '请填写统一社会信用代码');
  const chars = [...value];
  const length = chars.length;
  if (length !== 18) return fail('LENGTH', `统一社会信用代码应为18位，当前为${length}位`);
  for (let i = 0; i < 18; i++) {
    const ch = chars[i] as string;
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      return fail('ALPHABET', `统一社会信用代码第${i + 1}位“${ch}”无效：只能使用数字和除I、O、S、V、Z以外的大写字母`);
    }
  }

  const regionCode = value.slice(2, 8);
  if (regionCode !== NATIONAL_REGISTRATION && !parseRegionCode(regionCode).ok) {
    return fail('REGION', `统一社会信用代码第3至8位 ${regionCode} 不是有效的行政区划代码`);
  }

  const organizationCode = value.slice(8, 17);
  const orgExpected = organizationCodeCheckCharacter(organizationCode.slice(0, 8));
  const orgActual = organizationCode[8] as string;
  if (orgExpected !== orgActual) {
    return fail(
      'ORGANIZATION_CODE_CHECK',
      `统一社会信用代码中的组织机构代码（第9至17位）${organizationCode} 校验码应为${orgExpected}，实际为${orgActual}`,
    );
  }

  const expected = creditCodeCheckCharacter(value.slice(0, 17));
  const actual = value[17] as string;
  if (expected !== actual) {
    return fail('CHECK_CHARACTER', `统一社会信用代码校验码应为${expected}，实际为${actual}，请核对代码是否抄错`);
  }

  return ok({
    normalized: value,
    registrationAuthority: value[0] as string,
    entityType: value[1] as string,
    regionCode,
    organizationCode,
  });
}
