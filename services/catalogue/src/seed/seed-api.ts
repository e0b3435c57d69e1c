import { status } from '@grpc/grpc-js';
import type { PasswordLogins } from '@govhall/auth';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import { maskText } from '@govhall/identifiers';
import { catalogueV1 } from '@govhall/proto';

/**
 * How the catalogue seed reaches the catalogue: the service's own gRPC API, with real Keycloak access tokens of
 * the people it acts as. The seed never opens the catalogue's database (one writer process per service database).
 */

/** A refusal of the catalogue API as the seed sees it: the gRPC code, the ErrorInfo reason and field problems. */
export class SeedCallError extends Error {
  constructor(
    readonly rpc: string,
    readonly code: status,
    readonly reason: string,
    detail: string,
    readonly violations: readonly { path: string; reason?: string; message: string }[] = [],
  ) {
    super(maskText(`${rpc}: ${reason || status[code]}: ${detail}`));
    this.name = 'SeedCallError';
  }
}

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

  async function call<Req, Res extends { item?: catalogueV1.Item | undefined }>(
    rpc: string,
    method: Parameters<typeof callUnary<Req, Res>>[0],
    request: Req,
    as: string,
  ): Promise<catalogueV1.Item> {
    const authorization = `Bearer ${await options.logins.token(as)}`;
    let res: Res;
    try {
      res = await callUnary<Req, Res>(method.bind(client), request, { authorization, deadlineMs });
    } catch (e) {
      if (!isServiceError(e)) throw e;
      const decoded = decodeGrpcError(e);
      throw new SeedCallError(rpc, decoded.code, decoded.reason, decoded.message, decoded.violations);
    }
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
