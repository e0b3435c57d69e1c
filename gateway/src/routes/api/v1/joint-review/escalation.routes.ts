import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@govhall/auth';
import { jointReviewV1 } from '@govhall/proto';
import type { TSchema } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { decisionOutcome, escalationState, escalationUpdateKind } from './joint-review.enums';
import { escalationToRest } from './escalation.mapper';
import {
  DecisionBody,
  EscalationAnswer,
  EscalationCaseParams,
  EscalationPage,
  EscalationParams,
  FollowUpBody,
  FollowUpsQuery,
  ForwardBody,
  ReceivedQuery,
  ResupplyBody,
  ReturnBody,
  StatusBody,
} from './escalation.schemas';
import {
  ESCALATION_DECIDERS,
  ESCALATION_HANDLERS,
  ESCALATION_RETURNERS,
  ESCALATION_SENDERS,
  REVIEW_READERS,
} from './roles';

const tags = ['joint-review'];
const BY_ID = { id: 'params.id' };

/**
 * 上报件 (escalated cases, J3/J4), the staff's side: the lower center forwards a case to the parent center, answers a
 * return with a supplement and records its follow-up; the parent's department returns, reports and decides. The
 * transfer between deployments (ReceiveEscalation …) stays gRPC between the services. The joint-review service
 * decides which side and department may touch a record (escalation_service.proto); the gateway checks roles and
 * shapes and maps the errors.
 */
const escalationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'escalations', opts.deadlineMs);
  const answer = (res: { escalation?: jointReviewV1.Escalation }) => {
    if (!res.escalation) throw new Error('joint-review answered without escalation');
    return { escalation: escalationToRest(res.escalation) };
  };
  const page = (res: jointReviewV1.ListFollowUpsResponse | jointReviewV1.ListReceivedEscalationsResponse) => ({
    escalations: res.escalations.map(escalationToRest),
    ...pageAnswer(res.page, res.escalations.length),
  });
  /** A write on one record, answering the record after the change. */
  const write = <B extends TSchema>(summary: string, roles: readonly Role[], body: B) => ({
    config: { auth: { roles } },
    schema: {
      tags,
      summary,
      params: EscalationParams,
      body,
      response: { 200: EscalationAnswer, ...problems(400, 401, 403, 404, 409, 503) },
    },
  });
  const read = <P extends TSchema>(summary: string, params: P) => ({
    config: { auth: { roles: REVIEW_READERS } },
    schema: { tags, summary, params, response: { 200: EscalationAnswer, ...problems(400, 401, 403, 404, 503) } },
  });

  app.get(
    '/escalations/follow-ups',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary:
          '本级中心的上报件跟踪列表：报送的上报件及上级的办理状态，承诺办结日期早的在前（中心管理员和监察人员看全部部门，其他工作人员须指定本部门）',
        querystring: FollowUpsQuery,
        response: { 200: EscalationPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      return page(
        await call(
          request,
          'listFollowUps',
          {
            tenant: q.tenant ?? '',
            department: q.department ?? '',
            states: q.state ? [escalationState.proto(q.state)] : [],
            caseNumber: q.caseNumber ?? '',
            page: pageOf(q),
          },
          { ...queryFields('tenant', 'department', 'caseNumber'), states: 'querystring.state' },
        ),
      );
    },
  );

  app.get(
    '/escalations/received',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary: '上级中心收到的上报件，办件到期日早的在前（中心管理员和监察人员看全部部门，其他工作人员须指定本部门）',
        querystring: ReceivedQuery,
        response: { 200: EscalationPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      return page(
        await call(
          request,
          'listReceivedEscalations',
          {
            tenant: q.tenant ?? '',
            department: q.department ?? '',
            states: q.state ? [escalationState.proto(q.state)] : [],
            sourceTenant: q.sourceTenant ?? '',
            page: pageOf(q),
          },
          { ...queryFields('tenant', 'department', 'sourceTenant'), states: 'querystring.state' },
        ),
      );
    },
  );

  app.get(
    '/escalations/:id',
    read('一条上报件记录（本级的跟踪记录或上级的办理记录）：办件、材料、上级进展、跟踪记录', EscalationParams),
    async (request) => answer(await call(request, 'getEscalation', { id: request.params.id, caseId: '' }, BY_ID)),
  );

  app.get('/cases/:caseId/escalation', read('本级办件的上报件跟踪记录', EscalationCaseParams), async (request) =>
    answer(
      await call(request, 'getEscalation', { id: '', caseId: request.params.caseId }, { caseId: 'params.caseId' }),
    ),
  );

  app.post(
    '/escalations/:id/forward',
    write(
      '本级窗口将上报件报送上级中心：办件和全部材料随之报送（上级暂不可达时自动重试）；不指定办理部门时按本中心的上报路线',
      ESCALATION_SENDERS,
      ForwardBody,
    ),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'forwardEscalation',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            targetDepartment: b.targetDepartment ?? '',
            note: b.note ?? '',
          },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/escalations/:id/resupply',
    write('本级答复上级的退回补充：补充说明和选定的办件材料作为新一轮报送上级', ESCALATION_SENDERS, ResupplyBody),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'resupplyEscalation',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            note: b.note,
            attachmentIds: [],
            caseFileIds: b.caseFileIds ?? [],
          },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/escalations/:id/follow-ups',
    write('本级登记与上级的联系情况（跟踪，办结或撤回前）', ESCALATION_SENDERS, FollowUpBody),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'recordFollowUp',
          { id: request.params.id, expectedVersion: b.expectedVersion, text: b.text, contact: b.contact ?? '' },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/escalations/:id/return',
    write('上级退回补充（须写理由）：办理计时暂停，本级重新开始报送计时', ESCALATION_RETURNERS, ReturnBody),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'returnEscalation',
          { id: request.params.id, expectedVersion: b.expectedVersion, reasons: b.reasons, attachmentIds: [] },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/escalations/:id/status',
    write(
      '上级向本级报告办理进展，或特别程序（听证、检验等）的开始和结束（特别程序期间办理计时暂停）',
      ESCALATION_HANDLERS,
      StatusBody,
    ),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'reportEscalationStatus',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            kind: escalationUpdateKind.proto(b.kind),
            text: b.text,
            procedure: b.procedure ?? '',
            plannedWorkingDays: b.plannedWorkingDays ?? 0,
          },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/escalations/:id/decision',
    write(
      '上级办理部门作出决定（本部门审批人员或负责人）：决定回传本级，办件随之办结',
      ESCALATION_DECIDERS,
      DecisionBody,
    ),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'decideEscalation',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            outcome: decisionOutcome.proto(b.outcome),
            reasons: b.reasons ?? [],
            remedies: b.remedies ?? [],
            documentNumber: b.documentNumber ?? '',
            attachmentIds: [],
          },
          BY_ID,
        ),
      );
    },
  );
};

export default escalationRoutes;
