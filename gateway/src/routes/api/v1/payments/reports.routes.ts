import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { paymentsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { attachment } from '../catalogue/content-disposition';
import { binary } from '../catalogue/file.schemas';
import { feeCategory } from './payments.enums';
import { CollectionReport, CollectionReportQuery } from './payments.schemas';

const tags = ['payments'];
const READERS = ['finance_reconciler', 'center_admin', 'supervisor'] as const;
const G = paymentsV1.GetCollectionReportRequest_GroupBy;
const GROUPS = {
  department: G.GROUP_BY_DEPARTMENT,
  category: G.GROUP_BY_CATEGORY,
  department_and_category: G.GROUP_BY_DEPARTMENT_AND_CATEGORY,
} as const;
const FIELDS = { tenant: 'querystring.tenant', from: 'querystring.from', to: 'querystring.to' };

function toRequest(q: CollectionReportQuery): paymentsV1.GetCollectionReportRequest {
  return { tenant: q.tenant ?? '', from: q.from, to: q.to, groupBy: GROUPS[q.groupBy ?? 'department'] };
}

/** 收费统计 (P10): collections per owning department and category in a period, and its CSV. */
const reportRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'payments', opts.deadlineMs);

  app.get(
    '/reports/collections',
    {
      config: { auth: { roles: [...READERS] } },
      schema: {
        tags,
        summary: '收费统计：期间内按执收部门、收费类别汇总的收款，以及期间内的退款',
        querystring: CollectionReportQuery,
        response: { 200: CollectionReport, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const r = await call(request, 'getCollectionReport', toRequest(request.query), FIELDS);
      return {
        ...r,
        rows: r.rows.map((row) => ({
          ...row,
          category: row.category ? feeCategory.fromProto(row.category) : ('' as const),
        })),
      };
    },
  );

  app.get(
    '/reports/collections.csv',
    {
      config: { auth: { roles: [...READERS] } },
      schema: {
        tags,
        summary: '导出收费统计（CSV，UTF-8，带 BOM）',
        querystring: CollectionReportQuery,
        response: { 200: binary('text/csv; charset=utf-8', 'CSV 收费统计'), ...problems(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(request, 'exportCollectionReport', { report: toRequest(request.query) }, FIELDS);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(res.fileName))
        .send(res.csv);
    },
  );
};

export default reportRoutes;
