import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../../lib/common.schemas';
import { grpcCall } from '../../../../../lib/grpc-call';
import { attachment } from '../../catalogue/content-disposition';
import { binary } from '../../catalogue/file.schemas';
import { THRESHOLD_READERS, THRESHOLD_WRITERS } from '../roles';
import { annualToRest, scoreToRest, standardToProto, standardToRest } from './scoring.mapper';
import { scoredLevel } from './scoring.enums';
import {
  AnnualAnswer,
  AnnualQuery,
  AssessmentQuery,
  SavedStandardAnswer,
  ScoresAnswer,
  ScoresQuery,
  StandardAnswer,
  StandardBody,
  StandardQuery,
  VersionsAnswer,
} from './scoring.schemas';
import { TenantQuery } from '../supervision.schemas';

const tags = ['supervision'];
/** The service names the standard's fields under `standard.`; the caller sent them as the body itself. */
const BODY_FIELDS = { standard: '' };
const QUERY = {
  tenant: 'querystring.tenant',
  level: 'querystring.level',
  period: 'querystring.period',
  year: 'querystring.year',
};

/** 考核标准 (S27), scores (季考核) and annual grades (S25): read by supervisors and center admins, changed by the admin. */
const scoringRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'scoring', opts.deadlineMs);

  app.get(
    '/standard',
    {
      config: { auth: { roles: THRESHOLD_READERS } },
      schema: {
        tags,
        summary: '租户的考核标准（指标、权重、扣分、等次分数线）；不指定版本为最新版本',
        querystring: StandardQuery,
        response: { 200: StandardAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(request, 'getScoringStandard', { tenant: q.tenant ?? '', version: q.version ?? 0 }, QUERY);
      if (!res.standard) throw new Error('supervision answered without a standard');
      return { standard: standardToRest(res.standard), latestVersion: res.latestVersion };
    },
  );

  app.get(
    '/standard/versions',
    {
      config: { auth: { roles: THRESHOLD_READERS } },
      schema: {
        tags,
        summary: '考核标准的各版本及生效日期（新版本在前）',
        querystring: TenantQuery,
        response: { 200: VersionsAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const res = await call(request, 'listScoringStandardVersions', { tenant: request.query.tenant ?? '' }, QUERY);
      return {
        versions: res.versions.map((v) => ({ ...v, updatedAt: v.updatedAt?.toISOString() })),
      };
    },
  );

  app.put(
    '/standard',
    {
      config: { auth: { roles: THRESHOLD_WRITERS } },
      schema: {
        tags,
        summary: '保存考核标准的新版本（本级中心管理员）：带上读取时的最新版本，期间被他人修改则返回 409',
        body: StandardBody,
        response: { 200: SavedStandardAnswer, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const res = await call(request, 'setScoringStandard', { standard: standardToProto(request.body) }, BODY_FIELDS);
      if (!res.standard) throw new Error('supervision answered without a standard');
      return { standard: standardToRest(res.standard) };
    },
  );

  app.get(
    '/scores',
    {
      config: { auth: { roles: THRESHOLD_READERS } },
      schema: {
        tags,
        summary: '按考核标准为某一期间（月、季、年）的中心、部门、窗口或个人评分，附逐项说明；得分高者在前',
        querystring: ScoresQuery,
        response: { 200: ScoresAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'scoreSubjects',
        { tenant: q.tenant ?? '', level: scoredLevel.proto(q.level), period: q.period },
        QUERY,
      );
      return { standardVersion: res.standardVersion, scores: res.scores.map(scoreToRest) };
    },
  );

  app.get(
    '/annual-grades',
    {
      config: { auth: { roles: THRESHOLD_READERS } },
      schema: {
        tags,
        summary: '窗口A岗人员的年度考核等次：排名、等次、优秀比例（不低于20%）及不占原单位指标的优秀人数',
        querystring: AnnualQuery,
        response: { 200: AnnualAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      return annualToRest(await call(request, 'getAnnualGrades', { tenant: q.tenant ?? '', year: q.year }, QUERY));
    },
  );

  app.get(
    '/quarterly-assessment.pdf',
    {
      config: { auth: { roles: THRESHOLD_READERS } },
      schema: {
        tags,
        summary: '季考核结果通报（PDF）：各部门得分、等次及逐项说明',
        querystring: AssessmentQuery,
        response: { 200: binary('application/pdf', 'PDF 通报'), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const res = await call(request, 'renderQuarterlyAssessment', { tenant: q.tenant ?? '', period: q.period }, QUERY);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(res.fileName || `${q.period}.pdf`))
        .send(res.pdf);
    },
  );
};

export default scoringRoutes;
