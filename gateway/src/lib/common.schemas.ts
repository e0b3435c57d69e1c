import { Type, type TArray, type TSchema } from '@sinclair/typebox';

/** The problem+json body every route documents for its errors (lib/problem.ts). */
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

/** Shapes only: the services check the content (region structure, check characters, a department's tenant …). */
export const REGION_CODE = '^\\d{6}(\\d{3}(\\d{3})?)?$';
export const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
/** `<region>-<code>`, the code 2 to `maxCodeLength` of A-Z0-9 (each service says how long its codes may be). */
export const departmentCodePattern = (maxCodeLength: number) =>
  `^\\d{6}(\\d{3}(\\d{3})?)?-[A-Z0-9]{2,${maxCodeLength}}$`;

export const RegionCode = (description: string) => Type.String({ pattern: REGION_CODE, description });
export const DateString = (description: string) => Type.String({ pattern: DATE, description });
export const Timestamp = Type.String({ format: 'date-time' });

export const PageQuery = {
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: '每页条数，默认20' })),
  pageToken: Type.Optional(Type.String({ maxLength: 512, description: '上一页返回的 nextPageToken' })),
};
const NextPageToken = Type.Optional(Type.String({ description: '下一页的 pageToken；最后一页没有' }));
const Total = Type.Integer({ description: '总条数' });

/** A page of `key`: { [key]: T[], nextPageToken?, total }. */
export const pageOf = <K extends string, T extends TSchema>(key: K, item: T) =>
  Type.Object({
    ...({ [key]: Type.Array(item) } as { [P in K]: TArray<T> }),
    nextPageToken: NextPageToken,
    total: Total,
  });
