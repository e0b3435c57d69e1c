import type { GrpcServer } from '@govhall/grpc';
import type { uploadAttachmentUseCase } from '../../usecases/upload-attachment/upload-attachment.usecase';
import { requireDepartmentSystem } from '../../usecases/reviews/system.access';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import type { pullTasksUseCase } from '../../usecases/pull-tasks/pull-tasks.usecase';
import type { getTaskFileUseCase } from '../../usecases/get-task-file/get-task-file.usecase';
import type { reportExternalCaseEventsUseCase } from '../../usecases/report-external-case-events/report-external-case-events.usecase';
import type { systemClaimTaskUseCase } from '../../usecases/system-claim-task/system-claim-task.usecase';
import type { systemSubmitDecisionUseCase } from '../../usecases/system-submit-decision/system-submit-decision.usecase';
import type { systemSubmitOpinionUseCase } from '../../usecases/system-submit-opinion/system-submit-opinion.usecase';
import type { watchTasksUseCase, WatchItem } from '../../usecases/watch-tasks/watch-tasks.usecase';
import { fromProtoExternalEvent } from './external-event.mapper';
import {
  fromProtoDecisionFields,
  fromProtoOpinionRequest,
  taskChange,
  taskKind,
  taskState,
  toProtoAttachment,
  toProtoDossier,
  toProtoTask,
} from './joint-review.mapper';

export interface DepartmentSystemUseCases {
  pullTasks: ReturnType<typeof pullTasksUseCase>;
  watchTasks: ReturnType<typeof watchTasksUseCase>;
  claimTask: ReturnType<typeof systemClaimTaskUseCase>;
  submitOpinion: ReturnType<typeof systemSubmitOpinionUseCase>;
  submitDecision: ReturnType<typeof systemSubmitDecisionUseCase>;
  uploadAttachment: ReturnType<typeof uploadAttachmentUseCase>;
  getTaskFile: ReturnType<typeof getTaskFileUseCase>;
  reportExternalCaseEvents: ReturnType<typeof reportExternalCaseEventsUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** Drops UNSPECIFIED (and unknown numbers) from a repeated enum filter. */
const known = <T extends string>(values: T[]): T[] => values.filter((v) => (v as string) !== '');

function toWatchResponse(item: WatchItem): jointReviewV1.WatchTasksResponse {
  if (item.heartbeat) {
    return { sequence: item.sequence, change: jointReviewV1.TaskChange.TASK_CHANGE_UNSPECIFIED, heartbeat: true };
  }
  const { change } = item;
  return {
    sequence: change.sequence,
    change: taskChange.toProto(change.change),
    task: toProtoTask(change.task),
    heartbeat: false,
  };
}

/**
 * govhall.joint_review.v1.DepartmentSystemService: proto ⇄ use case. Every RPC is served: PullTasks (with dossiers),
 * WatchTasks, ClaimTask, UploadAttachment, GetTaskFile, SubmitOpinion, SubmitDecision (the parent's escalation
 * decisions; a DELEGATED_DECISION task is not one a system can take yet) and ReportExternalCaseEvents.
 */
export function registerDepartmentSystemService(server: GrpcServer, uc: DepartmentSystemUseCases): void {
  const pb = jointReviewV1;
  const impl: Partial<jointReviewV1.DepartmentSystemServiceServer> = {
    getTaskFile: server.unary<jointReviewV1.GetTaskFileRequest, jointReviewV1.GetTaskFileResponse>(
      'GetTaskFile',
      async (req, ctx) => uc.getTaskFile({ taskId: req.taskId, fileId: req.fileId }, ctx.principal),
    ),
    uploadAttachment: server.unary<
      jointReviewV1.DepartmentSystemServiceUploadAttachmentRequest,
      jointReviewV1.DepartmentSystemServiceUploadAttachmentResponse
    >('UploadAttachment', async (req, ctx) => {
      requireDepartmentSystem(ctx.principal);
      const attachment = await uc.uploadAttachment(
        { fileName: req.fileName, content: Buffer.from(req.content) },
        ctx.principal,
      );
      return { attachment: toProtoAttachment(attachment) };
    }),
    pullTasks: server.unary<jointReviewV1.PullTasksRequest, jointReviewV1.PullTasksResponse>(
      'PullTasks',
      async (req, ctx) => {
        const page = await uc.pullTasks(
          {
            tenant: req.tenant,
            department: req.department,
            states: known(req.states.map((s) => taskState.fromProto(s))),
            kinds: known(req.kinds.map((k) => taskKind.fromProto(k))),
            includeDossier: req.includeDossier,
            page: { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken ?? '' },
          },
          ctx.principal,
        );
        return {
          tasks: page.tasks.map((p) => ({
            task: toProtoTask(p.task),
            dossier: p.dossier ? toProtoDossier(p.dossier) : undefined,
          })),
          page: { nextPageToken: page.nextPageToken, total: page.totalSize },
          lastSequence: page.lastSequence,
        };
      },
    ),
    watchTasks: server.serverStream<jointReviewV1.WatchTasksRequest, jointReviewV1.WatchTasksResponse>(
      'WatchTasks',
      async function* (req, ctx) {
        const items = uc.watchTasks(
          {
            tenant: req.tenant,
            department: req.department,
            afterSequence: Number(req.afterSequence),
            kinds: known(req.kinds.map((k) => taskKind.fromProto(k))),
          },
          ctx.principal,
          ctx.signal,
        );
        for await (const item of items) yield toWatchResponse(item);
      },
    ),
    claimTask: server.unary<
      jointReviewV1.DepartmentSystemServiceClaimTaskRequest,
      jointReviewV1.DepartmentSystemServiceClaimTaskResponse
    >('ClaimTask', async (req, ctx) => {
      const task = await uc.claimTask(
        { taskId: req.taskId, expectedVersion: Number(req.expectedVersion), handlerName: req.handlerName },
        ctx.principal,
      );
      uc.afterWrite();
      return { task: toProtoTask(task) };
    }),
    submitOpinion: server.unary<
      jointReviewV1.DepartmentSystemServiceSubmitOpinionRequest,
      jointReviewV1.DepartmentSystemServiceSubmitOpinionResponse
    >('SubmitOpinion', async (req, ctx) => {
      const task = await uc.submitOpinion(
        { ...fromProtoOpinionRequest(req), handlerName: req.handlerName, requestId: req.requestId },
        ctx.principal,
      );
      uc.afterWrite();
      return { task: toProtoTask(task) };
    }),
    submitDecision: server.unary<jointReviewV1.SubmitDecisionRequest, jointReviewV1.SubmitDecisionResponse>(
      'SubmitDecision',
      async (req, ctx) => {
        const task = await uc.submitDecision(
          {
            taskId: req.taskId,
            expectedVersion: Number(req.expectedVersion),
            ...fromProtoDecisionFields(req),
            handlerName: req.handlerName,
            requestId: req.requestId,
          },
          ctx.principal,
        );
        uc.afterWrite();
        return { task: toProtoTask(task) };
      },
    ),
    reportExternalCaseEvents: server.unary<
      jointReviewV1.ReportExternalCaseEventsRequest,
      jointReviewV1.ReportExternalCaseEventsResponse
    >('ReportExternalCaseEvents', async (req, ctx) => {
      const result = await uc.reportExternalCaseEvents(
        { tenant: req.tenant, department: req.department, events: req.events.map(fromProtoExternalEvent) },
        ctx.principal,
      );
      if (result.accepted > 0) uc.afterWrite();
      return result;
    }),
  };
  // A partial implementation: grpc-js answers the RPCs not listed with UNIMPLEMENTED.
  server.addService(
    'govhall.joint_review.v1.DepartmentSystemService',
    pb.DepartmentSystemServiceService,
    impl as UntypedServiceImplementation,
  );
}
