import type { PasswordLogins } from '@govhall/auth';
import { actingCalls, createGrpcClient } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';

/**
 * How the catalogue seed reaches the catalogue: the service's own gRPC API, with real Keycloak access tokens of
 * the people it acts as. The seed never opens the catalogue's database (one writer process per service database).
 */

/** The item RPCs the seed calls, each as the named login (`as`). */
export interface CatalogueSeedApi {
  createDraftItem(request: catalogueV1.CreateDraftItemRequest, as: string): Promise<catalogueV1.Item>;
  updateDraftItem(request: catalogueV1.UpdateDraftItemRequest, as: string): Promise<catalogueV1.Item>;
  submitItem(request: catalogueV1.SubmitItemRequest, as: string): Promise<catalogueV1.Item>;
  reviewItem(request: catalogueV1.ReviewItemRequest, as: string): Promise<catalogueV1.Item>;
}

/**
 * The seed's API over the catalogue's gRPC service at `address`. CreateDraftItem carries an idempotency key and
 * is retried while the catalogue is briefly unreachable; the versioned writes are not (the seed reads the item
 * again on its next run instead).
 */
export function grpcCatalogueSeedApi(options: {
  address: string;
  logins: PasswordLogins;
  deadlineMs?: number;
}): CatalogueSeedApi & { close(): void } {
  const client = createGrpcClient(catalogueV1.CatalogueServiceClient, options.address, {
    serviceName: 'govhall.catalogue.v1.CatalogueService',
    idempotentMethods: ['CreateDraftItem'],
    maxAttempts: 5,
  });
  const deadlineMs = options.deadlineMs ?? 15_000;

  const acting = actingCalls(client, { logins: options.logins, deadlineMs });

  async function call<Req, Res extends { item?: catalogueV1.Item | undefined }>(
    rpc: string,
    method: Parameters<typeof acting<Req, Res>>[1],
    request: Req,
    as: string,
  ): Promise<catalogueV1.Item> {
    const res = await acting<Req, Res>(rpc, method, request, as);
    if (!res.item) throw new Error(`${rpc}: the answer holds no item`);
    return res.item;
  }

  return {
    createDraftItem: (request, as) =>
      call<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
        'CreateDraftItem',
        client.createDraftItem,
        request,
        as,
      ),
    updateDraftItem: (request, as) =>
      call<catalogueV1.UpdateDraftItemRequest, catalogueV1.UpdateDraftItemResponse>(
        'UpdateDraftItem',
        client.updateDraftItem,
        request,
        as,
      ),
    submitItem: (request, as) =>
      call<catalogueV1.SubmitItemRequest, catalogueV1.SubmitItemResponse>('SubmitItem', client.submitItem, request, as),
    reviewItem: (request, as) =>
      call<catalogueV1.ReviewItemRequest, catalogueV1.ReviewItemResponse>('ReviewItem', client.reviewItem, request, as),
    close: () => client.close(),
  };
}
