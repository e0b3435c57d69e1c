import { catalogueV1 } from '@govhall/proto';
import type { DraftItemBody, ItemResponse } from './item.schemas';

const CATEGORIES: Record<number, ItemResponse['handlingCategory']> = {
  [catalogueV1.HandlingCategory.HANDLING_CATEGORY_IMMEDIATE]: 'immediate',
  [catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED]: 'promised',
  [catalogueV1.HandlingCategory.HANDLING_CATEGORY_JOINT]: 'joint',
  [catalogueV1.HandlingCategory.HANDLING_CATEGORY_ESCALATED]: 'escalated',
};
const STATUSES: Record<number, ItemResponse['status']> = {
  [catalogueV1.ItemStatus.ITEM_STATUS_DRAFT]: 'draft',
  [catalogueV1.ItemStatus.ITEM_STATUS_SUBMITTED]: 'submitted',
  [catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED]: 'published',
  [catalogueV1.ItemStatus.ITEM_STATUS_SUPERSEDED]: 'superseded',
  [catalogueV1.ItemStatus.ITEM_STATUS_RETIRED]: 'retired',
};

export function categoryToProto(c: DraftItemBody['handlingCategory']): catalogueV1.HandlingCategory {
  const entry = Object.entries(CATEGORIES).find(([, v]) => v === c);
  return Number(entry?.[0] ?? 0);
}

export function itemToRest(item: catalogueV1.Item): ItemResponse {
  return {
    id: item.id,
    tenant: item.tenant,
    name: item.name,
    basicCode: item.basicCode,
    kind: item.kind,
    handlingCategory: CATEGORIES[item.handlingCategory] ?? 'promised',
    department: item.department,
    status: STATUSES[item.status] ?? 'draft',
    version: item.version,
    createdAt: (item.createdAt ?? new Date(0)).toISOString(),
    updatedAt: (item.updatedAt ?? new Date(0)).toISOString(),
  };
}
