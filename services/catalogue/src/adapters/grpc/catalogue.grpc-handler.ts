import type { GrpcServer } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import type { createDraftItemUseCase } from '../../usecases/create-draft-item/create-draft-item.usecase';
import type { getItemUseCase } from '../../usecases/get-item/get-item.usecase';
import { categoryFromProto, toProtoItem } from './item.mapper';

export interface CatalogueUseCases {
  createDraftItem: ReturnType<typeof createDraftItemUseCase>;
  getItem: ReturnType<typeof getItemUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** govhall.catalogue.v1.CatalogueService: proto ⇄ use case. */
export function registerCatalogueService(server: GrpcServer, uc: CatalogueUseCases): void {
  const impl: catalogueV1.CatalogueServiceServer = {
    createDraftItem: server.unary<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
      'CreateDraftItem',
      async (req, ctx) => {
        const item = await uc.createDraftItem(
          {
            idempotencyKey: req.idempotencyKey,
            tenant: req.tenant,
            name: req.name,
            basicCode: req.basicCode,
            kind: req.kind,
            handlingCategory: categoryFromProto(req.handlingCategory),
            department: req.department,
          },
          ctx.principal,
        );
        uc.afterWrite();
        return { item: toProtoItem(item) };
      },
    ),
    getItem: server.unary<catalogueV1.GetItemRequest, catalogueV1.GetItemResponse>(
      'GetItem',
      async (req, ctx) => ({ item: toProtoItem(await uc.getItem(req.id, ctx.principal)) }),
      { auth: 'optional' },
    ),
  };
  server.addService('govhall.catalogue.v1.CatalogueService', catalogueV1.CatalogueServiceService, impl);
}
