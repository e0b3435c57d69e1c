import type { GrpcServer } from '@govhall/grpc';
import { paymentsV1 } from '@govhall/proto';
import type { importStatementUseCase } from '../../usecases/import-statement/import-statement.usecase';
import type {
  listMismatchesUseCase,
  listStatementsUseCase,
} from '../../usecases/read-reconciliation/read-reconciliation.usecases';
import type { resolveMismatchUseCase } from '../../usecases/resolve-mismatch/resolve-mismatch.usecase';
import { mismatchKind, mismatchState, toProtoMismatch, toProtoStatement } from './reconciliation.mapper';

export interface ReconciliationUseCases {
  importStatement: ReturnType<typeof importStatementUseCase>;
  listStatements: ReturnType<typeof listStatementsUseCase>;
  listMismatches: ReturnType<typeof listMismatchesUseCase>;
  resolveMismatch: ReturnType<typeof resolveMismatchUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

const page = (p: { pageSize: number; pageToken: string } | undefined) => ({
  pageSize: p?.pageSize ?? 0,
  pageToken: p?.pageToken ?? '',
});

/** govhall.payments.v1.ReconciliationService: proto ⇄ use case. */
export function registerReconciliationService(server: GrpcServer, uc: ReconciliationUseCases): void {
  const impl: paymentsV1.ReconciliationServiceServer = {
    importStatement: server.unary<paymentsV1.ImportStatementRequest, paymentsV1.ImportStatementResponse>(
      'ImportStatement',
      async (req, ctx) => {
        try {
          const got = await uc.importStatement(
            { tenant: req.tenant, fileName: req.fileName, content: req.content },
            ctx.principal,
          );
          return {
            statement: toProtoStatement(got.statement),
            created: got.created,
            mismatches: got.mismatches.map(toProtoMismatch),
          };
        } finally {
          // Notices marked paid and mismatches are stored with their events even when a later step failed.
          uc.afterWrite();
        }
      },
    ),
    listStatements: server.unary<paymentsV1.ListStatementsRequest, paymentsV1.ListStatementsResponse>(
      'ListStatements',
      async (req, ctx) => {
        const got = await uc.listStatements({ tenant: req.tenant, page: page(req.page) }, ctx.principal);
        return {
          statements: got.items.map(toProtoStatement),
          page: { nextPageToken: got.nextPageToken, total: got.total },
        };
      },
    ),
    listMismatches: server.unary<paymentsV1.ListMismatchesRequest, paymentsV1.ListMismatchesResponse>(
      'ListMismatches',
      async (req, ctx) => {
        const got = await uc.listMismatches(
          {
            tenant: req.tenant,
            filter: {
              statementId: req.statementId || undefined,
              kind: req.kind ? mismatchKind.fromProto(req.kind) : undefined,
              state: req.state ? mismatchState.fromProto(req.state) : undefined,
            },
            page: page(req.page),
          },
          ctx.principal,
        );
        return {
          mismatches: got.items.map(toProtoMismatch),
          page: { nextPageToken: got.nextPageToken, total: got.total },
        };
      },
    ),
    resolveMismatch: server.unary<paymentsV1.ResolveMismatchRequest, paymentsV1.ResolveMismatchResponse>(
      'ResolveMismatch',
      async (req, ctx) => {
        const mismatch = await uc.resolveMismatch(
          { id: req.id, note: req.note, expectedVersion: req.expectedVersion },
          ctx.principal,
        );
        uc.afterWrite();
        return { mismatch: toProtoMismatch(mismatch) };
      },
    ),
  };
  server.addService('govhall.payments.v1.ReconciliationService', paymentsV1.ReconciliationServiceService, impl);
}
