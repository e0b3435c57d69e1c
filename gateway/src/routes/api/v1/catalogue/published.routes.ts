import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { handlingCategory } from './catalogue.enums';
import { attachment } from './content-disposition';
import { binary } from './file.schemas';
import { ItemParams } from './item.schemas';
import { guideToRest, present, publishedItemToRest, summaryToRest } from './item.mapper';
import { Guide, PublishedItem, SearchPage, SearchQuery } from './published.schemas';

const tags = ['catalogue'];

/** The public catalogue: search, published items and their service guide (办事指南). No token needed. */
const publishedRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'catalogue', opts.deadlineMs);

  app.get(
    '/search',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '检索已发布事项：按租户、部门、类型、办件类型和关键词（中文或事项编码），匹配度高的在前',
        querystring: SearchQuery,
        response: { 200: SearchPage, ...problems(400, 401) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'searchItems',
        {
          tenant: q.tenant ?? '',
          near: q.near ?? '',
          department: q.department ?? '',
          kind: q.kind ?? '',
          handlingCategory: handlingCategory.proto(q.handlingCategory),
          keyword: q.q ?? '',
          page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' },
        },
        {
          tenant: 'querystring.tenant',
          near: 'querystring.near',
          department: 'querystring.department',
          kind: 'querystring.kind',
          handlingCategory: 'querystring.handlingCategory',
          keyword: 'querystring.q',
          page: 'querystring',
        },
      );
      return {
        items: res.items.map(summaryToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: res.page?.total ?? res.items.length,
      };
    },
  );

  app.get(
    '/published/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '查看已发布事项',
        params: ItemParams,
        response: { 200: PublishedItem, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const res = await call(request, 'getPublishedItem', { id: request.params.id }, { id: 'params.id' });
      return publishedItemToRest(present(res.item, 'item'));
    },
  );

  app.get(
    '/published/:id/guide',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '办事指南（结构化数据）',
        params: ItemParams,
        response: { 200: Guide, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const res = await call(request, 'getGuide', { id: request.params.id }, { id: 'params.id' });
      return guideToRest(present(res.guide, 'guide'));
    },
  );

  app.get(
    '/published/:id/guide.pdf',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '办事指南 PDF（下载）',
        params: ItemParams,
        response: { 200: binary('application/pdf', '办事指南 PDF'), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const res = await call(request, 'getGuidePdf', { id: request.params.id }, { id: 'params.id' });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(res.fileName || `办事指南-${request.params.id}.pdf`))
        .send(res.pdf);
    },
  );
};

export default publishedRoutes;
