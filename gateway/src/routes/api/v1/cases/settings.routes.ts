import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { tags } from './case-action';
import { CaseSettings, SettingsBody, SettingsParams } from './case.schemas';
import { present, ruleToProto, settingsToRest } from './case.mapper';
import { casesCall } from './cases-call';
import { SETTINGS_ADMINS } from './roles';

const TENANT = { tenant: 'params.tenant', 'settings.tenant': 'params.tenant', settings: '' };

/** Per-tenant case rules: common pre-review rules (A20), counter one-time notice days, center review of extensions. */
const settingsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = casesCall(app, opts.deadlineMs);

  app.get(
    '/settings/:tenant',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '租户的办件设置（本租户工作人员可读）',
        params: SettingsParams,
        response: { 200: CaseSettings, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const res = await call(request, 'getCaseSettings', { tenant: request.params.tenant }, TENANT);
      return settingsToRest(present(res.settings, 'settings'));
    },
  );

  app.put(
    '/settings/:tenant',
    {
      config: { auth: { roles: SETTINGS_ADMINS } },
      schema: {
        tags,
        summary: '修改租户的办件设置（中心管理员）：整体替换',
        params: SettingsParams,
        body: SettingsBody,
        response: { 200: CaseSettings, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'updateCaseSettings',
        {
          settings: {
            tenant: request.params.tenant,
            commonRules: b.commonRules.map(ruleToProto),
            counterNoticeWorkingDays: b.counterNoticeWorkingDays,
            extensionCenterReview: b.extensionCenterReview,
            hallClosesAt: b.hallClosesAt ?? '',
            version: b.expectedVersion,
          },
          expectedVersion: b.expectedVersion,
        },
        TENANT,
      );
      return settingsToRest(present(res.settings, 'settings'));
    },
  );
};

export default settingsRoutes;
