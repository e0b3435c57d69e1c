import type { ActingCall } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';

/**
 * Every published item of a tenant (the staff view, page after page) through the catalogue's ListItems, as the named
 * staff login. fromPartial: ts-proto's encode writes a missing string field as "undefined", and a keyword filter then
 * matched nothing.
 */
export async function listPublishedItems(
  call: ActingCall,
  client: catalogueV1.CatalogueServiceClient,
  tenant: string,
  as: string,
): Promise<catalogueV1.Item[]> {
  const items: catalogueV1.Item[] = [];
  let pageToken = '';
  do {
    const res = await call<catalogueV1.ListItemsRequest, catalogueV1.ListItemsResponse>(
      'ListItems',
      client.listItems,
      catalogueV1.ListItemsRequest.fromPartial({
        tenant,
        status: catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED,
        page: { pageSize: 100, pageToken },
      }),
      as,
    );
    items.push(...res.items);
    pageToken = res.page?.nextPageToken ?? '';
  } while (pageToken);
  return items;
}
