import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { jointReviewV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { CENTER, SETTINGS_READERS } from './roles';
import { flowToProto, flowToRest, settingsToProto, settingsToRest } from './settings.mapper';
import {
  FlowAnswer,
  FlowPage,
  FlowParams,
  FlowsQuery,
  PutFlowBody,
  SettingsAnswer,
  SettingsParams,
  UpdateSettingsBody,
} from './settings.schemas';

const tags = ['joint-review'];
const SETTINGS_FIELDS = { tenant: 'params.tenant' };
const FLOW_FIELDS = { tenant: 'params.tenant', itemSeriesId: 'params.itemSeriesId' };

/**
 * 联办设置 (J9, J13): the tenant's settings (lead rule, default budgets, escalation routes, delegated budgets) and the
 * joint items' flows. Staff of the tenant and supervisors read; the center (center_admin of the tenant) writes with
 * the version it read. The joint-review service checks the tenant and the catalogue's item facts.
 */
const settingsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'jointReview', opts.deadlineMs);
  const settingsAnswer = (res: { settings?: jointReviewV1.JointReviewSettings }) => {
    if (!res.settings) throw new Error('joint-review answered without settings');
    return { settings: settingsToRest(res.settings) };
  };
  const flowAnswer = (res: { flow?: jointReviewV1.JointFlow }) => {
    if (!res.flow) throw new Error('joint-review answered without flow');
    return { flow: flowToRest(res.flow) };
  };

  app.get(
    '/settings/:tenant',
    {
      config: { auth: { roles: SETTINGS_READERS } },
      schema: {
        tags,
        summary: '本地区的联办设置（从未设置时为默认值，版本为0）',
        params: SettingsParams,
        response: { 200: SettingsAnswer, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) =>
      settingsAnswer(await call(request, 'getJointReviewSettings', { tenant: request.params.tenant }, SETTINGS_FIELDS)),
  );

  app.put(
    '/settings/:tenant',
    {
      config: { auth: { roles: CENTER } },
      schema: {
        tags,
        summary: '中心修改联办设置：牵头方式、默认审查时限、上报时限和路由、代受理时限（须带读取时的版本）',
        params: SettingsParams,
        body: UpdateSettingsBody,
        response: { 200: SettingsAnswer, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request) => {
      const { expectedVersion, ...b } = request.body;
      return settingsAnswer(
        await call(
          request,
          'updateJointReviewSettings',
          { settings: settingsToProto(request.params.tenant, { expectedVersion, ...b }), expectedVersion },
          SETTINGS_FIELDS,
        ),
      );
    },
  );

  app.get(
    '/flows',
    {
      config: { auth: { roles: SETTINGS_READERS } },
      schema: {
        tags,
        summary: '本地区已配置的联办流程，按事项名称排序',
        querystring: FlowsQuery,
        response: { 200: FlowPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listJointFlows',
        { tenant: q.tenant ?? '', page: pageOf(q) },
        queryFields('tenant'),
      );
      return { flows: res.flows.map(flowToRest), ...pageAnswer(res.page, res.flows.length) };
    },
  );

  app.get(
    '/flows/:tenant/:itemSeriesId',
    {
      config: { auth: { roles: SETTINGS_READERS } },
      schema: {
        tags,
        summary: '联办事项的流程；尚未配置时为默认流程（configured 为 false）',
        params: FlowParams,
        response: { 200: FlowAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) =>
      flowAnswer(
        await call(
          request,
          'getJointFlow',
          { tenant: request.params.tenant, itemSeriesId: request.params.itemSeriesId },
          FLOW_FIELDS,
        ),
      ),
  );

  app.put(
    '/flows/:tenant/:itemSeriesId',
    {
      config: { auth: { roles: CENTER } },
      schema: {
        tags,
        summary:
          '中心配置联办事项的流程：协办部门、串联或并联环节、时限、征求意见、表单字段和材料（已开始的联审不受影响）',
        params: FlowParams,
        body: PutFlowBody,
        response: { 200: FlowAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const { tenant, itemSeriesId } = request.params;
      return flowAnswer(
        await call(
          request,
          'putJointFlow',
          { flow: flowToProto(tenant, itemSeriesId, request.body), expectedVersion: request.body.expectedVersion },
          FLOW_FIELDS,
        ),
      );
    },
  );
};

export default settingsRoutes;
