import { Type, type Static } from '@sinclair/typebox';
import { handlingCategory, itemStatus } from './catalogue.enums';
import { PageQuery, RegionCode, SafeText, Timestamp, UUID, pageOf } from '../../../../lib/common.schemas';
import { DEPARTMENT_CODE, EnumOf, KIND } from './catalogue.schemas';
import { ItemContent, ItemContentInput } from './content.schemas';

export const HandlingCategory = EnumOf(
  handlingCategory,
  '办件类型：即办件 immediate / 承诺件 promised / 联办件 joint / 上报件 escalated',
);
export const ItemStatus = EnumOf(
  itemStatus,
  '状态：草稿 draft / 待审核 submitted / 已发布 published / 已被新版本替代 superseded / 已废止 retired',
);

const identityFields = {
  name: SafeText(2, 100, '事项名称'),
  basicCode: Type.String({ pattern: '^[0-9A-Z]{12}$', description: '基本编码（12位）' }),
  kind: Type.String({ pattern: KIND, description: '事项类型代码：01许可 … 10其他，20公共服务' }),
  handlingCategory: HandlingCategory,
  department: Type.String({ pattern: DEPARTMENT_CODE, description: '实施部门编码，如 620321-SCJG' }),
};

export const DraftItemBody = Type.Object(
  { tenant: RegionCode('行政区划代码'), ...identityFields },
  { additionalProperties: false },
);
export type DraftItemBody = Static<typeof DraftItemBody>;

const ExpectedVersion = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: '读取时的事项版本 version（乐观并发）',
});

export const UpdateDraftItemBody = Type.Object(
  {
    ...identityFields,
    content: ItemContentInput,
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false, description: '整体替换草稿的标识字段和实施清单要素；content 中未填的字段为空' },
);

export const SubmitItemBody = Type.Object({ expectedVersion: ExpectedVersion }, { additionalProperties: false });

export const ReviewItemBody = Type.Object(
  {
    approve: Type.Boolean({ description: 'true 通过并发布；false 退回草稿' }),
    comments: Type.Optional(SafeText(0, 500, '审核意见；退回时必填（2至500字）', true)),
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false },
);

export const DeleteDraftQuery = Type.Object({ expectedVersion: ExpectedVersion }, { additionalProperties: false });

export const DeletedItem = Type.Object({ id: Type.String({ description: '已删除的草稿标识' }) });

export const RetireItemBody = Type.Object(
  {
    reason: SafeText(2, 200, '废止理由'),
    expectedVersion: ExpectedVersion,
  },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: '幂等键：重试同一请求时保持不变' }),
});

const ITEM_ID = UUID;
export const ItemParams = Type.Object({ id: Type.String({ pattern: ITEM_ID }) }, { additionalProperties: false });
export const DiffParams = Type.Object(
  {
    from: Type.String({ pattern: ITEM_ID, description: '旧版本的事项标识' }),
    to: Type.String({ pattern: ITEM_ID, description: '新版本的事项标识' }),
  },
  { additionalProperties: false },
);

export const ListItemsQuery = Type.Object(
  {
    tenant: RegionCode('租户（行政区划代码）'),
    status: Type.Optional(ItemStatus),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: '关键词：事项名称中的字词，或基本编码的开头几位' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const Review = Type.Object({
  approved: Type.Boolean(),
  comments: Type.String(),
  reviewer: Type.String({ description: '审核人的用户标识' }),
  at: Timestamp,
});

export const Item = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  ...identityFields,
  status: ItemStatus,
  version: Type.Integer({ description: '文档版本：每次修改加1，写操作以 expectedVersion 带回' }),
  edition: Type.Integer({ description: '事项版本号（1、2……），同一事项各版本共用 seriesId' }),
  seriesId: Type.String(),
  previousId: Type.Optional(Type.String({ description: '复制自哪个版本；第一版没有' })),
  content: Type.Optional(ItemContent),
  reviews: Type.Array(Review, { description: '中心审核记录' }),
  createdBy: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Type.Optional(Timestamp),
  submittedBy: Type.Optional(Type.String({ description: '提交审核的管理员（审核人不能是本人）' })),
  publishedAt: Type.Optional(Timestamp),
  retiredReason: Type.Optional(Type.String()),
});
export type Item = Static<typeof Item>;

export const ItemPage = pageOf('items', Item);

export const FieldChange = Type.Object({
  path: Type.String({ description: '字段路径，如 content.promisedLimit.days、content.materials.2.name' }),
  before: Type.Optional(Type.Unknown({ description: '旧值；新增的字段没有' })),
  after: Type.Optional(Type.Unknown({ description: '新值；删除的字段没有' })),
});
export const Diff = Type.Object({ changes: Type.Array(FieldChange) });
export type Diff = Static<typeof Diff>;
