import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { SUPERVISION_READERS, SUPERVISORS } from './roles';
import {
  accountabilityState,
  accountabilityTarget,
  sanction,
  violationKind,
  violationState,
} from './supervision.enums';
import { accountabilityToRest, present, violationToRest } from './violation.mapper';
import {
  AccountabilitiesQuery,
  AccountabilityAnswer,
  AccountabilityPage,
  DecideBody,
  DismissBody,
  IdParams,
  ProposeBody,
  ViolationAnswer,
  ViolationPage,
  ViolationsQuery,
} from './violation.schemas';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';

const tags = ['supervision'];

/** Violations with their evidence (违规) and accountability (责任追究: proposal → decision, S19, S20). */
const violationsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'violations', opts.deadlineMs);

  app.get(
    '/violations',
    {
      config: { auth: { roles: SUPERVISION_READERS } },
      schema: {
        tags,
        summary: '违规记录（自动发现的和日检查记录的），可按类别、状态、事项、部门、窗口、人员、日期筛选',
        querystring: ViolationsQuery,
        response: { 200: ViolationPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listViolations',
        {
          tenant: q.tenant ?? '',
          includeSubordinates: q.includeSubordinates ?? false,
          kind: violationKind.proto(q.kind),
          state: violationState.proto(q.state),
          matterId: q.matterId ?? '',
          department: q.department ?? '',
          windowId: q.windowId ?? '',
          person: q.person ?? '',
          fromDate: q.fromDate ?? '',
          toDate: q.toDate ?? '',
          page: pageOf(q),
        },
        queryFields(
          'tenant',
          'includeSubordinates',
          'kind',
          'state',
          'matterId',
          'department',
          'windowId',
          'person',
          'fromDate',
          'toDate',
        ),
      );
      return { violations: res.violations.map(violationToRest), ...pageAnswer(res.page, res.violations.length) };
    },
  );

  app.get(
    '/violations/:id',
    {
      config: { auth: { roles: SUPERVISION_READERS } },
      schema: {
        tags,
        summary: '一条违规记录及其证据（事件、检查照片）',
        params: IdParams,
        response: { 200: ViolationAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const res = await call(request, 'getViolation', { id: request.params.id }, { id: 'params.id' });
      return { violation: violationToRest(present(res.violation, 'violation')) };
    },
  );

  app.post(
    '/violations/:id/dismiss',
    {
      config: { auth: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: '认定不构成违规（写明理由）；带上读取时的 version',
        params: IdParams,
        body: DismissBody,
        response: { 200: ViolationAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'dismissViolation',
        { id: request.params.id, reason: request.body.reason, version: request.body.version },
        { id: 'params.id' },
      );
      return { violation: violationToRest(present(res.violation, 'violation')) };
    },
  );

  app.post(
    '/accountabilities',
    {
      config: { auth: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: '提出处理意见（责任追究）：依据的违规、追究对象、建议的处理方式',
        body: ProposeBody,
        response: { 201: AccountabilityAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(
        request,
        'proposeAccountability',
        {
          tenant: b.tenant,
          violationIds: b.violationIds,
          targetKind: accountabilityTarget.proto(b.targetKind),
          targetId: b.targetId,
          proposedSanctions: b.proposedSanctions.map((s) => sanction.proto(s)),
          proposal: b.proposal,
          requestId: b.requestId,
        },
        {},
      );
      return reply.code(201).send({ accountability: accountabilityToRest(present(res.accountability, 'record')) });
    },
  );

  app.post(
    '/accountabilities/:id/decide',
    {
      config: { auth: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: '对处理意见作出决定：处理方式，或 dismiss=true 不予处理；带上读取时的 version',
        params: IdParams,
        body: DecideBody,
        response: { 200: AccountabilityAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'decideAccountability',
        {
          id: request.params.id,
          sanctions: (b.sanctions ?? []).map((s) => sanction.proto(s)),
          decision: b.decision,
          dismiss: b.dismiss ?? false,
          version: b.version,
        },
        { id: 'params.id' },
      );
      return { accountability: accountabilityToRest(present(res.accountability, 'record')) };
    },
  );

  app.get(
    '/accountabilities',
    {
      config: { auth: { roles: SUPERVISION_READERS } },
      schema: {
        tags,
        summary: '责任追究记录，可按状态、对象、年度筛选',
        querystring: AccountabilitiesQuery,
        response: { 200: AccountabilityPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listAccountabilities',
        {
          tenant: q.tenant ?? '',
          includeSubordinates: q.includeSubordinates ?? false,
          state: accountabilityState.proto(q.state),
          targetId: q.targetId ?? '',
          year: q.year ?? 0,
          page: pageOf(q),
        },
        queryFields('tenant', 'includeSubordinates', 'state', 'targetId', 'year'),
      );
      return {
        accountabilities: res.accountabilities.map(accountabilityToRest),
        ...pageAnswer(res.page, res.accountabilities.length),
      };
    },
  );
};

export default violationsRoutes;
