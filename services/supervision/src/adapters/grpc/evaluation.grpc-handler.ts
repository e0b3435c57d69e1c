import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { EvaluationUseCases } from '../../usecases/evaluation/evaluation.use-cases';
import { levelFromProto, periodKindFromProto, toProtoKpiFigures, toProtoPublicRow } from './evaluation.mapper';

type Impl = supervisionV1.EvaluationServiceServer;

/** govhall.supervision.v1.EvaluationService: proto ⇄ use case. GetPublicStatistics is anonymous. */
export function registerEvaluationService(server: GrpcServer, uc: EvaluationUseCases): void {
  const impl: Impl = {
    listKpis: server.unary<supervisionV1.ListKpisRequest, supervisionV1.ListKpisResponse>(
      'ListKpis',
      async (req, ctx) => {
        const list = await uc.listKpis(
          {
            level: levelFromProto(req.level),
            tenant: req.tenant,
            subjectId: req.subjectId,
            periodKind: periodKindFromProto(req.periodKind),
            fromKey: req.fromKey,
            toKey: req.toKey,
            includeSubordinates: req.includeSubordinates,
          },
          ctx.principal,
        );
        return { figures: list.figures.map(toProtoKpiFigures), totals: list.totals.map(toProtoKpiFigures) };
      },
    ),
    getPublicStatistics: server.unary<
      supervisionV1.GetPublicStatisticsRequest,
      supervisionV1.GetPublicStatisticsResponse
    >(
      'GetPublicStatistics',
      async (req) => {
        const s = await uc.getPublicStatistics({ tenant: req.tenant, month: req.month });
        return {
          tenant: s.tenant,
          month: s.month,
          total: toProtoPublicRow(s.total),
          departments: s.departments.map(toProtoPublicRow),
          windows: s.windows.map(toProtoPublicRow),
        };
      },
      { auth: 'none' },
    ),
    renderMonthlyBulletin: server.unary<
      supervisionV1.RenderMonthlyBulletinRequest,
      supervisionV1.RenderMonthlyBulletinResponse
    >('RenderMonthlyBulletin', async (req, ctx) => {
      const b = await uc.renderMonthlyBulletin({ tenant: req.tenant, month: req.month }, ctx.principal);
      return { pdf: b.pdf, fileName: b.fileName, contentHash: b.contentHash };
    }),
    renderDailyCheck: server.unary<supervisionV1.RenderDailyCheckRequest, supervisionV1.RenderDailyCheckResponse>(
      'RenderDailyCheck',
      async (req, ctx) => {
        const d = await uc.renderDailyCheck({ tenant: req.tenant, date: req.date }, ctx.principal);
        return { pdf: d.pdf, fileName: d.fileName, contentHash: d.contentHash };
      },
    ),
  };
  server.addService('govhall.supervision.v1.EvaluationService', supervisionV1.EvaluationServiceService, impl);
}
