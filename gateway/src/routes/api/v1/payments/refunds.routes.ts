import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@govhall/auth';
import type { paymentsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { refundState } from './payments.enums';
import { noticeToRest, refundToRest } from './payments.mapper';
import {
  ApproveRefundBody,
  NoticeAnswer,
  NoticeParams,
  RefundPage,
  RefundParams,
  RefundRequestAnswer,
  RefundsQuery,
  RejectRefundBody,
  RequestRefundBody,
} from './payments.schemas';

const tags = ['payments'];
/** Who may ask for a refund (the service checks the tenant). */
const REQUESTERS: readonly Role[] = ['window_clerk', 'department_head', 'center_admin', 'finance_reconciler'];
const REFUND_FIELDS = { noticeId: 'params.id', refundId: 'params.refundId' };

const noticeOf = (res: { notice?: paymentsV1.Notice }) => {
  if (!res.notice) throw new Error('payments answered without a notice');
  return noticeToRest(res.notice);
};

/**
 * Refunds of paid notices: requested with a reason, decided by a finance reconciler who did not request it, paid
 * back by the bank that took the money and confirmed by its callback. The payments service owns every rule.
 */
const refundRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'payments', opts.deadlineMs);

  app.post(
    '/notices/:id/refunds',
    {
      config: { auth: { roles: REQUESTERS } },
      schema: {
        tags,
        summary: '申请退款（已缴款的通知书；由另一名财务人员审核）',
        params: NoticeParams,
        body: RequestRefundBody,
        response: { 200: RefundRequestAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'requestRefund',
        { noticeId: request.params.id, ...request.body },
        { noticeId: 'params.id' },
      );
      return { notice: noticeOf(res), refundId: res.refundId };
    },
  );

  app.post(
    '/notices/:id/refunds/:refundId/approval',
    {
      config: { auth: { roles: ['finance_reconciler'] } },
      schema: {
        tags,
        summary: '批准退款（申请人本人不能审核）：退款指令发往原收款银行，银行确认后为已退款',
        params: RefundParams,
        body: ApproveRefundBody,
        response: { 200: NoticeAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => ({
      notice: noticeOf(
        await call(
          request,
          'approveRefund',
          { noticeId: request.params.id, refundId: request.params.refundId, ...request.body },
          REFUND_FIELDS,
        ),
      ),
    }),
  );

  app.post(
    '/notices/:id/refunds/:refundId/rejection',
    {
      config: { auth: { roles: ['finance_reconciler'] } },
      schema: {
        tags,
        summary: '不予退款，并说明理由（申请人本人不能审核）',
        params: RefundParams,
        body: RejectRefundBody,
        response: { 200: NoticeAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => ({
      notice: noticeOf(
        await call(
          request,
          'rejectRefund',
          { noticeId: request.params.id, refundId: request.params.refundId, ...request.body },
          REFUND_FIELDS,
        ),
      ),
    }),
  );

  app.get(
    '/refunds',
    {
      config: { auth: { roles: ['finance_reconciler', 'center_admin', 'supervisor'] } },
      schema: {
        tags,
        summary: '本地区的退款（最近变化的通知书在前）',
        querystring: RefundsQuery,
        response: { 200: RefundPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listRefunds',
        { tenant: q.tenant ?? '', states: q.state ? [refundState.toProto(q.state)] : [], page: pageOf(q) },
        queryFields('tenant', 'page'),
      );
      return {
        refunds: res.refunds.map((e) => ({ ...e, refund: refundToRest(e.refund!) })),
        ...pageAnswer(res.page, res.refunds.length),
      };
    },
  );
};

export default refundRoutes;
