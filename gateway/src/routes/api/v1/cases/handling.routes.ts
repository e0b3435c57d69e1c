import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { LicenceView } from '../licences/licence.schemas';
import { licenceToRest } from '../licences/licence.mapper';
import { ID, caseAction, tags } from './case-action';
import {
  Case,
  CaseParams,
  DecisionBody,
  DeliveryBody,
  ExtensionBody,
  ExtensionReviewBody,
  OpinionBody,
  ResultBody,
  SuspendBody,
  VersionBody,
} from './case.schemas';
import { caseToRest, present } from './case.mapper';
import { deliveryMethod, outcome } from './cases.enums';
import { casesCall } from './cases-call';
import { APPROVERS, EXTENSION_REVIEWERS, HANDLERS } from './roles';
import { Type } from '@sinclair/typebox';

const auth = { roles: HANDLERS };

/** Handling after acceptance: steps, suspension, extension, decision, result, delivery, archive. */
const handlingRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = casesCall(app, opts.deadlineMs);

  caseAction(app, {
    url: '/:id/steps/complete',
    summary: '办结当前环节并填写意见，下一环节开始',
    auth,
    body: OpinionBody,
    send: (r, id, b) =>
      call(r, 'completeStep', { id, expectedVersion: b.expectedVersion, opinion: b.opinion ?? '' }, ID),
  });

  caseAction(app, {
    url: '/:id/suspend',
    summary: '进入特别程序（§45）：计时暂停，告知申请人',
    auth,
    body: SuspendBody,
    send: (r, id, b) =>
      call(
        r,
        'suspendCase',
        {
          id,
          expectedVersion: b.expectedVersion,
          procedure: b.procedure,
          reason: b.reason,
          plannedWorkingDays: b.plannedWorkingDays,
        },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/resume',
    summary: '特别程序结束，恢复办理：期限顺延暂停的工作日',
    auth,
    body: VersionBody,
    send: (r, id, b) => call(r, 'resumeCase', { id, expectedVersion: b.expectedVersion }, ID),
  });

  caseAction(app, {
    url: '/:id/extension',
    summary: '申请延期（每件一次），理由告知申请人',
    auth,
    body: ExtensionBody,
    send: (r, id, b) =>
      call(
        r,
        'requestExtension',
        { id, expectedVersion: b.expectedVersion, workingDays: b.workingDays, reason: b.reason },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/extension/review',
    summary: '审核延期：部门负责人同意，再由中心审核（按租户设置）',
    auth: { roles: EXTENSION_REVIEWERS },
    body: ExtensionReviewBody,
    send: (r, id, b) =>
      call(
        r,
        'reviewExtension',
        { id, expectedVersion: b.expectedVersion, approve: b.approve, comment: b.comment ?? '' },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/decision',
    summary: '作出决定（审批人）：准予则待制证；不予写明理由和救济途径，办结',
    auth: { roles: APPROVERS },
    body: DecisionBody,
    send: (r, id, b) =>
      call(
        r,
        'decideCase',
        {
          id,
          expectedVersion: b.expectedVersion,
          outcome: outcome.proto(b.outcome),
          reasons: b.reasons ?? [],
          remedies: b.remedies ?? [],
        },
        ID,
      ),
  });

  app.post(
    '/:id/result',
    {
      config: { auth },
      schema: {
        tags,
        summary: '制证：证照存入电子证照库，办件办结，生成取件码',
        params: CaseParams,
        body: ResultBody,
        response: {
          200: Type.Object({ case: Case, licence: LicenceView }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'issueResult',
        {
          id: request.params.id,
          expectedVersion: b.expectedVersion,
          validUntil: b.validUntil ?? '',
          deliveryMethod: deliveryMethod.proto(b.deliveryMethod),
          address: b.address ?? '',
        },
        ID,
      );
      return {
        case: caseToRest(present(res.case, 'case')),
        licence: licenceToRest(present(res.licence, 'licence')),
      };
    },
  );

  caseAction(app, {
    url: '/:id/delivery',
    summary: '送达：窗口领取（取件码）、邮寄（快递单号）或电子送达',
    auth,
    body: DeliveryBody,
    send: (r, id, b) =>
      call(
        r,
        'deliverResult',
        {
          id,
          expectedVersion: b.expectedVersion,
          method: deliveryMethod.proto(b.method),
          pickupCode: b.pickupCode ?? '',
          trackingNumber: b.trackingNumber ?? '',
        },
        ID,
      ),
  });

  caseAction(app, {
    url: '/:id/archive',
    summary: '归档',
    auth,
    body: VersionBody,
    send: (r, id, b) => call(r, 'archiveCase', { id, expectedVersion: b.expectedVersion }, ID),
  });
};

export default handlingRoutes;
