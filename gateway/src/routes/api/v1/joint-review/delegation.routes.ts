import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { jointReviewV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { agreementToRest, delegatedCaseToRest } from './delegation.mapper';
import {
  AgreementAnswer,
  AgreementPage,
  AgreementParams,
  AgreementsQuery,
  CreateAgreementBody,
  DelegatedCaseAnswer,
  DelegatedCaseByCaseQuery,
  DelegatedCaseParams,
  DelegatedCasePage,
  DelegatedCasesQuery,
  StatisticsAnswer,
  StatisticsQuery,
  TerminateAgreementBody,
  TransferBody,
  UpdateAgreementBody,
  type CreateAgreementBody as CreateBody,
} from './delegation.schemas';
import { agreementState, delegatedCaseState } from './joint-review.enums';
import { CENTER, DELEGATION_READERS, STATISTICS_READERS, TRANSFERRERS } from './roles';

const tags = ['joint-review'];
const BY_ID = { id: 'params.id' };

/** The agreement of a create or update body, in proto spellings (the service fills the rest). */
function agreementOf(b: Omit<CreateBody, 'requestId'>, id = ''): jointReviewV1.EntrustmentAgreement {
  return {
    id,
    tenant: '',
    department: b.department,
    agreementNumber: b.agreementNumber,
    items: b.items.map((i) => ({ itemSeriesId: i.itemSeriesId, itemName: '', itemBasicCode: '' })),
    windowIds: b.windowIds ?? [],
    transferWorkingDays: b.transferWorkingDays ?? 0,
    replyWorkingDays: b.replyWorkingDays ?? 0,
    signedOn: b.signedOn,
    validFrom: b.validFrom,
    validUntil: b.validUntil ?? '',
    documents: [],
    state: 0,
    terminatedReason: '',
    terminatedOn: '',
    createdBy: '',
    createdAt: undefined,
    updatedAt: undefined,
    version: 0,
  };
}

/**
 * 代受理 (delegated acceptance, J7/J8): the center records, changes and ends entrustment agreements; the
 * comprehensive window's clerk transfers a delegated case to the department; staff read; the center, supervisors
 * and department heads read the statistics. The joint-review service decides scope (delegation_service.proto).
 */
const delegationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'delegation', opts.deadlineMs);
  const agreementAnswer = (res: { agreement?: jointReviewV1.EntrustmentAgreement }) => {
    if (!res.agreement) throw new Error('joint-review answered without agreement');
    return { agreement: agreementToRest(res.agreement) };
  };
  const caseAnswer = (res: { delegatedCase?: jointReviewV1.DelegatedCase }) => {
    if (!res.delegatedCase) throw new Error('joint-review answered without delegated case');
    return { delegatedCase: delegatedCaseToRest(res.delegatedCase) };
  };

  app.post(
    '/delegation/agreements',
    {
      config: { auth: { roles: CENTER } },
      schema: {
        tags,
        summary: '中心登记委托代办协议：委托部门的事项由综合窗口代为受理（同一请求编号重复提交得到同一协议）',
        body: CreateAgreementBody,
        response: { 200: AgreementAnswer, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request) => {
      const { requestId, ...b } = request.body;
      return agreementAnswer(
        await call(request, 'createAgreement', { requestId, agreement: agreementOf(b), attachmentIds: [] }),
      );
    },
  );

  app.get(
    '/delegation/agreements',
    {
      config: { auth: { roles: DELEGATION_READERS } },
      schema: {
        tags,
        summary: '委托代办协议列表，新登记的在前',
        querystring: AgreementsQuery,
        response: { 200: AgreementPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listAgreements',
        {
          tenant: q.tenant ?? '',
          department: q.department ?? '',
          itemSeriesId: q.itemSeriesId ?? '',
          state: q.state ? agreementState.proto(q.state) : 0,
          page: pageOf(q),
        },
        queryFields('tenant', 'department', 'itemSeriesId', 'state'),
      );
      return { agreements: res.agreements.map(agreementToRest), ...pageAnswer(res.page, res.agreements.length) };
    },
  );

  app.get(
    '/delegation/agreements/:id',
    {
      config: { auth: { roles: DELEGATION_READERS } },
      schema: {
        tags,
        summary: '一份委托代办协议',
        params: AgreementParams,
        response: { 200: AgreementAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => agreementAnswer(await call(request, 'getAgreement', { id: request.params.id }, BY_ID)),
  );

  app.put(
    '/delegation/agreements/:id',
    {
      config: { auth: { roles: CENTER } },
      schema: {
        tags,
        summary: '中心修改有效协议的事项、窗口、时限和日期（已代受理的件不受影响）',
        params: AgreementParams,
        body: UpdateAgreementBody,
        response: { 200: AgreementAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const { expectedVersion, ...b } = request.body;
      return agreementAnswer(
        await call(
          request,
          'updateAgreement',
          { agreement: agreementOf(b, request.params.id), expectedVersion, attachmentIds: [] },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/delegation/agreements/:id/terminate',
    {
      config: { auth: { roles: CENTER } },
      schema: {
        tags,
        summary: '中心终止协议（如部门转为进驻）：自终止日次日起受理的件不再代受理',
        params: AgreementParams,
        body: TerminateAgreementBody,
        response: { 200: AgreementAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      return agreementAnswer(
        await call(
          request,
          'terminateAgreement',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            reason: b.reason,
            terminatedOn: b.terminatedOn ?? '',
          },
          BY_ID,
        ),
      );
    },
  );

  app.get(
    '/delegation/cases',
    {
      config: { auth: { roles: DELEGATION_READERS } },
      schema: {
        tags,
        summary: '代受理件列表，环节最先到期的在前（综合窗口看本窗口的，部门看本部门的，中心和监察看全部）',
        querystring: DelegatedCasesQuery,
        response: { 200: DelegatedCasePage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listDelegatedCases',
        {
          tenant: q.tenant ?? '',
          department: q.department ?? '',
          windowId: q.windowId ?? '',
          states: q.state ? [delegatedCaseState.proto(q.state)] : [],
          page: pageOf(q),
        },
        queryFields('tenant', 'department', 'windowId', 'state'),
      );
      return {
        delegatedCases: res.delegatedCases.map(delegatedCaseToRest),
        ...pageAnswer(res.page, res.delegatedCases.length),
      };
    },
  );

  app.get(
    '/delegation/cases/by-case',
    {
      config: { auth: { roles: DELEGATION_READERS } },
      schema: {
        tags,
        summary: '按办件查代受理件',
        querystring: DelegatedCaseByCaseQuery,
        response: { 200: DelegatedCaseAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) =>
      caseAnswer(
        await call(request, 'getDelegatedCase', { id: '', caseId: request.query.caseId }, queryFields('caseId')),
      ),
  );

  app.get(
    '/delegation/cases/:id',
    {
      config: { auth: { roles: DELEGATION_READERS } },
      schema: {
        tags,
        summary: '一件代受理件：转办、部门办理、回复三个环节及其时限',
        params: DelegatedCaseParams,
        response: { 200: DelegatedCaseAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) =>
      caseAnswer(await call(request, 'getDelegatedCase', { id: request.params.id, caseId: '' }, BY_ID)),
  );

  app.post(
    '/delegation/cases/:id/transfer',
    {
      config: { auth: { roles: TRANSFERRERS } },
      schema: {
        tags,
        summary: '综合窗口当班人员附初审意见转办：转办环节结束，部门办理环节开始（任务交部门窗口负责人）',
        params: DelegatedCaseParams,
        body: TransferBody,
        response: { 200: DelegatedCaseAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      return caseAnswer(
        await call(
          request,
          'transferDelegatedCase',
          { id: request.params.id, expectedVersion: b.expectedVersion, preReviewOpinion: b.preReviewOpinion },
          BY_ID,
        ),
      );
    },
  );

  app.get(
    '/delegation/statistics',
    {
      config: { auth: { roles: STATISTICS_READERS } },
      schema: {
        tags,
        summary: '代受理统计：各部门各月受理量及各环节按时情况（部门负责人只看本部门）',
        querystring: StatisticsQuery,
        response: { 200: StatisticsAnswer, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'getDelegationStatistics',
        { tenant: q.tenant ?? '', fromMonth: q.fromMonth, toMonth: q.toMonth, department: q.department ?? '' },
        queryFields('tenant', 'fromMonth', 'toMonth', 'department'),
      );
      return {
        rows: res.rows.map((r) => ({
          ...r,
          month: r.month || undefined,
          accepted: Number(r.accepted),
          transferred: Number(r.transferred),
          decided: Number(r.decided),
          denied: Number(r.denied),
          replied: Number(r.replied),
          cancelled: Number(r.cancelled),
          transferOnTime: Number(r.transferOnTime),
          departmentOnTime: Number(r.departmentOnTime),
          replyOnTime: Number(r.replyOnTime),
        })),
      };
    },
  );
};

export default delegationRoutes;
