import type { GrpcServer } from '@govhall/grpc';
import { applicationsV1, enumSpelling } from '@govhall/proto';
import type { MyList, QueueKind } from '../../domain/case-lists';
import type { CaseSummary } from '../../domain/case-summary';
import type { CaseCore } from '../../usecases/deps';
import { exportLedgerUseCase } from '../../usecases/export-ledger/export-ledger.usecase';
import { listMyCasesUseCase } from '../../usecases/list-my-cases/list-my-cases.usecase';
import { listQueueUseCase } from '../../usecases/list-queue/list-queue.usecase';
import { queryProgressUseCase } from '../../usecases/query-progress/query-progress.usecase';
import { caseStatus, handlingCategory } from './case-enums';
import type { HandlerGroup } from './handler-group';

const myList = enumSpelling(applicationsV1.MyCaseList, 'MY_CASE_LIST_');
const queueKind = enumSpelling(applicationsV1.QueueKind, 'QUEUE_KIND_');

function toProtoSummary(s: CaseSummary): applicationsV1.CaseSummary {
  return {
    ...s,
    status: caseStatus.toProto(s.status),
    handlingCategory: handlingCategory.toProto(s.handlingCategory),
    workingDaysLeft: s.workingDaysLeft ?? 0,
  };
}

function page(r: { nextPageToken: string; total: number }) {
  return { nextPageToken: r.nextPageToken, total: r.total };
}

/** The lists: the applicant's, the staff queues, the public progress query and the monthly ledger. */
export const queryHandlers: HandlerGroup<'listMyCases' | 'listQueue' | 'queryProgress' | 'exportLedger'> = (
  server: GrpcServer,
  core: CaseCore,
) => {
  const listMine = listMyCasesUseCase(core);
  const listQueue = listQueueUseCase(core);
  const progress = queryProgressUseCase(core);
  const ledger = exportLedgerUseCase(core);
  return {
    listMyCases: server.unary<applicationsV1.ListMyCasesRequest, applicationsV1.ListMyCasesResponse>(
      'ListMyCases',
      async (req, ctx) => {
        const r = await listMine(
          { list: (myList.fromProto(req.list) ?? '') as MyList | '', ...req.page },
          ctx.principal,
        );
        return { cases: r.cases.map(toProtoSummary), page: page(r) };
      },
    ),
    listQueue: server.unary<applicationsV1.ListQueueRequest, applicationsV1.ListQueueResponse>(
      'ListQueue',
      async (req, ctx) => {
        const r = await listQueue(
          {
            tenant: req.tenant,
            windowId: req.windowId,
            department: req.department,
            role: req.role,
            kind: (queueKind.fromProto(req.kind) ?? '') as QueueKind | '',
            ...req.page,
          },
          ctx.principal,
        );
        return { cases: r.cases.map(toProtoSummary), page: page(r) };
      },
    ),
    queryProgress: server.unary<applicationsV1.QueryProgressRequest, applicationsV1.QueryProgressResponse>(
      'QueryProgress',
      async (req) => {
        const p = await progress(req);
        return {
          ...p,
          status: caseStatus.toProto(p.status),
          timeline: p.timeline.map((t) => ({ ...t, status: caseStatus.toProto(t.status) })),
        };
      },
      { auth: 'none' },
    ),
    exportLedger: server.unary<applicationsV1.ExportLedgerRequest, applicationsV1.ExportLedgerResponse>(
      'ExportLedger',
      async (req, ctx) => ledger(req, ctx.principal),
    ),
  };
};
