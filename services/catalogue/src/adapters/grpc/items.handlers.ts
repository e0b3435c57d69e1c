import type { GrpcServer, UnaryHandler } from '@govhall/grpc';
import type { catalogueV1 } from '@govhall/proto';
import type { ItemUseCases } from '../../usecases/items.use-cases';
import { categoryFromProto, itemContentFromProto, statusFromProto, toProtoItem } from './item.mapper';

type ItemRpcs =
  | 'createDraftItem'
  | 'getItem'
  | 'updateDraftItem'
  | 'submitItem'
  | 'reviewItem'
  | 'newEdition'
  | 'retireItem'
  | 'deleteDraftItem'
  | 'diffEditions'
  | 'listItems';

/** Staff-side item RPCs (drafts, lifecycle, staff reads): proto ⇄ use case. Every one needs a token. */
export function itemHandlers(
  server: GrpcServer,
  uc: ItemUseCases,
  afterWrite: () => void,
): Pick<catalogueV1.CatalogueServiceServer, ItemRpcs> {
  // Writes queue outbox messages: nudge the relay once the write is stored.
  const write = <Req, Res>(method: string, handle: UnaryHandler<Req, Res>) =>
    server.unary<Req, Res>(method, async (req, ctx) => {
      const res = await handle(req, ctx);
      afterWrite();
      return res;
    });

  return {
    createDraftItem: write<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
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
        return { item: toProtoItem(item) };
      },
    ),
    getItem: server.unary<catalogueV1.GetItemRequest, catalogueV1.GetItemResponse>('GetItem', async (req, ctx) => ({
      item: toProtoItem(await uc.getItem(req.id, ctx.principal)),
    })),
    updateDraftItem: write<catalogueV1.UpdateDraftItemRequest, catalogueV1.UpdateDraftItemResponse>(
      'UpdateDraftItem',
      async (req, ctx) => {
        const item = await uc.updateDraftItem(
          {
            id: req.id,
            expectedVersion: Number(req.expectedVersion),
            name: req.name,
            basicCode: req.basicCode,
            kind: req.kind,
            handlingCategory: categoryFromProto(req.handlingCategory),
            department: req.department,
            content: itemContentFromProto(req.content),
          },
          ctx.principal,
        );
        return { item: toProtoItem(item) };
      },
    ),
    submitItem: write<catalogueV1.SubmitItemRequest, catalogueV1.SubmitItemResponse>('SubmitItem', async (req, ctx) => {
      const item = await uc.submitItem({ id: req.id, expectedVersion: Number(req.expectedVersion) }, ctx.principal);
      return { item: toProtoItem(item) };
    }),
    reviewItem: write<catalogueV1.ReviewItemRequest, catalogueV1.ReviewItemResponse>('ReviewItem', async (req, ctx) => {
      const item = await uc.reviewItem(
        { id: req.id, expectedVersion: Number(req.expectedVersion), approve: req.approve, comments: req.comments },
        ctx.principal,
      );
      return { item: toProtoItem(item) };
    }),
    newEdition: write<catalogueV1.NewEditionRequest, catalogueV1.NewEditionResponse>('NewEdition', async (req, ctx) => {
      const item = await uc.newEdition({ id: req.id, idempotencyKey: req.idempotencyKey }, ctx.principal);
      return { item: toProtoItem(item) };
    }),
    retireItem: write<catalogueV1.RetireItemRequest, catalogueV1.RetireItemResponse>('RetireItem', async (req, ctx) => {
      const item = await uc.retireItem(
        { id: req.id, expectedVersion: Number(req.expectedVersion), reason: req.reason },
        ctx.principal,
      );
      return { item: toProtoItem(item) };
    }),
    deleteDraftItem: server.unary<catalogueV1.DeleteDraftItemRequest, catalogueV1.DeleteDraftItemResponse>(
      'DeleteDraftItem',
      async (req, ctx) => {
        await uc.deleteDraftItem({ id: req.id, expectedVersion: Number(req.expectedVersion) }, ctx.principal);
        return {};
      },
    ),
    diffEditions: server.unary<catalogueV1.DiffEditionsRequest, catalogueV1.DiffEditionsResponse>(
      'DiffEditions',
      async (req, ctx) => ({
        changes: await uc.diffEditions({ fromId: req.fromId, toId: req.toId }, ctx.principal),
      }),
    ),
    listItems: server.unary<catalogueV1.ListItemsRequest, catalogueV1.ListItemsResponse>(
      'ListItems',
      async (req, ctx) => {
        const result = await uc.listItems(
          {
            tenant: req.tenant,
            status: statusFromProto(req.status),
            keyword: req.keyword,
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return {
          items: result.items.map(toProtoItem),
          page: { nextPageToken: result.nextPageToken, total: result.total },
        };
      },
    ),
  };
}
