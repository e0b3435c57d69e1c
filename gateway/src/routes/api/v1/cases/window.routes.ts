import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { ID, caseAction, tags } from './case-action';
import {
  Case,
  CorrectionsBody,
  DecideOnTheSpotBody,
  IdempotencyHeaders,
  OneTimeNoticeBody,
  OpinionBody,
  RefuseBody,
  VersionBody,
  VoidCaseBody,
  WalkInBody,
} from './case.schemas';
import { caseToRest, contactToProto, formDataToProto, present } from './case.mapper';
import { deliveryMethod, outcome, voidReason } from './cases.enums';
import { casesCall } from './cases-call';
import { WINDOW_CLERKS } from './roles';

const auth = { roles: WINDOW_CLERKS };

/** At the window: walk-in registration, corrections, one-time notice, pre-review, acceptance (window clerks). */
const windowRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = casesCall(app, opts.deadlineMs);

  app.post(
    '/walk-in',
    {
      config: { auth },
      schema: {
        tags,
        summary:
          '窗口登记办件（窗口人员）：按身份证号码或统一社会信用代码找到申请人，办件进入待预审；同一幂等键重试返回同一办件',
        headers: IdempotencyHeaders,
        body: WalkInBody,
        response: { 201: Case, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(
        request,
        'registerWalkIn',
        {
          idempotencyKey: request.headers['idempotency-key'],
          itemId: b.itemId,
          applicantIdCode: b.applicantIdCode,
          agentIdNumber: b.agentIdNumber ?? '',
          formData: formDataToProto(b.formData),
          contact: contactToProto(b.contact),
          windowId: b.windowId ?? '',
        },
        { idempotencyKey: 'headers.idempotency-key' },
      );
      const c = caseToRest(present(res.case, 'case'));
      return reply.status(201).header('location', `/api/v1/cases/${c.id}`).send(c);
    },
  );

  caseAction(app, {
    url: '/:id/corrections',
    summary: '记录当场更正（A5），可同时替换表单数据',
    auth,
    body: CorrectionsBody,
    send: (r, id, b) =>
      call(
        r,
        'recordCorrection',
        {
          id,
          expectedVersion: b.expectedVersion,
          corrections: b.corrections.map((c) => ({
            field: c.field ?? '',
            materialId: c.materialId ?? '',
            note: c.note,
            recordedBy: '',
          })),
          formData: formDataToProto(b.formData),
        },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/one-time-notice',
    summary: '出具一次性告知书：列出全部问题，申请人补正后再次提交',
    auth,
    body: OneTimeNoticeBody,
    send: (r, id, b) =>
      call(
        r,
        'issueOneTimeNotice',
        {
          id,
          expectedVersion: b.expectedVersion,
          problems: b.problems.map((p) => ({
            ruleId: p.ruleId ?? '',
            field: p.field ?? '',
            materialId: p.materialId ?? '',
            message: p.message,
          })),
        },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/pre-review/pass',
    summary: '预审通过（A23：与移交受理分开）',
    auth,
    body: OpinionBody,
    send: (r, id, b) =>
      call(r, 'passPreReview', { id, expectedVersion: b.expectedVersion, opinion: b.opinion ?? '' }, ID),
  });

  caseAction(app, {
    url: '/:id/send-to-acceptance',
    summary: '移交受理（A23）；需要纸质原件时进入待递交纸质材料（A24）',
    auth,
    body: VersionBody,
    send: (r, id, b) => call(r, 'sendToAcceptance', { id, expectedVersion: b.expectedVersion }, ID),
  });

  caseAction(app, {
    url: '/:id/accept',
    summary: '受理：出具受理通知书和承诺办结日期',
    auth,
    body: OpinionBody,
    send: (r, id, b) => call(r, 'acceptCase', { id, expectedVersion: b.expectedVersion, opinion: b.opinion ?? '' }, ID),
  });

  caseAction(app, {
    url: '/:id/refuse',
    summary: '不予受理：理由和救济途径，出具不予受理通知书',
    auth,
    body: RefuseBody,
    send: (r, id, b) =>
      call(
        r,
        'refuseToAccept',
        { id, expectedVersion: b.expectedVersion, reasons: b.reasons, remedies: b.remedies ?? [] },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/void',
    summary: '预审时作废（重复申报或恶意申报，写明理由）',
    auth,
    body: VoidCaseBody,
    send: (r, id, b) =>
      call(
        r,
        'voidCase',
        { id, expectedVersion: b.expectedVersion, kind: voidReason.proto(b.kind), reason: b.reason },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/decide-on-the-spot',
    summary: '即办件当场办结（A8）：受理并作出决定',
    auth,
    body: DecideOnTheSpotBody,
    send: (r, id, b) =>
      call(
        r,
        'decideOnTheSpot',
        {
          id,
          expectedVersion: b.expectedVersion,
          outcome: outcome.proto(b.outcome),
          reasons: b.reasons ?? [],
          deliveryMethod: deliveryMethod.proto(b.deliveryMethod),
        },
        ID,
      ),
  });
};

export default windowRoutes;
