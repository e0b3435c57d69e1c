import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { ItemFacts, Items } from '../../usecases/ports';

/** What a joint review needs of an item edition, from the catalogue's public guide (editions never change). */
export class CatalogueItems implements Items {
  private readonly client: catalogueV1.CatalogueServiceClient;
  private readonly cache = new Map<string, ItemFacts>();

  constructor(
    address: string,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(catalogueV1.CatalogueServiceClient, address, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: ['GetGuide'],
    });
  }

  async get(itemId: string): Promise<ItemFacts | null> {
    const hit = this.cache.get(itemId);
    if (hit) return hit;
    let guide: catalogueV1.Guide | undefined;
    try {
      ({ guide } = await callUnary(
        this.client.getGuide.bind(this.client),
        { id: itemId },
        { deadlineMs: this.deadlineMs },
      ));
    } catch (e) {
      if (isServiceError(e) && (e.code === status.NOT_FOUND || e.code === status.INVALID_ARGUMENT)) return null;
      throw new UnavailableError('CATALOGUE_UNAVAILABLE', '事项目录暂时无法读取，请稍后重试');
    }
    const item = guide?.item;
    if (!item) return null;
    const facts: ItemFacts = {
      itemId: item.id,
      seriesId: item.seriesId,
      tenant: item.tenant,
      basicCode: item.basicCode,
      name: item.name,
      department: item.department,
      coDepartments: item.content?.coDepartments ?? [],
      promisedWorkingDays: item.content?.promisedLimit?.days ?? 0,
      joint: item.handlingCategory === catalogueV1.HandlingCategory.HANDLING_CATEGORY_JOINT,
    };
    this.cache.set(itemId, facts);
    return facts;
  }

  close(): void {
    this.client.close();
  }
}
