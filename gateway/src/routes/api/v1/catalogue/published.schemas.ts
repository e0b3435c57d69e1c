import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, pageOf } from '../../../../lib/common.schemas';
import { DEPARTMENT_CODE, KIND } from './catalogue.schemas';
import { OnlineDepth, ServiceLocation, TimeLimit } from './content.schemas';
import { HandlingCategory, Item } from './item.schemas';

export const SearchQuery = Type.Object(
  {
    tenant: Type.Optional(RegionCode('租户；不填则查所有租户')),
    near: Type.Optional(RegionCode('就近办理：申请人所在地区；只列该地区及其上级地区的事项，就近的在前')),
    department: Type.Optional(Type.String({ pattern: DEPARTMENT_CODE, description: '实施部门编码' })),
    kind: Type.Optional(Type.String({ pattern: KIND, description: '事项类型代码' })),
    handlingCategory: Type.Optional(HandlingCategory),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: '关键词：中文（如“食品”）或事项编码（基本编码、实施编码）',
      }),
    ),
    ...PageQuery,
    // The search pages at most 50 hits (SearchItems refuses more).
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: '每页条数，默认20，最多50' })),
  },
  { additionalProperties: false },
);

export const ItemSummary = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  name: Type.String(),
  basicCode: Type.String(),
  kind: Type.String(),
  handlingCategory: HandlingCategory,
  department: Type.String(),
  edition: Type.Integer(),
  promisedLimit: Type.Optional(TimeLimit),
  onlineDepth: OnlineDepth,
  score: Type.Number({ description: '匹配度，越大越靠前' }),
});
export type ItemSummary = Static<typeof ItemSummary>;

export const SearchPage = pageOf('items', ItemSummary);

/** What the public reads of an item: no staff identities, no review comments. */
export const PublishedItem = Type.Omit(Item, ['createdBy', 'submittedBy', 'reviews']);
export type PublishedItem = Static<typeof PublishedItem>;

export const Guide = Type.Object({
  item: PublishedItem,
  departmentName: Type.String({ description: '实施部门名称' }),
  tenantName: Type.String({ description: '租户名称' }),
  coDepartmentNames: Type.Array(Type.String(), { description: '联办件的协办部门名称' }),
  center: Type.Optional(ServiceLocation),
});
export type Guide = Static<typeof Guide>;
