import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callUnary } from '@govhall/grpc';
import type { catalogueV1 } from '@govhall/proto';
import { DraftItemBody, IdempotencyHeaders, ItemParams, ItemResponse, ProblemResponse } from './item.schemas';
import { categoryToProto, itemToRest } from './item.mapper';

/** /api/v1/catalogue/items — the catalogue's first slice: draft an item, read it back. */
const itemsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  app.post(
    '/items',
    {
      onRequest: app.requireRoles(['center_admin']),
      schema: {
        tags: ['catalogue'],
        summary: '新建事项草稿（中心管理员）',
        security: [{ bearerAuth: [] }],
        headers: IdempotencyHeaders,
        body: DraftItemBody,
        response: {
          201: ItemResponse,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          409: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const { item } = await callUnary<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
        app.grpc.catalogue.createDraftItem.bind(app.grpc.catalogue),
        {
          idempotencyKey: request.headers['idempotency-key'],
          ...request.body,
          handlingCategory: categoryToProto(request.body.handlingCategory),
        },
        { authorization: request.headers.authorization, deadlineMs: opts.deadlineMs },
      );
      return reply.status(201).header('location', `/api/v1/catalogue/items/${item!.id}`).send(itemToRest(item!));
    },
  );

  app.get(
    '/items/:id',
    {
      onRequest: app.authenticateOptional,
      schema: {
        tags: ['catalogue'],
        summary: '查看事项（已发布事项公开；草稿仅本级工作人员可见）',
        params: ItemParams,
        response: { 200: ItemResponse, 400: ProblemResponse, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => {
      const { item } = await callUnary<catalogueV1.GetItemRequest, catalogueV1.GetItemResponse>(
        app.grpc.catalogue.getItem.bind(app.grpc.catalogue),
        { id: request.params.id },
        { authorization: request.headers.authorization, deadlineMs: opts.deadlineMs },
      );
      return itemToRest(item!);
    },
  );
};

export default itemsRoutes;
