import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@govhall/auth';
import { problems } from '../../../../../lib/common.schemas';
import { grpcCall } from '../../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../../lib/query-fields';
import { SUPERVISORS } from '../roles';
import { clockToRest } from '../supervision.mapper';
import { present } from '../violation.mapper';
import { orderState, orderTargetKind } from './orders.enums';
import { orderToRest } from './orders.mapper';
import {
  CloseBody,
  ImportAnswer,
  ImportBody,
  IssueOrderBody,
  OrderAnswer,
  OrderPage,
  OrderParams,
  OrdersQuery,
  ReplyBody,
  ReturnBody,
} from './orders.schemas';

const tags = ['supervision'];

/** Lists of orders: supervisors, the tenant's center administrator, operations and service accounts. */
const ORDER_LISTERS: readonly Role[] = ['supervisor', 'center_admin', 'ops_admin', 'service'];
/** One order and the reply: also its addressee (the service checks who that is). */
const ORDER_ADDRESSEES: readonly Role[] = [...ORDER_LISTERS, 'window_clerk', 'reviewer', 'approver', 'department_head'];
/** The historical import: a supervisor or center administrator of the tenant. */
const IMPORTERS: readonly Role[] = ['supervisor', 'center_admin'];

const answer = (res: { order?: Parameters<typeof orderToRest>[0]; clock?: Parameters<typeof clockToRest>[0] }) => ({
  order: orderToRest(present(res.order, 'order')),
  clock: clockToRest(present(res.clock, 'clock')),
});

/** 督办 orders (S9, ADR 0044) and the import of historical cases (S31). */
const ordersRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'orders', opts.deadlineMs);
  const importCall = grpcCall(app, 'imports', opts.deadlineMs);

  app.get(
    '/orders',
    {
      config: { auth: { roles: ORDER_LISTERS } },
      schema: {
        tags,
        summary: '督办事项列表（新的在前），可按状态、责任部门筛选',
        querystring: OrdersQuery,
        response: { 200: OrderPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listOrders',
        {
          tenant: q.tenant ?? '',
          includeSubordinates: q.includeSubordinates ?? false,
          state: orderState.proto(q.state),
          responsibleDepartment: q.responsibleDepartment ?? '',
          page: pageOf(q),
        },
        queryFields('tenant', 'includeSubordinates', 'state', 'responsibleDepartment'),
      );
      return { orders: res.orders.map(orderToRest), ...pageAnswer(res.page, res.orders.length) };
    },
  );

  app.post(
    '/orders',
    {
      config: { auth: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: '发出督办（本级监察人员）：督办对象、事由、要求、办理期限（工作日）和责任部门、责任人',
        body: IssueOrderBody,
        response: { 201: OrderAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(request, 'issueOrder', {
        tenant: b.tenant ?? '',
        targetKind: orderTargetKind.proto(b.targetKind),
        targetId: b.targetId,
        subject: b.subject,
        requirement: b.requirement,
        deadlineWorkingDays: b.deadlineWorkingDays,
        responsibleDepartment: b.responsibleDepartment,
        responsiblePerson: b.responsiblePerson ?? '',
        requestId: b.requestId,
      });
      return reply.code(201).send(answer(res));
    },
  );

  app.get(
    '/orders/:id',
    {
      config: { auth: { roles: ORDER_ADDRESSEES } },
      schema: {
        tags,
        summary: '一件督办事项及其计时（监察人员、本人为责任人或责任部门负责人）',
        params: OrderParams,
        response: { 200: OrderAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => answer(await call(request, 'getOrder', { id: request.params.id })),
  );

  app.post(
    '/orders/:id/reply',
    {
      config: { auth: { roles: ORDER_ADDRESSEES } },
      schema: {
        tags,
        summary: '答复督办（办理情况）：责任人，未指定时为责任部门负责人；答复后停止计时',
        params: OrderParams,
        body: ReplyBody,
        response: { 200: OrderAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      answer(await call(request, 'replyToOrder', { id: request.params.id, ...request.body }, { text: 'body.text' })),
  );

  app.post(
    '/orders/:id/close',
    {
      config: { auth: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: '督办办结（本级监察人员，答复之后）',
        params: OrderParams,
        body: CloseBody,
        response: { 200: OrderAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      answer(
        await call(request, 'closeOrder', {
          id: request.params.id,
          note: request.body.note ?? '',
          version: request.body.version,
        }),
      ),
  );

  app.post(
    '/orders/:id/return',
    {
      config: { auth: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: '退回答复（本级监察人员）：说明理由，重新计时',
        params: OrderParams,
        body: ReturnBody,
        response: { 200: OrderAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => answer(await call(request, 'returnOrder', { id: request.params.id, ...request.body })),
  );

  app.post(
    '/historical-cases/import',
    {
      config: { auth: { roles: IMPORTERS } },
      schema: {
        tags,
        summary: '导入历史办件（JSON Lines，逐行校验；有误的行不导入并说明行号、字段和原因；按办件编号幂等）',
        body: ImportBody,
        response: { 200: ImportAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await importCall(request, 'importHistoricalCases', {
        tenant: b.tenant ?? '',
        content: b.content,
        firstLine: b.firstLine ?? 0,
      });
      return {
        imported: res.imported,
        alreadyImported: res.alreadyImported,
        rejected: res.rejected.map((r) => ({ line: r.line, field: r.field || undefined, message: r.message })),
      };
    },
  );
};

export default ordersRoutes;
