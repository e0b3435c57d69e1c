import { Type, type Static } from '@sinclair/typebox';

export const HandlingCategory = Type.Union(
  [Type.Literal('immediate'), Type.Literal('promised'), Type.Literal('joint'), Type.Literal('escalated')],
  { description: '办件类型：即办件 immediate / 承诺件 promised / 联办件 joint / 上报件 escalated' },
);

export const DraftItemBody = Type.Object(
  {
    tenant: Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$', description: '行政区划代码' }),
    name: Type.String({ minLength: 2, maxLength: 100, description: '事项名称' }),
    basicCode: Type.String({ pattern: '^[0-9A-Z]{12}$', description: '基本编码（12位）' }),
    kind: Type.String({ pattern: '^(0[1-9]|10|20)$', description: '事项类型代码' }),
    handlingCategory: HandlingCategory,
    department: Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?-[A-Z0-9]{2,16}$', description: '实施部门编码' }),
  },
  { additionalProperties: false },
);
export type DraftItemBody = Static<typeof DraftItemBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: '幂等键：重试同一请求时保持不变' }),
});

export const ItemParams = Type.Object(
  { id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) },
  { additionalProperties: false },
);

export const ItemResponse = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  name: Type.String(),
  basicCode: Type.String(),
  kind: Type.String(),
  handlingCategory: HandlingCategory,
  department: Type.String(),
  status: Type.Union([
    Type.Literal('draft'),
    Type.Literal('submitted'),
    Type.Literal('published'),
    Type.Literal('superseded'),
    Type.Literal('retired'),
  ]),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ItemResponse = Static<typeof ItemResponse>;

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
