import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, pageOf, SafeText, Timestamp } from '../../../../../lib/common.schemas';
import { Department, MatterClockView, Tenant, USERNAME } from '../supervision.schemas';
import { orderState, orderTargetKind } from './orders.enums';

const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

export const OrderStateName = literals(
  orderState.values,
  '督办状态：issued 待办理、replied 已答复、returned 已退回、closed 已办结',
);
export const OrderTargetKindName = literals(
  orderTargetKind.values,
  '督办对象：case 办件、department 部门、window 窗口',
);

/** As the service derives it: ord-<32 hex>. */
const ORDER_ID = '^ord-[0-9a-f]{32}$';
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: '读取时的版本（乐观并发）' });

export const OrderParams = Type.Object(
  { id: Type.String({ pattern: ORDER_ID, description: '督办事项标识' }) },
  { additionalProperties: false },
);

export const OrdersQuery = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    includeSubordinates: Type.Optional(Type.Boolean({ description: '同时包括下级租户；从不包括同级' })),
    state: Type.Optional(OrderStateName),
    responsibleDepartment: Type.Optional(Department),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrdersQuery = Static<typeof OrdersQuery>;

export const IssueOrderBody = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    targetKind: OrderTargetKindName,
    targetId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: '督办对象：办件标识、部门编码或窗口标识' }),
    subject: SafeText(1, 100, '督办事由'),
    requirement: SafeText(1, 2000, '督办要求', true),
    deadlineWorkingDays: Type.Integer({ minimum: 1, maximum: 60, description: '办理期限（工作日，自督办次日起算）' }),
    responsibleDepartment: Department,
    responsiblePerson: Type.Optional(
      Type.String({ pattern: USERNAME, description: '责任人（工作人员用户名）；不填：由责任部门负责人答复' }),
    ),
    requestId: Type.String({
      pattern: '^[A-Za-z0-9_-]{8,64}$',
      description: '幂等键：重试时用同一个值，得到第一次的结果',
    }),
  },
  { additionalProperties: false },
);
export const ReplyBody = Type.Object(
  { text: SafeText(1, 2000, '办理情况', true), version: Version },
  { additionalProperties: false },
);
export const CloseBody = Type.Object(
  { note: Type.Optional(SafeText(0, 2000, '办结意见', true)), version: Version },
  { additionalProperties: false },
);
export const ReturnBody = Type.Object(
  { reason: SafeText(1, 2000, '退回理由', true), version: Version },
  { additionalProperties: false },
);

const ReplyView = Type.Object({ text: Type.String(), by: Type.String(), at: Timestamp, date: Type.String() });
const ReturnView = Type.Object({ reason: Type.String(), by: Type.String(), at: Timestamp });

export const OrderView = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  targetKind: OrderTargetKindName,
  targetId: Type.String(),
  subject: Type.String(),
  requirement: Type.String(),
  deadlineWorkingDays: Type.Integer(),
  responsibleDepartment: Type.String(),
  responsiblePerson: Type.Optional(Type.String()),
  state: OrderStateName,
  issuedBy: Type.String(),
  issuedAt: Timestamp,
  issuedDate: Type.String(),
  replies: Type.Array(ReplyView),
  returns: Type.Array(ReturnView),
  closedBy: Type.Optional(Type.String()),
  closedAt: Type.Optional(Timestamp),
  closingNote: Type.Optional(Type.String()),
  version: Type.Integer(),
});
export type OrderView = Static<typeof OrderView>;

export const OrderAnswer = Type.Object({ order: OrderView, clock: MatterClockView });
export const OrderPage = pageOf('orders', OrderView);

export const ImportBody = Type.Object(
  {
    tenant: Type.Optional(Tenant),
    content: Type.String({ minLength: 1, maxLength: 2 * 1024 * 1024, description: '历史办件，JSON Lines（每行一件）' }),
    firstLine: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000_000, description: '分批导入时此批之前的行数' }),
    ),
  },
  { additionalProperties: false },
);
export const ImportAnswer = Type.Object({
  imported: Type.Integer({ description: '本次导入的件数' }),
  alreadyImported: Type.Integer({ description: '此前已导入（未改动）的件数' }),
  rejected: Type.Array(
    Type.Object({ line: Type.Integer(), field: Type.Optional(Type.String()), message: Type.String() }),
    { description: '未导入的行：行号、字段和原因' },
  ),
});
