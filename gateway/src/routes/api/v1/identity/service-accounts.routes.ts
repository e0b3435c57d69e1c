import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { IdParams, TenantParams } from './identity.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { present, serviceAccountToRest } from './identity.mapper';
import { ADMINS } from './roles';
import { CreateServiceAccountBody, CreatedServiceAccount, DisableBody, ServiceAccount } from './people.schemas';

const tags = ['identity'];

/**
 * Service accounts: of third-party department systems (client credentials, bound to a tenant and department), and
 * the center's own platform services (no department, ADR 0053).
 */
const serviceAccountsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.post(
    '/tenants/:code/service-accounts',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '为部门自建系统开通服务账号（本级中心管理员）；客户端密钥只返回这一次',
        params: TenantParams,
        body: CreateServiceAccountBody,
        response: { 201: CreatedServiceAccount, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'createServiceAccount',
        {
          tenant: request.params.code,
          department: request.body.department ?? '',
          clientId: request.body.clientId,
          description: request.body.description ?? '',
        },
        { tenant: 'params.code' },
      );
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({
          serviceAccount: serviceAccountToRest(present(res.serviceAccount, 'serviceAccount')),
          clientSecret: res.clientSecret,
        });
    },
  );

  app.get(
    '/tenants/:code/service-accounts',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '服务账号列表（不含密钥）',
        params: TenantParams,
        response: {
          200: Type.Object({ serviceAccounts: Type.Array(ServiceAccount) }),
          ...problems(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'listServiceAccounts',
        { tenant: request.params.code },
        { tenant: 'params.code' },
      );
      return { serviceAccounts: res.serviceAccounts.map(serviceAccountToRest) };
    },
  );

  app.post(
    '/service-accounts/:id/secret',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '更换服务账号的客户端密钥（本级中心管理员）：旧密钥立即失效，新密钥只返回这一次',
        params: IdParams,
        response: { 200: CreatedServiceAccount, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'rotateServiceAccountSecret',
        { serviceAccountId: request.params.id },
        { serviceAccountId: 'params.id' },
      );
      return reply.header('cache-control', 'no-store').send({
        serviceAccount: serviceAccountToRest(present(res.serviceAccount, 'serviceAccount')),
        clientSecret: res.clientSecret,
      });
    },
  );

  app.post(
    '/service-accounts/:id/disable',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '停用服务账号（本级中心管理员）：不再签发令牌，已签发的令牌在有效期（5分钟）内失效',
        params: IdParams,
        body: DisableBody,
        response: { 200: ServiceAccount, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'disableServiceAccount',
        { serviceAccountId: request.params.id, reason: request.body.reason },
        { serviceAccountId: 'params.id' },
      );
      return serviceAccountToRest(present(res.serviceAccount, 'serviceAccount'));
    },
  );
};

export default serviceAccountsRoutes;
