import { catalogueV1 } from '@govhall/proto';
import type { HandlingCategory, Item, ItemStatus } from '../../domain/item';

const { HandlingCategory: PbCategory, ItemStatus: PbStatus } = catalogueV1;

const CATEGORY_TO_PROTO: Record<HandlingCategory, catalogueV1.HandlingCategory> = {
  immediate: PbCategory.HANDLING_CATEGORY_IMMEDIATE,
  promised: PbCategory.HANDLING_CATEGORY_PROMISED,
  joint: PbCategory.HANDLING_CATEGORY_JOINT,
  escalated: PbCategory.HANDLING_CATEGORY_ESCALATED,
};

const STATUS_TO_PROTO: Record<ItemStatus, catalogueV1.ItemStatus> = {
  draft: PbStatus.ITEM_STATUS_DRAFT,
  submitted: PbStatus.ITEM_STATUS_SUBMITTED,
  published: PbStatus.ITEM_STATUS_PUBLISHED,
  superseded: PbStatus.ITEM_STATUS_SUPERSEDED,
  retired: PbStatus.ITEM_STATUS_RETIRED,
};

/** Unknown or unspecified enum values become '' so domain validation reports them. */
export function categoryFromProto(value: catalogueV1.HandlingCategory): string {
  const found = Object.entries(CATEGORY_TO_PROTO).find(([, v]) => v === value);
  return found ? found[0] : '';
}

export function toProtoItem(item: Item): catalogueV1.Item {
  return {
    id: item.id,
    tenant: item.tenant,
    name: item.name,
    basicCode: item.basicCode,
    kind: item.kind,
    handlingCategory: CATEGORY_TO_PROTO[item.handlingCategory],
    department: item.department,
    status: STATUS_TO_PROTO[item.status],
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    createdBy: item.createdBy,
  };
}
