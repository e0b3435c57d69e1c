import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import { problems } from '../../../../lib/common.schemas';
import { IdParams, TenantParams } from './identity.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { APPLICANT_ADMINS } from './roles';
import {
  applicantToRest,
  grantToRest,
  legalPersonToRest,
  naturalPersonToRest,
  present,
  staffToRest,
} from './identity.mapper';
import {
  ActingAllowed,
  ActingCheckBody,
  ApplicantPage,
  AuthorizeAgentBody,
  AuthorizeAgentResponse,
  DisableBody,
  GrantParams,
  LegalPerson,
  ListApplicantsQuery,
  NaturalPerson,
  Profile,
  RegisterLegalPersonBody,
  RegisterNaturalPersonBody,
  RevokeAgentBody,
} from './people.schemas';

const tags = ['identity'];

/** Applicants: natural persons, legal persons with their agents (经办人), the caller's own profile. */
const applicantsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.post(
    '/natural-persons',
    {
      config: { auth: 'public', limit: 'registration' },
      schema: {
        tags,
        summary: '自然人注册（公开）：以居民身份证号码为登录名开通账号',
        body: RegisterNaturalPersonBody,
        response: { 201: NaturalPerson, ...problems(400, 401, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(request, 'registerNaturalPerson', request.body);
      return reply.status(201).send(naturalPersonToRest(present(res.person, 'person')));
    },
  );

  app.post(
    '/natural-persons/:id/disable',
    {
      config: { auth: { roles: APPLICANT_ADMINS } },
      schema: {
        tags,
        summary: '停用自然人账号（本级中心管理员）：账号停用并立即下线，不能再以任何法人名义办理',
        description:
          '停用后该申请人持有的令牌在下一次请求时即被拒绝（401 SESSION_ENDED），也不能再登录；' +
          '重复停用返回已停用的记录。其他地区或无权查看申请人者按不存在处理（404）。证件号码和手机号码脱敏。',
        params: IdParams,
        body: DisableBody,
        response: { 200: NaturalPerson, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'disableNaturalPerson',
        { personId: request.params.id, reason: request.body.reason },
        { personId: 'params.id' },
      );
      return naturalPersonToRest(present(res.person, 'person'));
    },
  );

  app.get(
    '/me',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '我的档案：工作人员，或自然人及其持有、代办的法人',
        response: { 200: Profile, ...problems(401, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getMyProfile', {});
      const linked = {
        heldLegalPersons: res.heldLegalPersons.map(legalPersonToRest),
        agentFor: res.agentFor.map(legalPersonToRest),
      };
      switch (res.profile?.$case) {
        case 'staff':
          return { kind: 'staff' as const, staff: staffToRest(res.profile.value), ...linked };
        case 'person':
          return { kind: 'natural-person' as const, person: naturalPersonToRest(res.profile.value), ...linked };
        default:
          throw new NotFoundError('PROFILE_NOT_FOUND', '未找到您的档案');
      }
    },
  );

  app.post(
    '/legal-persons',
    {
      config: { auth: 'token', limit: 'registration' },
      schema: {
        tags,
        summary: '法人注册：调用者（已注册的自然人）成为该法人账户的持有人',
        body: RegisterLegalPersonBody,
        response: { 201: LegalPerson, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(request, 'registerLegalPerson', request.body);
      const legalPerson = legalPersonToRest(present(res.legalPerson, 'legalPerson'));
      return reply.status(201).header('location', `/api/v1/identity/legal-persons/${legalPerson.id}`).send(legalPerson);
    },
  );

  app.get(
    '/legal-persons/:id',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '查看法人及其经办人授权',
        params: IdParams,
        response: { 200: LegalPerson, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getLegalPerson', { id: request.params.id }, { id: 'params.id' });
      return legalPersonToRest(present(res.legalPerson, 'legalPerson'));
    },
  );

  app.post(
    '/legal-persons/:id/agents',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '授权经办人（法人账户持有人）：全部部门，或指定部门、事项',
        params: IdParams,
        body: AuthorizeAgentBody,
        response: { 201: AuthorizeAgentResponse, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const { scope, ...b } = request.body;
      const res = await call(
        request,
        'authorizeAgent',
        {
          legalPersonId: request.params.id,
          agentIdNumber: b.agentIdNumber,
          scope: {
            allDepartments: scope.allDepartments ?? false,
            departments: scope.departments ?? [],
            itemCodes: scope.itemCodes ?? [],
          },
          validUntil: b.validUntil ?? '',
        },
        { legalPersonId: 'params.id' },
      );
      return reply.status(201).send({
        legalPerson: legalPersonToRest(present(res.legalPerson, 'legalPerson')),
        grant: grantToRest(present(res.grant, 'grant')),
      });
    },
  );

  app.delete(
    '/legal-persons/:id/agents/:grantId',
    {
      config: { auth: 'token' },
      // The body is optional: none at all means no reason.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: '撤销经办人授权（法人账户持有人）；可附撤销原因',
        params: GrantParams,
        body: RevokeAgentBody,
        response: { 200: LegalPerson, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'revokeAgent',
        { legalPersonId: request.params.id, grantId: request.params.grantId, reason: request.body.reason ?? '' },
        { legalPersonId: 'params.id', grantId: 'params.grantId' },
      );
      return legalPersonToRest(present(res.legalPerson, 'legalPerson'));
    },
  );

  app.post(
    '/legal-persons/:id/acting-checks',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '核验代办权限：经办人能否以该法人名义在此部门（事项）办理；不能时答 403，code 为原因',
        description:
          '不允许时返回 403 problem+json，code 为 NO_GRANT（无授权）、GRANT_REVOKED（已撤销）、' +
          'GRANT_EXPIRED（已过期）、OUTSIDE_SCOPE（超出授权范围）或 ACCOUNT_DISABLED（个人账号已停用），' +
          'detail 为给申请人看的说明。',
        params: IdParams,
        body: ActingCheckBody,
        response: { 200: ActingAllowed, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'checkActingAuthority',
        {
          legalPersonId: request.params.id,
          department: b.department,
          itemCode: b.itemCode ?? '',
          agentSubject: b.agentSubject ?? '',
        },
        { legalPersonId: 'params.id' },
      );
      if (!res.allowed) {
        throw new ForbiddenError(res.reason || 'NO_GRANT', res.message || '您没有代办该法人此项业务的授权');
      }
      return { allowed: true as const, grantId: res.grantId || undefined, reason: res.reason || undefined };
    },
  );

  app.get(
    '/tenants/:code/applicants',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '申请人列表（本级工作人员；证件号码脱敏）',
        params: TenantParams,
        querystring: ListApplicantsQuery,
        response: { 200: ApplicantPage, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listApplicants',
        { tenant: request.params.code, page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' } },
        { tenant: 'params.code', page: 'querystring' },
      );
      return {
        applicants: res.applicants.map(applicantToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: res.page?.total ?? res.applicants.length,
      };
    },
  );
};

export default applicantsRoutes;
