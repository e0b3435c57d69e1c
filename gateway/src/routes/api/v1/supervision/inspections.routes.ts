import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { SUPERVISION_READERS, SUPERVISORS } from './roles';
import { inspectionToRest, present, violationToRest } from './violation.mapper';
import { InspectionAnswer, InspectionBody, InspectionPage, InspectionsQuery } from './violation.schemas';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';

const tags = ['supervision'];

/** 日检查 (S18): a supervisor records a window's inspection; each failed entry becomes a violation. */
const inspectionsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'violations', opts.deadlineMs);

  app.post(
    '/inspections',
    {
      config: { auth: { roles: SUPERVISORS } },
      schema: {
        tags,
        summary: '记录一次窗口日检查（检查清单、现场照片）；不合格的检查项记为违规，一并返回',
        body: InspectionBody,
        response: { 201: InspectionAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(
        request,
        'recordInspection',
        {
          tenant: b.tenant,
          windowId: b.windowId,
          date: b.date,
          checklist: b.checklist.map((c) => ({ ...c, note: c.note ?? '' })),
          photoFileIds: b.photoFileIds ?? [],
          person: b.person ?? '',
          requestId: b.requestId,
        },
        {},
      );
      return reply.code(201).send({
        inspection: inspectionToRest(present(res.inspection, 'inspection')),
        violations: res.violations.map(violationToRest),
      });
    },
  );

  app.get(
    '/inspections',
    {
      config: { auth: { roles: SUPERVISION_READERS } },
      schema: {
        tags,
        summary: '日检查记录，可按窗口、日期筛选',
        querystring: InspectionsQuery,
        response: { 200: InspectionPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listInspections',
        {
          tenant: q.tenant ?? '',
          windowId: q.windowId ?? '',
          fromDate: q.fromDate ?? '',
          toDate: q.toDate ?? '',
          page: pageOf(q),
        },
        queryFields('tenant', 'windowId', 'fromDate', 'toDate'),
      );
      return { inspections: res.inspections.map(inspectionToRest), ...pageAnswer(res.page, res.inspections.length) };
    },
  );
};

export default inspectionsRoutes;
