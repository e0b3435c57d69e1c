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

/**
 * 登记管理部门代码 (character 1) and the 机构类别代码 (character 2) each of them issues: GB 32100-2015 附录A with the
 * authorities added since (A 中央军委改革和编制办公室, N 农业). 5 4 is the 基层群众性自治组织 (村民委员会, 居民委员会)
 * registered by 民政 since the Civil Code made them special legal persons.
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<
  Record<string, { name: string; types: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    name: '民政',
    types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '4': '基层群众性自治组织', '9': '其他' },
  },
  '6': {
    name: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { name: '其他', types: { '1': '其他' } },
};

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
 * Validates a unified social credit code: 18 characters from the GB 32100 alphabet (lower case accepted), a
 * registration authority in character 1 and one of its institution types in character 2, a region code in
 * characters 3-8, the organization code's own check character and the code's check character.
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

  const authority = CREDIT_CODE_AUTHORITIES[value[0] as string];
  if (!authority) {
    return fail(
      'REGISTRATION_AUTHORITY',
      `统一社会信用代码第1位“${value[0]}”不是登记管理部门代码（应为1至9、A、N或Y），请核对代码是否抄错`,
    );
  }
  if (!authority.types[value[1] as string]) {
    const allowed = Object.keys(authority.types).join('、');
    return fail(
      'ENTITY_TYPE',
      `统一社会信用代码第2位“${value[1]}”不是${authority.name}登记的机构类别（应为${allowed}），请核对代码是否抄错`,
    );
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
