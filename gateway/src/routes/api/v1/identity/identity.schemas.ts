import { Type, type SchemaOptions } from '@sinclair/typebox';
import { RegionCode, UUID, departmentCodePattern } from '../../../../lib/common.schemas';

/** Shapes only: the identity service checks the content (region structure, check characters …). */
/** A department's abbreviation as identity accepts it (department.ts): a letter, then 1 to 11 of A-Z0-9. */
export const ABBREVIATION = '[A-Z][A-Z0-9]{1,11}';
export const DEPARTMENT_CODE = departmentCodePattern(12, ABBREVIATION);
/** Identity's records (people, windows, grants …) are named by UUIDs. */
export const RECORD_ID = UUID;

/** A string from a fixed list: one `enum` keyword, so a wrong value gives one precise violation. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: SchemaOptions = {}) =>
  Type.Unsafe<T[number]>({ ...options, type: 'string', enum: values });

export const DepartmentCode = (description: string) => Type.String({ pattern: DEPARTMENT_CODE, description });
export const RecordId = (description: string) => Type.String({ pattern: RECORD_ID, description });

export const TenantParams = Type.Object(
  { code: RegionCode('租户（行政区划代码，6、9或12位）') },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: RecordId('记录标识') }, { additionalProperties: false });
