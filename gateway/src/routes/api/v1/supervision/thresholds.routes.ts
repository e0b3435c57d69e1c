import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { THRESHOLD_READERS, THRESHOLD_WRITERS } from './roles';
import { signalLevel } from './supervision.enums';
import { thresholdsToProto, thresholdsToRest } from './supervision.mapper';
import { DryRunAnswer, ThresholdsAnswer, ThresholdsBody, TenantQuery } from './supervision.schemas';

const tags = ['supervision'];

/** The service names the rule fields under `thresholds.`; the caller sent them as the body itself. */
const BODY_FIELDS = { thresholds: '' };

/** Per-tenant signal rules (预警规则, S14): read, tried in a dry run, changed with the version read. */
const thresholdsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'supervision', opts.deadlineMs);

  app.get(
    '/thresholds',
    {
      config: { auth: { roles: THRESHOLD_READERS } },
      schema: {
        tags,
        summary: '租户的预警规则（预警、黄牌、红牌的条件）及其版本',
        querystring: TenantQuery,
        response: { 200: ThresholdsAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'getSignalThresholds',
        { tenant: request.query.tenant ?? '' },
        { tenant: 'querystring.tenant' },
      );
      if (!res.thresholds) throw new Error('supervision answered without thresholds');
      return { thresholds: thresholdsToRest(res.thresholds) };
    },
  );

  app.put(
    '/thresholds',
    {
      config: { auth: { roles: THRESHOLD_WRITERS } },
      schema: {
        tags,
        summary: '修改预警规则（中心管理员）：带上读取时的 version，期间被他人修改则返回 409',
        body: ThresholdsBody,
        response: { 200: ThresholdsAnswer, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'setSignalThresholds',
        { thresholds: thresholdsToProto(request.body) },
        BODY_FIELDS,
      );
      if (!res.thresholds) throw new Error('supervision answered without thresholds');
      return { thresholds: thresholdsToRest(res.thresholds) };
    },
  );

  app.post(
    '/thresholds/dry-run',
    {
      config: { auth: { roles: THRESHOLD_READERS } },
      schema: {
        tags,
        summary: '试算预警规则：列出按新规则信号会变化的未办结事项，不做任何修改',
        body: ThresholdsBody,
        response: { 200: DryRunAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'dryRunSignalThresholds',
        { thresholds: thresholdsToProto(request.body) },
        BODY_FIELDS,
      );
      return {
        changes: res.changes.map((c) => ({
          matterId: c.matterId,
          caseNumber: c.caseNumber,
          itemName: c.itemName,
          from: signalLevel.rest(c.from),
          to: signalLevel.rest(c.to),
        })),
        openMatters: res.openMatters,
      };
    },
  );
};

export default thresholdsRoutes;
