import type { GrpcServer } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import type { HandlingCategory } from '../../domain/item';
import type { OnlineDepth, TimeUnit } from '../../domain/item-content';
import type { ItemFile, ItemSummary } from '../../usecases/public.ports';
import type { PublicUseCases } from '../../usecases/public.use-cases';
import { categoryFromProto, toProtoItem } from './item.mapper';

type PublicRpcs = 'searchItems' | 'getPublishedItem' | 'getGuide' | 'getGuidePdf' | 'uploadItemFile' | 'getItemFile';

const pb = catalogueV1;

const CATEGORY: Record<HandlingCategory, catalogueV1.HandlingCategory> = {
  immediate: pb.HandlingCategory.HANDLING_CATEGORY_IMMEDIATE,
  promised: pb.HandlingCategory.HANDLING_CATEGORY_PROMISED,
  joint: pb.HandlingCategory.HANDLING_CATEGORY_JOINT,
  escalated: pb.HandlingCategory.HANDLING_CATEGORY_ESCALATED,
};
const TIME_UNIT: Record<TimeUnit, catalogueV1.TimeUnit> = {
  working_day: pb.TimeUnit.TIME_UNIT_WORKING_DAY,
  natural_day: pb.TimeUnit.TIME_UNIT_NATURAL_DAY,
};
const ONLINE_DEPTH: Record<OnlineDepth, catalogueV1.OnlineDepth> = {
  fully_online: pb.OnlineDepth.ONLINE_DEPTH_FULLY_ONLINE,
  online_pre_review: pb.OnlineDepth.ONLINE_DEPTH_ONLINE_PRE_REVIEW,
  disclosure_only: pb.OnlineDepth.ONLINE_DEPTH_DISCLOSURE_ONLY,
};

function toProtoSummary(s: ItemSummary): catalogueV1.ItemSummary {
  return {
    id: s.id,
    tenant: s.tenant,
    name: s.name,
    basicCode: s.basicCode,
    kind: s.kind,
    handlingCategory: CATEGORY[s.handlingCategory as HandlingCategory] ?? 0,
    department: s.department,
    edition: s.edition,
    promisedLimit: { days: s.promisedLimit.days, unit: TIME_UNIT[s.promisedLimit.unit] ?? 0 },
    onlineDepth: ONLINE_DEPTH[s.onlineDepth] ?? 0,
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
 * The public reading RPCs (anonymous: SearchItems, GetPublishedItem, GetGuide, GetGuidePdf; token optional:
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
  };
}
