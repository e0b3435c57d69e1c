import { Type, type TArray, type TSchema } from '@sinclair/typebox';

export const ProblemResponse = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  instance: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(
    Type.Array(Type.Object({ path: Type.String(), message: Type.String(), reason: Type.Optional(Type.String()) })),
  ),
});

/** Problem answers a route documents, e.g. problems(400, 401, 404). */
export function problems<C extends number>(...codes: C[]): Record<C, typeof ProblemResponse> {
  return Object.fromEntries(codes.map((c) => [c, ProblemResponse])) as Record<C, typeof ProblemResponse>;
}

/** A string from a proto enum's REST spellings: one `enum` keyword, so a wrong value gives one violation. */
export const EnumOf = <R extends string>(mapping: { values: readonly R[] }, description: string) =>
  Type.Unsafe<R>({ type: 'string', enum: [...mapping.values], description });

/** Shapes only: the catalogue checks the content (region structure, the tenant of a department …). */
export const REGION_CODE = '^\\d{6}(\\d{3}(\\d{3})?)?$';
export const DEPARTMENT_CODE = '^\\d{6}(\\d{3}(\\d{3})?)?-[A-Z0-9]{2,16}$';
export const KIND = '^(0[1-9]|10|20)$';
export const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
export const Timestamp = Type.String({ format: 'date-time' });

export const PageQuery = {
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '每页条数，默认20' })),
  pageToken: Type.Optional(Type.String({ maxLength: 512, description: '上一页返回的 nextPageToken' })),
};
/** A page of `key`: { [key]: T[], nextPageToken?, total }. */
export const pageOf = <K extends string, T extends TSchema>(key: K, item: T) =>
  Type.Object({
    ...({ [key]: Type.Array(item) } as { [P in K]: TArray<T> }),
    nextPageToken: Type.Optional(Type.String({ description: '下一页的 pageToken；最后一页没有' })),
    total: Type.Integer({ description: '总条数' }),
  });
