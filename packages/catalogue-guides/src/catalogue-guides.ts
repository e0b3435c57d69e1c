import { status } from '@grpc/grpc-js';
import { LRUCache } from 'lru-cache';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';

export interface CatalogueGuidesOptions {
  /** Deadline of one GetGuide call (default 3 s). */
  deadlineMs?: number;
  /**
   * How many published or superseded editions to keep (default 500; 0: none). An edition's content never changes
   * once published, so a kept guide is never stale, except for its status (an edition may be retired): a caller
   * that must see the status now calls `current`.
   */
  cacheSize?: number;
}

/**
 * An item edition's public guide (the item and its department's and tenant's names) from the catalogue's GetGuide:
 * null when the catalogue does not know the id (NOT_FOUND, or an id it refuses), `UnavailableError`
 * `CATALOGUE_UNAVAILABLE` when it cannot answer (the caller's RPC answers UNAVAILABLE and may be retried).
 */
export class CatalogueGuides {
  private readonly client: catalogueV1.CatalogueServiceClient;
  private readonly kept: LRUCache<string, catalogueV1.Guide> | undefined;
  private readonly deadlineMs: number;

  constructor(address: string, options: CatalogueGuidesOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? 3_000;
    const size = options.cacheSize ?? 500;
    this.kept = size > 0 ? new LRUCache({ max: size }) : undefined;
    this.client = createGrpcClient(catalogueV1.CatalogueServiceClient, address, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: ['GetGuide'],
    });
  }

  /** The guide, from what was kept when it was read before. */
  async get(itemId: string): Promise<catalogueV1.Guide | null> {
    return this.kept?.get(itemId) ?? this.current(itemId);
  }

  /** The catalogue's answer now. */
  async current(itemId: string): Promise<catalogueV1.Guide | null> {
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
    const s = guide.item.status;
    if (s === catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED || s === catalogueV1.ItemStatus.ITEM_STATUS_SUPERSEDED) {
      this.kept?.set(itemId, guide);
    }
    return guide;
  }

  close(): void {
    this.client.close();
  }
}
