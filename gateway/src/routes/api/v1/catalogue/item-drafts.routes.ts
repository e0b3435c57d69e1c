import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { handlingCategory, itemStatus } from './catalogue.enums';
import { contentToProto } from './content.mapper';
import {
  DeleteDraftQuery,
  DeletedItem,
  DraftItemBody,
  IdempotencyHeaders,
  Item,
  ItemPage,
  ItemParams,
  ListItemsQuery,
  UpdateDraftItemBody,
} from './item.schemas';
import { itemToRest, present } from './item.mapper';
import { CATALOGUE_ADMINS } from './roles';

const tags = ['catalogue'];

/** Staff side of items: draft, list, read, edit a draft, delete a draft never submitted. */
const itemDraftsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'catalogue', opts.deadlineMs);

  app.post(
    '/items',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '新建事项草稿（中心管理员）',
        headers: IdempotencyHeaders,
        body: DraftItemBody,
        response: { 201: Item, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const res = await call(request, 'createDraftItem', {
        idempotencyKey: request.headers['idempotency-key'],
        ...request.body,
        handlingCategory: handlingCategory.proto(request.body.handlingCategory),
      });
      const item = itemToRest(present(res.item, 'item'));
      return reply.status(201).header('location', `/api/v1/catalogue/items/${item.id}`).send(item);
    },
  );

  app.get(
    '/items',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '事项列表，含草稿，可按名称或基本编码开头筛选（本级工作人员；上级监察人员、中心管理员可查看下级）',
        querystring: ListItemsQuery,
        response: { 200: ItemPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listItems',
        {
          tenant: q.tenant,
          status: itemStatus.proto(q.status),
          keyword: q.q ?? '',
          page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' },
        },
        { tenant: 'querystring.tenant', status: 'querystring.status', keyword: 'querystring.q', page: 'querystring' },
      );
      return {
        items: res.items.map(itemToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: res.page?.total ?? res.items.length,
      };
    },
  );

  app.get(
    '/items/:id',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '查看事项（工作人员，任何状态；公众请用 /published/{id}）',
        params: ItemParams,
        response: { 200: Item, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const res = await call(request, 'getItem', { id: request.params.id }, { id: 'params.id' });
      return itemToRest(present(res.item, 'item'));
    },
  );

  app.put(
    '/items/:id',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '修改事项草稿（中心管理员）：整体替换标识字段和实施清单要素',
        params: ItemParams,
        body: UpdateDraftItemBody,
        response: { 200: Item, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { content, handlingCategory: category, ...fields } = request.body;
      const res = await call(
        request,
        'updateDraftItem',
        {
          id: request.params.id,
          ...fields,
          handlingCategory: handlingCategory.proto(category),
          content: contentToProto(content),
        },
        { id: 'params.id' },
      );
      return itemToRest(present(res.item, 'item'));
    },
  );

  app.delete(
    '/items/:id',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '删除从未提交审核的草稿（中心管理员）；提交过的草稿留有审核记录，不能删除',
        params: ItemParams,
        querystring: DeleteDraftQuery,
        response: { 200: DeletedItem, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await call(
        request,
        'deleteDraftItem',
        { id: request.params.id, expectedVersion: request.query.expectedVersion },
        { id: 'params.id', expectedVersion: 'querystring.expectedVersion' },
      );
      return { id: request.params.id };
    },
  );
};

export default itemDraftsRoutes;
