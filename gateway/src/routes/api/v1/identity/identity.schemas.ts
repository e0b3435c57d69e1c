import { Type, type SchemaOptions } from '@sinclair/typebox';
import { RegionCode, UUID, departmentCodePattern, hintedPattern } from '../../../../lib/common.schemas';

/** Shapes only: the identity service checks the content (region structure, check characters …). */
/** A department's abbreviation as identity accepts it (department.ts): a letter, then 1 to 11 of A-Z0-9. */
export const ABBREVIATION = '[A-Z][A-Z0-9]{1,11}';
export const ABBREVIATION_PATTERN = hintedPattern(
  `^${ABBREVIATION}$`,
  '部门简称应为2至12位大写字母或数字，以大写字母开头，如 SCJG',
);
export const DEPARTMENT_CODE = departmentCodePattern(12, ABBREVIATION);
/** Identity's records (people, windows, grants …) are named by UUIDs. */
export const RECORD_ID = UUID;

/*
 * Identifiers with check characters, written as exactly as a pattern can say (the identity service upper-cases
 * them, so a lower-case x or letter is accepted). The edge answers a wrong length or alphabet itself; the service
 * checks what no pattern can (birth date, region, GB 32100 authority and type, check character) and names the
 * reason (BIRTH_DATE, REGION, CHECK_CHARACTER …). gateway/README.md, "Validation", records why.
 */
/** 居民身份证号码 (GB 11643): 17 digits and a digit or X. */
export const ID_NUMBER = hintedPattern(
  '^[0-9]{17}[0-9Xx]$',
  '身份证号码应为18位，前17位为数字，第18位为数字或X（不含空格）',
);
/** 统一社会信用代码 (GB 32100): 18 of the 31 characters 0-9, A-Z without I, O, S, V, Z. */
export const CREDIT_CODE = hintedPattern(
  '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$',
  '统一社会信用代码应为18位数字或大写字母（不使用 I、O、S、V、Z，不含空格）',
);
/** A basic item code (事项基本编码), as identity checks it in agent grants. */
export const ITEM_CODE = hintedPattern('^[0-9A-Z]{12}$', '事项基本编码应为12位数字或大写字母');
/** A mobile number, as a natural person registers with (natural-person.ts MOBILE). */
export const MOBILE = hintedPattern('^1[3-9][0-9]{9}$', '手机号码应为11位数字，以1开头，第二位为3至9');
/** A staff member's phone: a mobile number or a landline with its area code (staff.ts PHONE). */
export const STAFF_PHONE = hintedPattern(
  '^(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$',
  '电话应为11位手机号码，或带区号的固定电话（如 0935-8212345）',
);
/** A password identity accepts (passwordViolation): 8 to 64 characters with a letter and a digit. */
export const PASSWORD = hintedPattern('^(?=[\\s\\S]*[A-Za-z])(?=[\\s\\S]*[0-9])', '密码应同时包含字母和数字');

/** A string from a fixed list: one `enum` keyword, so a wrong value gives one precise violation. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: SchemaOptions = {}) =>
  Type.Unsafe<T[number]>({ ...options, type: 'string', enum: values });

export const DepartmentCode = (description: string) => Type.String({ pattern: DEPARTMENT_CODE, description });
export const RecordId = (description: string) => Type.String({ pattern: RECORD_ID, description });
export const IdNumber = (description: string) => Type.String({ pattern: ID_NUMBER, description });
export const CreditCode = (description: string) => Type.String({ pattern: CREDIT_CODE, description });
export const ItemCode = (description: string) => Type.String({ pattern: ITEM_CODE, description });
export const Password = (description: string) =>
  Type.String({ minLength: 8, maxLength: 64, pattern: PASSWORD, description });

export const TenantParams = Type.Object(
  { code: RegionCode('租户（行政区划代码，6、9或12位）') },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: RecordId('记录标识') }, { additionalProperties: false });
