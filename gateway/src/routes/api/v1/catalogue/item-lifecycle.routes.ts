import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import {
  Diff,
  DiffParams,
  IdempotencyHeaders,
  Item,
  ItemParams,
  RetireItemBody,
  ReviewItemBody,
  SubmitItemBody,
} from './item.schemas';
import { diffToRest, itemToRest, present } from './item.mapper';
import { CATALOGUE_ADMINS, CATALOGUE_REVIEWERS } from './roles';

const tags = ['catalogue'];

/** draft → submitted → (center review) published → superseded | retired, new editions, and what changed. */
const itemLifecycleRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'catalogue', opts.deadlineMs);

  app.post(
    '/items/:id/submit',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '提交审核（中心管理员）：校验整个事项，不通过时列出每一处问题及其字段路径',
        params: ItemParams,
        body: SubmitItemBody,
        response: { 200: Item, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'submitItem',
        { id: request.params.id, expectedVersion: request.body.expectedVersion },
        { id: 'params.id' },
      );
      return itemToRest(present(res.item, 'item'));
    },
  );

  app.post(
    '/items/:id/review',
    {
      config: { auth: { roles: CATALOGUE_REVIEWERS } },
      schema: {
        tags,
        summary: '中心审核（审核人员或中心管理员，不能审核自己提交的事项）：通过即发布，旧版本被替代；退回则回到草稿',
        params: ItemParams,
        body: ReviewItemBody,
        response: { 200: Item, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'reviewItem',
        { id: request.params.id, expectedVersion: b.expectedVersion, approve: b.approve, comments: b.comments ?? '' },
        { id: 'params.id' },
      );
      return itemToRest(present(res.item, 'item'));
    },
  );

  app.post(
    '/items/:id/editions',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '新建下一版本（中心管理员）：复制已发布事项为草稿；同一幂等键重试返回同一草稿',
        params: ItemParams,
        headers: IdempotencyHeaders,
        response: { 201: Item, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'newEdition',
        { id: request.params.id, idempotencyKey: request.headers['idempotency-key'] },
        { id: 'params.id', idempotencyKey: 'headers.idempotency-key' },
      );
      const item = itemToRest(present(res.item, 'item'));
      return reply.status(201).header('location', `/api/v1/catalogue/items/${item.id}`).send(item);
    },
  );

  app.post(
    '/items/:id/retire',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '废止事项（中心管理员）',
        params: ItemParams,
        body: RetireItemBody,
        response: { 200: Item, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'retireItem',
        { id: request.params.id, expectedVersion: request.body.expectedVersion, reason: request.body.reason },
        { id: 'params.id' },
      );
      return itemToRest(present(res.item, 'item'));
    },
  );

  app.get(
    '/items/:from/diff/:to',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '比较同一事项的两个版本：每个变化的字段一条',
        params: DiffParams,
        response: { 200: Diff, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'diffEditions',
        { fromId: request.params.from, toId: request.params.to },
        { fromId: 'params.from', toId: 'params.to' },
      );
      return diffToRest(res);
    },
  );
};

export default itemLifecycleRoutes;
