import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { ID, tags } from './case-action';
import {
  Case,
  CaseDocumentParams,
  CaseFileParams,
  CaseParams,
  CaseSummaryPage,
  LedgerQuery,
  MyCasesQuery,
  Progress,
  ProgressBody,
  QueueQuery,
} from './case.schemas';
import { caseToRest, present, progressToRest, summaryToRest, timeLeftToRest } from './case.mapper';
import { myCaseList, queueKind } from './cases.enums';
import { casesCall } from './cases-call';

const PAGE = { page: 'querystring' };

/** Reading cases: one case, the applicant's lists, staff queues, files and documents, progress, the ledger. */
const readsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = casesCall(app, opts.deadlineMs);

  app.get(
    '/:id',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '办件详情：申请人（及经办人）、本部门工作人员、本级及上级的监督人员和中心管理员可见，其他人 404',
        params: CaseParams,
        response: { 200: Case, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const res = await call(request, 'getCase', { id: request.params.id }, ID);
      return { ...caseToRest(present(res.case, 'case')), timeLeft: timeLeftToRest(res) };
    },
  );

  app.get(
    '/mine',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '我的办件（A26）：草稿、已提交、在办、办结',
        querystring: MyCasesQuery,
        response: { 200: CaseSummaryPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMyCases',
        { list: myCaseList.proto(q.list), page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' } },
        { list: 'querystring.list', ...PAGE },
      );
      return {
        cases: res.cases.map(summaryToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: res.page?.total ?? res.cases.length,
      };
    },
  );

  app.get(
    '/queue',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary:
          '工作队列：按窗口（预审）或部门和角色（在办环节），可按即办件、承诺件、补办件等筛选（A27），含剩余时间',
        querystring: QueueQuery,
        response: { 200: CaseSummaryPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listQueue',
        {
          tenant: q.tenant,
          windowId: q.windowId ?? '',
          department: q.department ?? '',
          role: q.role ?? '',
          kind: queueKind.proto(q.kind),
          page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' },
        },
        {
          tenant: 'querystring.tenant',
          windowId: 'querystring.windowId',
          department: 'querystring.department',
          role: 'querystring.role',
          kind: 'querystring.kind',
          ...PAGE,
        },
      );
      return {
        cases: res.cases.map(summaryToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: res.page?.total ?? res.cases.length,
      };
    },
  );

  app.get(
    '/:id/files/:fileId',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '下载材料文件（能查看该办件的人）',
        params: CaseFileParams,
        response: {
          200: binary('application/octet-stream', '文件内容，content-type 为按内容识别的类型'),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const res = await call(
        request,
        'getCaseFile',
        { caseId: id, fileId },
        { caseId: 'params.id', fileId: 'params.fileId' },
      );
      const file = present(res.file, 'file');
      return reply
        .type(file.contentType || 'application/octet-stream')
        .header('content-disposition', attachment(file.fileName || file.id))
        .send(res.content);
    },
  );

  app.get(
    '/:id/documents/:documentId',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '下载办件文书（PDF）：受理通知书、一次性告知书、决定书、申请表等',
        params: CaseDocumentParams,
        response: { 200: binary('application/pdf', 'PDF 文书'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, documentId } = request.params;
      const res = await call(
        request,
        'getCaseDocument',
        { caseId: id, documentId },
        { caseId: 'params.id', documentId: 'params.documentId' },
      );
      const document = present(res.document, 'document');
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(res.fileName || `${document.number || document.id}.pdf`))
        .send(res.pdf);
    },
  );

  app.post(
    '/progress',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary:
          '公开查询办理进度（无需登录）：办件编号＋申请人证件号码，答复脱敏。用 POST，证件号码只在请求体中，不进网址和访问日志',
        body: ProgressBody,
        response: { 200: Progress, ...problems(400, 404) },
      },
    },
    async (request) => {
      const res = await call(request, 'queryProgress', request.body);
      return progressToRest(res);
    },
  );

  app.get(
    '/ledger',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '导出登记台账（A33）：某租户（可限一个部门）某月收件的全部办件，CSV（UTF-8，带 BOM）',
        querystring: LedgerQuery,
        response: {
          200: binary('text/csv; charset=utf-8', 'CSV 台账，每行一件'),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const res = await call(
        request,
        'exportLedger',
        { tenant: q.tenant, month: q.month, department: q.department ?? '' },
        { tenant: 'querystring.tenant', month: 'querystring.month', department: 'querystring.department' },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(res.fileName || `ledger-${q.tenant}-${q.month}.csv`))
        .send(res.csv);
    },
  );
};

export default readsRoutes;
