import type { GrpcServer } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import type { HandlingCategory } from '../../domain/item';
import type { ItemFile, ItemSummary } from '../../usecases/public.ports';
import type { PublicUseCases } from '../../usecases/public.use-cases';
import { category, categoryFromProto, onlineDepth, timeUnit, toProtoItem } from './item.mapper';

type PublicRpcs =
  | 'searchItems'
  | 'getPublishedItem'
  | 'getGuide'
  | 'getGuidePdf'
  | 'uploadItemFile'
  | 'getItemFile'
  | 'findPublishedItemCodes';

function toProtoSummary(s: ItemSummary): catalogueV1.ItemSummary {
  return {
    id: s.id,
    tenant: s.tenant,
    name: s.name,
    basicCode: s.basicCode,
    kind: s.kind,
    handlingCategory: category.toProto(s.handlingCategory as HandlingCategory),
    department: s.department,
    edition: s.edition,
    promisedLimit: { days: s.promisedLimit.days, unit: timeUnit.toProto(s.promisedLimit.unit) },
    onlineDepth: onlineDepth.toProto(s.onlineDepth),
    score: s.score,
  };
}

function toProtoFile(f: ItemFile): catalogueV1.ItemFile {
  return {
    id: f.id,
    tenant: f.tenant,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
  };
}

/**
 * The public reading RPCs (anonymous: SearchItems, GetPublishedItem, GetGuide, GetGuidePdf, FindPublishedItemCodes;
 * token optional:
 * GetItemFile) and UploadItemFile (center_admin, token required): proto ⇄ use case.
 */
export function publicHandlers(
  server: GrpcServer,
  uc: PublicUseCases,
): Pick<catalogueV1.CatalogueServiceServer, PublicRpcs> {
  return {
    searchItems: server.unary<catalogueV1.SearchItemsRequest, catalogueV1.SearchItemsResponse>(
      'SearchItems',
      async (req) => {
        const result = await uc.searchItems({
          tenant: req.tenant,
          near: req.near,
          department: req.department,
          kind: req.kind,
          handlingCategory: categoryFromProto(req.handlingCategory),
          keyword: req.keyword,
          pageSize: req.page?.pageSize,
          pageToken: req.page?.pageToken,
        });
        return {
          items: result.items.map(toProtoSummary),
          page: { nextPageToken: result.nextPageToken, total: result.total },
        };
      },
      { auth: 'none' },
    ),
    getPublishedItem: server.unary<catalogueV1.GetPublishedItemRequest, catalogueV1.GetPublishedItemResponse>(
      'GetPublishedItem',
      async (req) => ({ item: toProtoItem(await uc.getPublishedItem(req.id)) }),
      { auth: 'none' },
    ),
    getGuide: server.unary<catalogueV1.GetGuideRequest, catalogueV1.GetGuideResponse>(
      'GetGuide',
      async (req) => {
        const guide = await uc.getGuide(req.id);
        return {
          guide: {
            item: toProtoItem(guide.item),
            departmentName: guide.departmentName,
            tenantName: guide.tenantName,
            coDepartmentNames: [...guide.coDepartmentNames],
            center: guide.center,
          },
        };
      },
      { auth: 'none' },
    ),
    getGuidePdf: server.unary<catalogueV1.GetGuidePdfRequest, catalogueV1.GetGuidePdfResponse>(
      'GetGuidePdf',
      async (req) => uc.getGuidePdf(req.id),
      { auth: 'none' },
    ),
    uploadItemFile: server.unary<catalogueV1.UploadItemFileRequest, catalogueV1.UploadItemFileResponse>(
      'UploadItemFile',
      async (req, ctx) => {
        const file = await uc.uploadItemFile(
          { tenant: req.tenant, fileName: req.fileName, contentType: req.contentType, content: req.content },
          ctx.principal,
        );
        return { file: toProtoFile(file) };
      },
    ),
    getItemFile: server.unary<catalogueV1.GetItemFileRequest, catalogueV1.GetItemFileResponse>(
      'GetItemFile',
      async (req, ctx) => {
        const { file, content } = await uc.getItemFile(req.id, ctx.principal);
        return { file: toProtoFile(file), content };
      },
      { auth: 'optional' },
    ),
    findPublishedItemCodes: server.unary<
      catalogueV1.FindPublishedItemCodesRequest,
      catalogueV1.FindPublishedItemCodesResponse
    >(
      'FindPublishedItemCodes',
      async (req) => ({
        basicCodes: await uc.findPublishedItemCodes({ tenant: req.tenant, basicCodes: req.basicCodes }),
      }),
      { auth: 'none' },
    ),
  };
}
