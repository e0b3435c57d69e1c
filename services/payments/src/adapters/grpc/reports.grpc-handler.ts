import type { GrpcServer } from '@govhall/grpc';
import { enumCodec, enumSpelling, paymentsV1 } from '@govhall/proto';
import type { ReportGrouping } from '../../domain/reports/collection-report';
import type {
  collectionReportUseCase,
  exportCollectionReportUseCase,
  ReportRequest,
} from '../../usecases/reports/collection-report.usecase';
import { feeCategory } from './notice.mapper';

export interface ReportUseCases {
  collectionReport: ReturnType<typeof collectionReportUseCase>;
  exportCollectionReport: ReturnType<typeof exportCollectionReportUseCase>;
}

const grouping = enumCodec<ReportGrouping, paymentsV1.GetCollectionReportRequest_GroupBy>(
  enumSpelling(paymentsV1.GetCollectionReportRequest_GroupBy, 'GROUP_BY_'),
);

function fromProto(req: paymentsV1.GetCollectionReportRequest | undefined): ReportRequest {
  return {
    tenant: req?.tenant ?? '',
    from: req?.from ?? '',
    to: req?.to ?? '',
    grouping: grouping.fromProto(req?.groupBy ?? 0) || 'department',
  };
}

type ReportMethods = Pick<paymentsV1.PaymentsServiceServer, 'getCollectionReport' | 'exportCollectionReport'>;

/** The report RPCs of govhall.payments.v1.PaymentsService: proto ⇄ use case. */
export function reportHandlers(server: GrpcServer, uc: ReportUseCases): ReportMethods {
  return {
    getCollectionReport: server.unary<paymentsV1.GetCollectionReportRequest, paymentsV1.GetCollectionReportResponse>(
      'GetCollectionReport',
      async (req, ctx) => {
        const r = await uc.collectionReport(fromProto(req), ctx.principal);
        return {
          ...r,
          rows: r.rows.map((row) => ({
            ...row,
            category: row.category
              ? feeCategory.toProto(row.category)
              : paymentsV1.FeeCategory.FEE_CATEGORY_UNSPECIFIED,
          })),
        };
      },
    ),
    exportCollectionReport: server.unary<
      paymentsV1.ExportCollectionReportRequest,
      paymentsV1.ExportCollectionReportResponse
    >('ExportCollectionReport', async (req, ctx) => uc.exportCollectionReport(fromProto(req.report), ctx.principal)),
  };
}
