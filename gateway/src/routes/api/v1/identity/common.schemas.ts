import { Type, type SchemaOptions } from '@sinclair/typebox';
import { ProblemResponse } from '../catalogue/item.schemas';

export { ProblemResponse };

/** Shapes only: the identity service checks the content (region structure, check characters …). */
export const REGION_CODE = '^\\d{6}(\\d{3}(\\d{3})?)?$';
export const DEPARTMENT_CODE = '^\\d{6}(\\d{3}(\\d{3})?)?-[A-Z0-9]{2,12}$';
export const RECORD_ID = '^[A-Za-z0-9_-]{1,64}$';
export const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** A string from a fixed list: one `enum` keyword, so a wrong value gives one precise violation. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: SchemaOptions = {}) =>
  Type.Unsafe<T[number]>({ ...options, type: 'string', enum: values });

export const RegionCode = (description: string) => Type.String({ pattern: REGION_CODE, description });
export const DepartmentCode = (description: string) => Type.String({ pattern: DEPARTMENT_CODE, description });
export const RecordId = (description: string) => Type.String({ pattern: RECORD_ID, description });
export const DateString = (description: string) => Type.String({ pattern: DATE, description });
export const Timestamp = Type.String({ format: 'date-time' });

export const TenantParams = Type.Object(
  { code: RegionCode('租户（行政区划代码，6、9或12位）') },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: RecordId('记录标识') }, { additionalProperties: false });

export const PageQuery = {
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '每页条数，默认20' })),
  pageToken: Type.Optional(Type.String({ maxLength: 512, description: '上一页返回的 nextPageToken' })),
};

export const NextPageToken = Type.Optional(Type.String({ description: '下一页的 pageToken；最后一页没有' }));
export const Total = Type.Integer({ description: '总条数' });

/** Problem answers a route documents, e.g. problems(400, 401, 404). */
export function problems<C extends number>(...codes: C[]): Record<C, typeof ProblemResponse> {
  return Object.fromEntries(codes.map((c) => [c, ProblemResponse])) as Record<C, typeof ProblemResponse>;
}
