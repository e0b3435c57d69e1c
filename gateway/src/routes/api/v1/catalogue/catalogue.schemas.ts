import { Type } from '@sinclair/typebox';
import { departmentCodePattern } from '../../../../lib/common.schemas';

/** A string from a proto enum's REST spellings: one `enum` keyword, so a wrong value gives one violation. */
export const EnumOf = <R extends string>(mapping: { values: readonly R[] }, description: string) =>
  Type.Unsafe<R>({ type: 'string', enum: [...mapping.values], description });

/** Shapes only: the catalogue checks the content (region structure, the tenant of a department …). */
export const DEPARTMENT_CODE = departmentCodePattern(16);
export const KIND = '^(0[1-9]|10|20)$';
