import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import type { ItemCatalogue } from '../../usecases/applicants.ports';

/** Where failures go: the gRPC status code and the tenant, never the request's people. */
export interface CatalogueLogger {
  warn(obj: object, msg: string): void;
}

/**
 * The catalogue's public, anonymous RPC FindPublishedItemCodes (ADR 0014). The client connects lazily: identity
 * starts, and serves everything but grants naming items, while the catalogue is down. Any failure to answer
 * (unreachable, deadline, an error of the catalogue) is UnavailableError: the grant is refused, not stored
 * unchecked.
 */
export class GrpcItemCatalogue implements ItemCatalogue {
  private readonly client: catalogueV1.CatalogueServiceClient;

  constructor(
    address: string,
    private readonly logger: CatalogueLogger,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(catalogueV1.CatalogueServiceClient, address, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: ['FindPublishedItemCodes'],
    });
  }

  async existingItemCodes(tenant: string, basicCodes: readonly string[]): Promise<ReadonlySet<string>> {
    try {
      const res = await callUnary<
        catalogueV1.FindPublishedItemCodesRequest,
        catalogueV1.FindPublishedItemCodesResponse
      >(
        this.client.findPublishedItemCodes.bind(this.client),
        { tenant, basicCodes: [...basicCodes] },
        { deadlineMs: this.deadlineMs },
      );
      return new Set(res.basicCodes);
    } catch (e) {
      this.logger.warn(
        { tenant, grpcCode: isServiceError(e) ? e.code : undefined, err: e },
        'catalogue item code lookup failed',
      );
      throw new UnavailableError('CATALOGUE_UNAVAILABLE', '暂时无法核对事项目录，请稍后再试');
    }
  }

  close(): void {
    this.client.close();
  }
}
