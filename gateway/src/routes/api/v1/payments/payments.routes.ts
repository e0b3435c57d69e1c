import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_ROLES, type Role } from '@govhall/auth';
import { paymentsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { noticeState } from './payments.enums';
import { assessedLinesToProto, assessmentToRest, feeItemToProto, feeItemToRest, noticeToRest } from './payments.mapper';
import {
  AssessBody,
  Assessment,
  CaseParams,
  DocumentQuery,
  FeeItemAnswer,
  FeeItemList,
  FeeItemParams,
  FeeItemsQuery,
  MarkPaidBody,
  MyNoticesQuery,
  NoticeAnswer,
  NoticePage,
  NoticeParams,
  NoticesQuery,
  PutFeeItemBody,
  SlipBody,
} from './payments.schemas';

const tags = ['payments'];
/** Staff who read the register and notices (the service checks the tenant). */
const READERS: readonly Role[] = [
  'window_clerk',
  'reviewer',
  'approver',
  'department_head',
  'center_admin',
  'supervisor',
  'finance_reconciler',
];
/** The owning departments' staff who assess. */
const ASSESSORS: readonly Role[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];
const NOTICE_FIELDS = { id: 'params.id' };

const noticeAnswer = (res: { notice?: paymentsV1.Notice }) => {
  if (!res.notice) throw new Error('payments answered without a notice');
  return { notice: noticeToRest(res.notice) };
};

/**
 * 收缴分离 (ADR 0059): the fee register, assessment by the owning departments, notices and their PDFs, slips. The
 * payments service owns every rule; there is deliberately no way to mark a notice paid (the route records the
 * attempt and answers 403).
 */
const paymentsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'payments', opts.deadlineMs);

  app.get(
    '/fee-items',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary: '收费项目库（按编码）',
        querystring: FeeItemsQuery,
        response: { 200: FeeItemList, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listFeeItems',
        { tenant: q.tenant ?? '', includeRetired: q.includeRetired ?? false },
        queryFields('tenant'),
      );
      return { items: res.items.map(feeItemToRest) };
    },
  );

  app.put(
    '/fee-items/:code',
    {
      config: { auth: { roles: ['center_admin'] } },
      schema: {
        tags,
        summary: '中心新增或修改收费项目（修改须带读取时的版本）',
        params: FeeItemParams,
        body: PutFeeItemBody,
        response: { 200: FeeItemAnswer, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request) => {
      const item = feeItemToProto('', request.params.code, request.body);
      const res = await call(
        request,
        'putFeeItem',
        { item, expectedVersion: request.body.expectedVersion },
        {
          item: '',
          'item.code': 'params.code',
        },
      );
      if (!res.item) throw new Error('payments answered without the item');
      return { item: feeItemToRest(res.item) };
    },
  );

  app.get(
    '/assessments/:caseId',
    {
      config: { auth: { roles: ASSESSORS } },
      schema: {
        tags,
        summary: '办件应缴费用：事项的收费项目、执收部门和按表单计算的金额（核定收费用）',
        params: CaseParams,
        response: { 200: Assessment, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) =>
      assessmentToRest(
        await call(request, 'getAssessment', { caseId: request.params.caseId }, { caseId: 'params.caseId' }),
      ),
  );

  app.post(
    '/assessments/:caseId',
    {
      config: { auth: { roles: ASSESSORS } },
      schema: {
        tags,
        summary: '本部门核定本件收费；各执收部门都核定后开具缴款通知书',
        params: CaseParams,
        body: AssessBody,
        response: { 200: NoticeAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) =>
      noticeAnswer(
        await call(
          request,
          'assessFees',
          {
            caseId: request.params.caseId,
            requestId: request.body.requestId,
            lines: assessedLinesToProto(request.body.lines),
          },
          { caseId: 'params.caseId' },
        ),
      ),
  );

  app.get(
    '/notices',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary: '本地区的缴款通知书（新的在前）',
        querystring: NoticesQuery,
        response: { 200: NoticePage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listNotices',
        { tenant: q.tenant ?? '', states: q.state ? [noticeState.toProto(q.state)] : [], page: pageOf(q) },
        queryFields('tenant', 'page'),
      );
      return { notices: res.notices.map(noticeToRest), ...pageAnswer(res.page, res.notices.length) };
    },
  );

  app.get(
    '/my-notices',
    {
      config: { auth: { roles: ['applicant'] } },
      schema: {
        tags,
        summary: '我的缴费：本人办件的缴款通知书',
        querystring: MyNoticesQuery,
        response: { 200: NoticePage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'listMyNotices', { page: pageOf(request.query) }, queryFields('page'));
      return { notices: res.notices.map(noticeToRest), ...pageAnswer(res.page, res.notices.length) };
    },
  );

  app.get(
    '/notices/:id',
    {
      config: { auth: { roles: ['applicant', ...READERS] } },
      schema: {
        tags,
        summary: '一份缴款通知书',
        params: NoticeParams,
        response: { 200: NoticeAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => noticeAnswer(await call(request, 'getNotice', { id: request.params.id }, NOTICE_FIELDS)),
  );

  app.get(
    '/cases/:caseId/notice',
    {
      config: { auth: { roles: ['applicant', ...READERS] } },
      schema: {
        tags,
        summary: '办件的缴款通知书（尚未核定时为404）',
        params: CaseParams,
        response: { 200: NoticeAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) =>
      noticeAnswer(
        await call(request, 'getCaseNotice', { caseId: request.params.caseId }, { caseId: 'params.caseId' }),
      ),
  );

  app.get(
    '/notices/:id/document',
    {
      config: { auth: { roles: ['applicant', ...READERS] } },
      schema: {
        tags,
        summary: '下载缴款通知书或缴费凭证（PDF）',
        params: NoticeParams,
        querystring: DocumentQuery,
        response: { 200: binary('application/pdf', 'PDF'), ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const K = paymentsV1.GetNoticeDocumentRequest_Kind;
      const res = await call(
        request,
        'getNoticeDocument',
        { id: request.params.id, kind: request.query.kind === 'receipt' ? K.KIND_RECEIPT : K.KIND_NOTICE },
        NOTICE_FIELDS,
      );
      return reply.type('application/pdf').header('content-disposition', attachment(res.fileName)).send(res.pdf);
    },
  );

  app.post(
    '/notices/:id/slip',
    {
      config: { auth: { roles: ['window_clerk', 'center_admin'] } },
      schema: {
        tags,
        summary: '窗口登记申请人出示的银行缴费回执（待银行确认，不作为已缴款）',
        params: NoticeParams,
        body: SlipBody,
        response: { 200: NoticeAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) =>
      noticeAnswer(
        await call(
          request,
          'registerSlip',
          { id: request.params.id, expectedVersion: request.body.expectedVersion, slipNumber: request.body.slipNumber },
          NOTICE_FIELDS,
        ),
      ),
  );

  app.post(
    '/notices/:id/mark-paid',
    {
      config: { auth: { roles: [...STAFF_ROLES] } },
      schema: {
        tags,
        summary: '实行收缴分离：工作人员不能标记已缴款；请求总被拒绝（403）并记入电子监察',
        params: NoticeParams,
        body: MarkPaidBody,
        response: { 200: NoticeAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) =>
      noticeAnswer(
        await call(
          request,
          'markNoticePaid',
          { id: request.params.id, reason: request.body.reason ?? '' },
          NOTICE_FIELDS,
        ),
      ),
  );
};

export default paymentsRoutes;
