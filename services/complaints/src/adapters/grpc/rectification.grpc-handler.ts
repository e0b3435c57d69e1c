import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { RectificationStatus } from '../../domain/rectifications/rectification';
import type { assignRectificationUseCase } from '../../usecases/rectifications/assign-rectification/assign-rectification.usecase';
import type { concludeRectificationUseCase } from '../../usecases/rectifications/conclude-rectification/conclude-rectification.usecase';
import type { decideAppealUseCase } from '../../usecases/rectifications/decide-appeal/decide-appeal.usecase';
import type { getRectificationUseCase } from '../../usecases/rectifications/get-rectification/get-rectification.usecase';
import type { listRectificationsUseCase } from '../../usecases/rectifications/list-rectifications/list-rectifications.usecase';
import type { recordCallBackUseCase } from '../../usecases/rectifications/record-call-back/record-call-back.usecase';
import { rectificationOutcome, rectificationStatus, toProtoRectification } from './rectification.mapper';

export interface RectificationUseCases {
  listRectifications: ReturnType<typeof listRectificationsUseCase>;
  getRectification: ReturnType<typeof getRectificationUseCase>;
  assignRectification: ReturnType<typeof assignRectificationUseCase>;
  recordCallBack: ReturnType<typeof recordCallBackUseCase>;
  concludeRectification: ReturnType<typeof concludeRectificationUseCase>;
  decideAppeal: ReturnType<typeof decideAppealUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** govhall.complaints.v1.RectificationService: proto ⇄ use case. */
export function registerRectificationService(server: GrpcServer, uc: RectificationUseCases): void {
  /** A write's answer: the rectification, the relay nudged. */
  const written = (r: Parameters<typeof toProtoRectification>[0]) => {
    uc.afterWrite();
    return { rectification: toProtoRectification(r) };
  };
  const impl: complaintsV1.RectificationServiceServer = {
    listRectifications: server.unary<complaintsV1.ListRectificationsRequest, complaintsV1.ListRectificationsResponse>(
      'ListRectifications',
      async (req, ctx) => {
        const page = await uc.listRectifications(
          {
            tenant: req.tenant,
            statuses: req.statuses
              .map((s) => rectificationStatus.fromProto(s))
              .filter((s): s is RectificationStatus => !!s),
            department: req.department,
            handler: req.handler,
            overdueOnly: req.overdueOnly,
            pageSize: req.page?.pageSize ?? 0,
            pageToken: req.page?.pageToken ?? '',
          },
          ctx.principal,
        );
        return {
          rectifications: page.rectifications.map(toProtoRectification),
          page: { nextPageToken: page.nextPageToken, total: page.total },
        };
      },
    ),
    getRectification: server.unary<complaintsV1.GetRectificationRequest, complaintsV1.GetRectificationResponse>(
      'GetRectification',
      async (req, ctx) => ({ rectification: toProtoRectification(await uc.getRectification(req.id, ctx.principal)) }),
    ),
    assignRectification: server.unary<
      complaintsV1.AssignRectificationRequest,
      complaintsV1.AssignRectificationResponse
    >('AssignRectification', async (req, ctx) =>
      written(
        await uc.assignRectification(
          { id: req.id, expectedVersion: Number(req.expectedVersion), handler: req.handler },
          ctx.principal,
        ),
      ),
    ),
    recordCallBack: server.unary<complaintsV1.RecordCallBackRequest, complaintsV1.RecordCallBackResponse>(
      'RecordCallBack',
      async (req, ctx) =>
        written(
          await uc.recordCallBack(
            { id: req.id, expectedVersion: Number(req.expectedVersion), reached: req.reached, notes: req.notes },
            ctx.principal,
          ),
        ),
    ),
    concludeRectification: server.unary<
      complaintsV1.ConcludeRectificationRequest,
      complaintsV1.ConcludeRectificationResponse
    >('ConcludeRectification', async (req, ctx) =>
      written(
        await uc.concludeRectification(
          {
            id: req.id,
            expectedVersion: Number(req.expectedVersion),
            outcome: rectificationOutcome.fromProto(req.outcome) || undefined,
            text: req.text,
            fixBy: req.fixBy,
          },
          ctx.principal,
        ),
      ),
    ),
    decideAppeal: server.unary<complaintsV1.DecideAppealRequest, complaintsV1.DecideAppealResponse>(
      'DecideAppeal',
      async (req, ctx) =>
        written(
          await uc.decideAppeal(
            { id: req.id, expectedVersion: Number(req.expectedVersion), upheld: req.upheld, notes: req.notes },
            ctx.principal,
          ),
        ),
    ),
  };
  server.addService('govhall.complaints.v1.RectificationService', complaintsV1.RectificationServiceService, impl);
}
