import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { ID, caseAction, tags } from './case-action';
import {
  Case,
  CaseParams,
  CiteLicenceBody,
  ExpectedVersionQuery,
  IdempotencyHeaders,
  MaterialFileParams,
  MaterialParams,
  OpenCaseBody,
  UpdateDraftBody,
  VersionBody,
  VoidDraftBody,
  WithdrawBody,
} from './case.schemas';
import { caseToRest, contactToProto, formDataToProto, present } from './case.mapper';
import { casesCall } from './cases-call';
import { APPLICANTS, UPLOADERS } from './roles';

const IDEMPOTENCY_KEY = { idempotencyKey: 'headers.idempotency-key' };

/** Declaration online: open, fill, cite, complete, void, submit, withdraw (the applicant or their agent). */
const declarationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = casesCall(app, opts.deadlineMs);

  app.post(
    '',
    {
      config: { auth: { roles: APPLICANTS } },
      schema: {
        tags,
        summary: '在已发布的事项上新建办件草稿（申请人；代法人申请时填 onBehalfOf）；同一幂等键重试返回同一办件',
        headers: IdempotencyHeaders,
        body: OpenCaseBody,
        response: { 201: Case, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(
        request,
        'openCase',
        {
          idempotencyKey: request.headers['idempotency-key'],
          itemId: b.itemId,
          onBehalfOf: b.onBehalfOf ?? '',
          formData: formDataToProto(b.formData),
          contact: contactToProto(b.contact),
        },
        IDEMPOTENCY_KEY,
      );
      const c = caseToRest(present(res.case, 'case'));
      return reply.status(201).header('location', `/api/v1/cases/${c.id}`).send(c);
    },
  );

  app.put(
    '/:id/draft',
    {
      config: { auth: { roles: APPLICANTS } },
      schema: {
        tags,
        summary: '保存草稿：整体替换表单数据（和通知方式）；表单在提交时按事项的 JSON Schema 校验',
        params: CaseParams,
        body: UpdateDraftBody,
        response: { 200: Case, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'updateDraft',
        {
          id: request.params.id,
          expectedVersion: b.expectedVersion,
          formData: formDataToProto(b.formData),
          contact: contactToProto(b.contact),
        },
        ID,
      );
      return caseToRest(present(res.case, 'case'));
    },
  );

  app.delete(
    '/:id/materials/:materialId/files/:fileId',
    {
      config: { auth: { roles: UPLOADERS } },
      schema: {
        tags,
        summary: '删除材料中的一个文件',
        params: MaterialFileParams,
        querystring: ExpectedVersionQuery,
        response: { 200: Case, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id, materialId, fileId } = request.params;
      const res = await call(
        request,
        'removeMaterialFile',
        { id, materialId, fileId, expectedVersion: request.query.expectedVersion },
        {
          ...ID,
          materialId: 'params.materialId',
          fileId: 'params.fileId',
          expectedVersion: 'querystring.expectedVersion',
        },
      );
      return caseToRest(present(res.case, 'case'));
    },
  );

  app.post(
    '/:id/materials/:materialId/licence',
    {
      config: { auth: { roles: APPLICANTS } },
      schema: {
        tags,
        summary: '以共享证照库中的证照代替上传材料（该材料的证照类型、申请人持有、未过期）',
        params: MaterialParams,
        body: CiteLicenceBody,
        response: { 200: Case, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id, materialId } = request.params;
      const b = request.body;
      const res = await call(
        request,
        'citeLicence',
        { id, materialId, expectedVersion: b.expectedVersion, licenceNumber: b.licenceNumber },
        { ...ID, materialId: 'params.materialId' },
      );
      return caseToRest(present(res.case, 'case'));
    },
  );

  caseAction(app, {
    url: '/:id/upload-complete',
    summary: '上传完毕（A17）：申请人确认各批材料已全部上传',
    auth: { roles: APPLICANTS },
    body: VersionBody,
    send: (r, id, b) => call(r, 'completeUpload', { id, expectedVersion: b.expectedVersion }, ID),
  });

  caseAction(app, {
    url: '/:id/void-draft',
    summary: '作废草稿（申请人）',
    auth: { roles: APPLICANTS },
    body: VoidDraftBody,
    send: (r, id, b) => call(r, 'voidDraft', { id, expectedVersion: b.expectedVersion, reason: b.reason ?? '' }, ID),
  });

  app.post(
    '/:id/submit',
    {
      config: { auth: { roles: APPLICANTS } },
      schema: {
        tags,
        summary:
          '提交（退回或补正后再次提交）：自动预审，有问题退回并列出，否则进入窗口预审；同一幂等键重试返回同一办件',
        params: CaseParams,
        headers: IdempotencyHeaders,
        body: VersionBody,
        response: { 200: Case, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'submitCase',
        {
          id: request.params.id,
          expectedVersion: request.body.expectedVersion,
          idempotencyKey: request.headers['idempotency-key'],
        },
        { ...ID, ...IDEMPOTENCY_KEY },
      );
      return caseToRest(present(res.case, 'case'));
    },
  );

  caseAction(app, {
    url: '/:id/withdraw',
    summary: '撤回（申请人，作出决定之前）',
    auth: { roles: APPLICANTS },
    body: WithdrawBody,
    send: (r, id, b) => call(r, 'withdrawCase', { id, expectedVersion: b.expectedVersion, reason: b.reason }, ID),
  });
};

export default declarationRoutes;
