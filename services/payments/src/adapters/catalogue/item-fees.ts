import { status } from '@grpc/grpc-js';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import type { ItemFeeLine, ItemFees } from '../../usecases/ports';

/** An item edition's fee lines from the catalogue's public guide (editions never change: cached). */
export class CatalogueItemFees implements ItemFees {
  private readonly client: catalogueV1.CatalogueServiceClient;
  private readonly cache = new Map<string, ItemFeeLine[]>();

  constructor(
    address: string,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(catalogueV1.CatalogueServiceClient, address, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: ['GetGuide'],
    });
  }

  async linesOf(itemId: string): Promise<ItemFeeLine[] | null> {
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
    if (!guide?.item) return null;
    const lines = (guide.item.content?.fees ?? []).map((f) => ({
      feeCode: f.feeCode.trim().toUpperCase(),
      name: f.name,
      reductions: f.reductions,
    }));
    this.cache.set(itemId, lines);
    return lines;
  }

  close(): void {
    this.client.close();
  }
}
