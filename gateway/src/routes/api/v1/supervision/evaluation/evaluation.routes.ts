import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@govhall/auth';
import type { supervisionV1 } from '@govhall/proto';
import { problems } from '../../../../../lib/common.schemas';
import { grpcCall } from '../../../../../lib/grpc-call';
import { attachment } from '../../catalogue/content-disposition';
import { binary } from '../../catalogue/file.schemas';
import { queryFields } from '../../../../../lib/query-fields';
import { kpiLevel, kpiPeriodKind } from './evaluation.enums';
import {
  BulletinQuery,
  DailyCheckParams,
  DailyCheckQuery,
  KpiList,
  KpisQuery,
  MonthQuery,
  PublicStatistics,
} from './evaluation.schemas';

const tags = ['supervision'];

/** KPIs and the bulletin: supervisors and center administrators (the service checks the tenant scope). */
export const EVALUATION_READERS: readonly Role[] = ['supervisor', 'center_admin', 'ops_admin', 'service'];

function figuresToRest(f: supervisionV1.KpiFigures) {
  return {
    subject: { level: kpiLevel.rest(f.subject!.level), id: f.subject!.id, tenant: f.subject!.tenant },
    period: { kind: kpiPeriodKind.rest(f.period!.kind), key: f.period!.key },
    counts: f.counts!,
    rates: f.rates ?? {},
  };
}

/** 统计报表: KPIs with roll-up and drill-down, the public statistics (S28), the monthly bulletin PDF (月通报). */
const evaluationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'evaluation', opts.deadlineMs);

  app.get(
    '/kpis',
    {
      config: { auth: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary: '绩效指标：按地区、部门、窗口、人员和日、月、季度、年统计；可汇总下级并逐个下钻',
        querystring: KpisQuery,
        response: { 200: KpiList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listKpis',
        {
          level: kpiLevel.proto(q.level),
          tenant: q.tenant ?? '',
          subjectId: q.subjectId ?? '',
          periodKind: kpiPeriodKind.proto(q.periodKind),
          fromKey: q.fromKey,
          toKey: q.toKey ?? '',
          includeSubordinates: q.includeSubordinates ?? false,
        },
        queryFields('level', 'tenant', 'subjectId', 'periodKind', 'fromKey', 'toKey', 'includeSubordinates'),
      );
      return { figures: res.figures.map(figuresToRest), totals: res.totals.map(figuresToRest) };
    },
  );

  app.get(
    '/public-statistics',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '公开的办件统计：某月各部门、各窗口的办件量、按时办结率和满意度（不含个人信息，无需登录）',
        querystring: MonthQuery,
        response: { 200: PublicStatistics, ...problems(400) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(request, 'getPublicStatistics', q, queryFields('tenant', 'month'));
      return {
        tenant: res.tenant,
        month: res.month,
        total: res.total!,
        departments: res.departments,
        windows: res.windows,
      };
    },
  );

  app.get(
    '/bulletins/monthly.pdf',
    {
      config: { auth: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary: '电子监察月通报 PDF（下载）：各部门指标及排名、红黄牌、违规情况，人员姓名脱敏',
        querystring: BulletinQuery,
        response: { 200: binary('application/pdf', '月通报 PDF'), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const res = await call(
        request,
        'renderMonthlyBulletin',
        { tenant: q.tenant ?? '', month: q.month },
        queryFields('tenant', 'month'),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(res.fileName))
        .send(Buffer.from(res.pdf));
    },
  );

  app.get(
    '/daily-checks/:date.pdf',
    {
      config: { auth: { roles: EVALUATION_READERS } },
      schema: {
        tags,
        summary: '电子监察日检查表 PDF（下载）：当日窗口检查记录、违规、预警及红黄牌，人员姓名脱敏',
        params: DailyCheckParams,
        querystring: DailyCheckQuery,
        response: { 200: binary('application/pdf', '日检查表 PDF'), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'renderDailyCheck',
        { tenant: request.query.tenant ?? '', date: request.params.date },
        { ...queryFields('tenant'), date: 'params.date' },
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(res.fileName))
        .send(Buffer.from(res.pdf));
    },
  );
};

export default evaluationRoutes;
