import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { ScoringUseCases } from '../../usecases/scoring/scoring.use-cases';
import {
  fromProtoStandard,
  levelFromProto,
  toProtoAnnualGrades,
  toProtoScore,
  toProtoStandard,
  toProtoVersion,
} from './scoring.mapper';

type Impl = supervisionV1.ScoringServiceServer;

/** govhall.supervision.v1.ScoringService: proto ⇄ use case. */
export function registerScoringService(server: GrpcServer, uc: ScoringUseCases): void {
  const impl: Impl = {
    getScoringStandard: server.unary<supervisionV1.GetScoringStandardRequest, supervisionV1.GetScoringStandardResponse>(
      'GetScoringStandard',
      async (req, ctx) => {
        const view = await uc.getScoringStandard({ tenant: req.tenant, version: req.version }, ctx.principal);
        return { standard: toProtoStandard(view.standard), latestVersion: view.latestVersion };
      },
    ),
    listScoringStandardVersions: server.unary<
      supervisionV1.ListScoringStandardVersionsRequest,
      supervisionV1.ListScoringStandardVersionsResponse
    >('ListScoringStandardVersions', async (req, ctx) => ({
      versions: (await uc.listScoringStandardVersions(req.tenant, ctx.principal)).map(toProtoVersion),
    })),
    setScoringStandard: server.unary<supervisionV1.SetScoringStandardRequest, supervisionV1.SetScoringStandardResponse>(
      'SetScoringStandard',
      async (req, ctx) => ({
        standard: toProtoStandard(await uc.setScoringStandard(fromProtoStandard(req.standard), ctx.principal)),
      }),
    ),
    scoreSubjects: server.unary<supervisionV1.ScoreSubjectsRequest, supervisionV1.ScoreSubjectsResponse>(
      'ScoreSubjects',
      async (req, ctx) => {
        const r = await uc.scoreSubjects(
          { tenant: req.tenant, level: levelFromProto(req.level), period: req.period },
          ctx.principal,
        );
        return { standardVersion: r.standardVersion, scores: r.scores.map(toProtoScore) };
      },
    ),
    getAnnualGrades: server.unary<supervisionV1.GetAnnualGradesRequest, supervisionV1.GetAnnualGradesResponse>(
      'GetAnnualGrades',
      async (req, ctx) =>
        toProtoAnnualGrades(await uc.getAnnualGrades({ tenant: req.tenant, year: req.year }, ctx.principal)),
    ),
    renderQuarterlyAssessment: server.unary<
      supervisionV1.RenderQuarterlyAssessmentRequest,
      supervisionV1.RenderQuarterlyAssessmentResponse
    >('RenderQuarterlyAssessment', async (req, ctx) =>
      uc.renderQuarterlyAssessment({ tenant: req.tenant, period: req.period }, ctx.principal),
    ),
  };
  server.addService('govhall.supervision.v1.ScoringService', supervisionV1.ScoringServiceService, impl);
}
