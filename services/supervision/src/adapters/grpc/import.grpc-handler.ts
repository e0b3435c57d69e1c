import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { ImportReport } from '../../usecases/import-historical-cases/import-historical-cases.usecase';
import type { Principal } from '@govhall/auth';

type ImportHistoricalCases = (
  input: { tenant: string; content: string; firstLine: number },
  actor: Principal,
) => Promise<ImportReport>;

/** govhall.supervision.v1.HistoricalImportService: proto ⇄ use case. */
export function registerHistoricalImportService(
  server: GrpcServer,
  importHistoricalCases: ImportHistoricalCases,
): void {
  const impl: supervisionV1.HistoricalImportServiceServer = {
    importHistoricalCases: server.unary<
      supervisionV1.ImportHistoricalCasesRequest,
      supervisionV1.ImportHistoricalCasesResponse
    >('ImportHistoricalCases', async (req, ctx) => {
      const report = await importHistoricalCases(
        { tenant: req.tenant, content: req.content, firstLine: req.firstLine },
        ctx.principal,
      );
      return { imported: report.imported, alreadyImported: report.alreadyImported, rejected: report.rejected };
    }),
  };
  server.addService(
    'govhall.supervision.v1.HistoricalImportService',
    supervisionV1.HistoricalImportServiceService,
    impl,
  );
}
