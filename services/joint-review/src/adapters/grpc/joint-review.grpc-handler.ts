import type { GrpcServer } from '@govhall/grpc';
import type { uploadAttachmentUseCase } from '../../usecases/upload-attachment/upload-attachment.usecase';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import type { addParticipantUseCase } from '../../usecases/add-participant/add-participant.usecase';
import type { assignTaskUseCase } from '../../usecases/assign-task/assign-task.usecase';
import type { claimTaskUseCase } from '../../usecases/claim-task/claim-task.usecase';
import type { concludeJointReviewUseCase } from '../../usecases/conclude-joint-review/conclude-joint-review.usecase';
import type { getJointReviewUseCase } from '../../usecases/get-joint-review/get-joint-review.usecase';
import type { getSharedFileUseCase } from '../../usecases/get-shared-file/get-shared-file.usecase';
import type { getSharedViewUseCase } from '../../usecases/get-shared-view/get-shared-view.usecase';
import type { openJointReviewByLeadUseCase } from '../../usecases/open-joint-review-by-lead/open-joint-review-by-lead.usecase';
import type { listJointReviewsUseCase } from '../../usecases/list-joint-reviews/list-joint-reviews.usecase';
import type { listMyTasksUseCase, listTasksUseCase } from '../../usecases/list-tasks/list-tasks.usecase';
import type { Page } from '../../usecases/ports';
import type { reopenTaskUseCase } from '../../usecases/reopen-task/reopen-task.usecase';
import type { submitOpinionUseCase } from '../../usecases/submit-opinion/submit-opinion.usecase';
import type { Task } from '../../domain/tasks/task';
import type { getJointFlowUseCase } from '../../usecases/get-joint-flow/get-joint-flow.usecase';
import type { getReviewSettingsUseCase } from '../../usecases/get-review-settings/get-review-settings.usecase';
import type { listJointFlowsUseCase } from '../../usecases/list-joint-flows/list-joint-flows.usecase';
import type { putJointFlowUseCase } from '../../usecases/put-joint-flow/put-joint-flow.usecase';
import type { updateReviewSettingsUseCase } from '../../usecases/update-review-settings/update-review-settings.usecase';
import { fromProtoFlow, fromProtoSettings, toProtoFlow, toProtoSettings } from './settings.mapper';
import {
  decisionOutcome,
  fromProtoOpinionRequest,
  jointReviewState,
  taskKind,
  taskState,
  toProtoJointReview,
  toProtoAttachment,
  toProtoDossier,
  toProtoTask,
} from './joint-review.mapper';

export interface JointReviewUseCases {
  getJointReview: ReturnType<typeof getJointReviewUseCase>;
  openJointReview: ReturnType<typeof openJointReviewByLeadUseCase>;
  listTasks: ReturnType<typeof listTasksUseCase>;
  listJointReviews: ReturnType<typeof listJointReviewsUseCase>;
  listMyTasks: ReturnType<typeof listMyTasksUseCase>;
  claimTask: ReturnType<typeof claimTaskUseCase>;
  submitOpinion: ReturnType<typeof submitOpinionUseCase>;
  concludeJointReview: ReturnType<typeof concludeJointReviewUseCase>;
  assignTask: ReturnType<typeof assignTaskUseCase>;
  reopenTask: ReturnType<typeof reopenTaskUseCase>;
  addParticipant: ReturnType<typeof addParticipantUseCase>;
  uploadAttachment: ReturnType<typeof uploadAttachmentUseCase>;
  getReviewSettings: ReturnType<typeof getReviewSettingsUseCase>;
  updateReviewSettings: ReturnType<typeof updateReviewSettingsUseCase>;
  getJointFlow: ReturnType<typeof getJointFlowUseCase>;
  putJointFlow: ReturnType<typeof putJointFlowUseCase>;
  listJointFlows: ReturnType<typeof listJointFlowsUseCase>;
  getSharedView: ReturnType<typeof getSharedViewUseCase>;
  getSharedFile: ReturnType<typeof getSharedFileUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

export const pageOf = (p: { pageSize: number; pageToken: string } | undefined) => ({
  pageSize: p?.pageSize ?? 0,
  pageToken: p?.pageToken ?? '',
});

const taskPage = (page: Page<Task>) => ({
  tasks: page.items.map(toProtoTask),
  page: { nextPageToken: page.nextPageToken, total: page.totalSize },
});

/**
 * govhall.joint_review.v1.JointReviewService: proto ⇄ use case, every RPC: parallel review (opening by the lead,
 * lists, tasks, opinions, the conclusion, AssignTask, ReopenTask and AddParticipant), the settings and flows, the
 * shared view and its files.
 */
export function registerJointReviewService(server: GrpcServer, uc: JointReviewUseCases): void {
  const pb = jointReviewV1;
  const impl: jointReviewV1.JointReviewServiceServer = {
    getJointReviewSettings: server.unary<
      jointReviewV1.GetJointReviewSettingsRequest,
      jointReviewV1.GetJointReviewSettingsResponse
    >('GetJointReviewSettings', async (req, ctx) => ({
      settings: toProtoSettings(await uc.getReviewSettings({ tenant: req.tenant }, ctx.principal)),
    })),
    updateJointReviewSettings: server.unary<
      jointReviewV1.UpdateJointReviewSettingsRequest,
      jointReviewV1.UpdateJointReviewSettingsResponse
    >('UpdateJointReviewSettings', async (req, ctx) => ({
      settings: toProtoSettings(
        await uc.updateReviewSettings(
          {
            tenant: req.settings?.tenant ?? '',
            expectedVersion: Number(req.expectedVersion),
            content: fromProtoSettings(req.settings),
          },
          ctx.principal,
        ),
      ),
    })),
    getJointFlow: server.unary<jointReviewV1.GetJointFlowRequest, jointReviewV1.GetJointFlowResponse>(
      'GetJointFlow',
      async (req, ctx) => ({
        flow: toProtoFlow(await uc.getJointFlow({ tenant: req.tenant, itemSeriesId: req.itemSeriesId }, ctx.principal)),
      }),
    ),
    putJointFlow: server.unary<jointReviewV1.PutJointFlowRequest, jointReviewV1.PutJointFlowResponse>(
      'PutJointFlow',
      async (req, ctx) => ({
        flow: toProtoFlow(
          await uc.putJointFlow(
            {
              tenant: req.flow?.tenant ?? '',
              itemSeriesId: req.flow?.itemSeriesId ?? '',
              expectedVersion: Number(req.expectedVersion),
              content: fromProtoFlow(req.flow),
            },
            ctx.principal,
          ),
        ),
      }),
    ),
    listJointFlows: server.unary<jointReviewV1.ListJointFlowsRequest, jointReviewV1.ListJointFlowsResponse>(
      'ListJointFlows',
      async (req, ctx) => {
        const page = await uc.listJointFlows({ tenant: req.tenant, page: pageOf(req.page) }, ctx.principal);
        return {
          flows: page.items.map(toProtoFlow),
          page: { nextPageToken: page.nextPageToken, total: page.totalSize },
        };
      },
    ),
    getSharedView: server.unary<jointReviewV1.GetSharedViewRequest, jointReviewV1.GetSharedViewResponse>(
      'GetSharedView',
      async (req, ctx) => {
        const { review, dossier } = await uc.getSharedView({ reviewId: req.reviewId }, ctx.principal);
        return { review: toProtoJointReview(review), dossier: toProtoDossier(dossier) };
      },
    ),
    getSharedFile: server.unary<jointReviewV1.GetSharedFileRequest, jointReviewV1.GetSharedFileResponse>(
      'GetSharedFile',
      async (req, ctx) => uc.getSharedFile({ reviewId: req.reviewId, fileId: req.fileId }, ctx.principal),
    ),
    uploadAttachment: server.unary<jointReviewV1.UploadAttachmentRequest, jointReviewV1.UploadAttachmentResponse>(
      'UploadAttachment',
      async (req, ctx) => ({
        attachment: toProtoAttachment(
          await uc.uploadAttachment({ fileName: req.fileName, content: Buffer.from(req.content) }, ctx.principal),
        ),
      }),
    ),
    openJointReview: server.unary<jointReviewV1.OpenJointReviewRequest, jointReviewV1.OpenJointReviewResponse>(
      'OpenJointReview',
      async (req, ctx) => {
        const { review, created } = await uc.openJointReview({ caseId: req.caseId }, ctx.principal);
        if (created) uc.afterWrite();
        return { review: toProtoJointReview(review) };
      },
    ),
    getJointReview: server.unary<jointReviewV1.GetJointReviewRequest, jointReviewV1.GetJointReviewResponse>(
      'GetJointReview',
      async (req, ctx) => ({
        review: toProtoJointReview(await uc.getJointReview({ id: req.id, caseId: req.caseId }, ctx.principal)),
      }),
    ),
    listTasks: server.unary<jointReviewV1.ListTasksRequest, jointReviewV1.ListTasksResponse>(
      'ListTasks',
      async (req, ctx) =>
        taskPage(
          await uc.listTasks(
            {
              tenant: req.tenant,
              department: req.department,
              states: req.states.map((s) => taskState.fromProto(s)).filter((s) => (s as string) !== ''),
              ...(req.kind !== pb.TaskKind.TASK_KIND_UNSPECIFIED ? { kind: taskKind.fromProto(req.kind) } : {}),
              dueBy: req.dueBy,
              page: pageOf(req.page),
            },
            ctx.principal,
          ),
        ),
    ),
    listJointReviews: server.unary<jointReviewV1.ListJointReviewsRequest, jointReviewV1.ListJointReviewsResponse>(
      'ListJointReviews',
      async (req, ctx) => {
        const state = req.state ? jointReviewState.fromProto(req.state) : '';
        const page = await uc.listJointReviews(
          {
            tenant: req.tenant,
            department: req.department,
            ...(state ? { state } : {}),
            caseNumber: req.caseNumber,
            projectId: req.projectId,
            page: pageOf(req.page),
          },
          ctx.principal,
        );
        return {
          reviews: page.items.map(toProtoJointReview),
          page: { nextPageToken: page.nextPageToken, total: page.totalSize },
        };
      },
    ),
    listMyTasks: server.unary<jointReviewV1.ListMyTasksRequest, jointReviewV1.ListMyTasksResponse>(
      'ListMyTasks',
      async (req, ctx) =>
        taskPage(
          await uc.listMyTasks(
            {
              states: req.states.map((s) => taskState.fromProto(s)).filter((s) => (s as string) !== ''),
              ...(req.kind !== pb.TaskKind.TASK_KIND_UNSPECIFIED ? { kind: taskKind.fromProto(req.kind) } : {}),
              page: pageOf(req.page),
            },
            ctx.principal,
          ),
        ),
    ),
    claimTask: server.unary<jointReviewV1.ClaimTaskRequest, jointReviewV1.ClaimTaskResponse>(
      'ClaimTask',
      async (req, ctx) => {
        const task = await uc.claimTask(
          { taskId: req.taskId, expectedVersion: Number(req.expectedVersion) },
          ctx.principal,
        );
        uc.afterWrite();
        return { task: toProtoTask(task) };
      },
    ),
    submitOpinion: server.unary<jointReviewV1.SubmitOpinionRequest, jointReviewV1.SubmitOpinionResponse>(
      'SubmitOpinion',
      async (req, ctx) => {
        const { task, review } = await uc.submitOpinion(fromProtoOpinionRequest(req), ctx.principal);
        uc.afterWrite();
        return { task: toProtoTask(task), review: toProtoJointReview(review) };
      },
    ),
    concludeJointReview: server.unary<
      jointReviewV1.ConcludeJointReviewRequest,
      jointReviewV1.ConcludeJointReviewResponse
    >('ConcludeJointReview', async (req, ctx) => {
      const review = await uc.concludeJointReview(
        {
          reviewId: req.reviewId,
          expectedVersion: Number(req.expectedVersion),
          outcome: decisionOutcome.fromProto(req.outcome) || undefined,
          reasons: req.reasons,
          conditions: req.conditions,
          attachmentIds: req.attachmentIds,
        },
        ctx.principal,
      );
      uc.afterWrite();
      return { review: toProtoJointReview(review) };
    }),
    assignTask: server.unary<jointReviewV1.AssignTaskRequest, jointReviewV1.AssignTaskResponse>(
      'AssignTask',
      async (req, ctx) => {
        const task = await uc.assignTask(
          {
            taskId: req.taskId,
            expectedVersion: Number(req.expectedVersion),
            assignee: req.assignee,
            note: req.note,
          },
          ctx.principal,
        );
        uc.afterWrite();
        return { task: toProtoTask(task) };
      },
    ),
    reopenTask: server.unary<jointReviewV1.ReopenTaskRequest, jointReviewV1.ReopenTaskResponse>(
      'ReopenTask',
      async (req, ctx) => {
        const review = await uc.reopenTask(
          {
            taskId: req.taskId,
            expectedVersion: Number(req.expectedVersion),
            reason: req.reason,
            budgetWorkingDays: req.budgetWorkingDays,
          },
          ctx.principal,
        );
        uc.afterWrite();
        return { review: toProtoJointReview(review) };
      },
    ),
    addParticipant: server.unary<jointReviewV1.AddParticipantRequest, jointReviewV1.AddParticipantResponse>(
      'AddParticipant',
      async (req, ctx) => {
        const p = req.participant;
        const { review, task } = await uc.addParticipant(
          {
            reviewId: req.reviewId,
            expectedVersion: Number(req.expectedVersion),
            participant: {
              department: p?.department ?? '',
              stage: p?.stage ?? 0,
              budgetWorkingDays: p?.budgetWorkingDays ?? 0,
              required: p?.required ?? false,
              formFields: p?.formFields ?? [],
              materialIds: p?.materialIds ?? [],
            },
            reason: req.reason,
          },
          ctx.principal,
        );
        uc.afterWrite();
        return { review: toProtoJointReview(review), task: toProtoTask(task) };
      },
    ),
  };
  server.addService(
    'govhall.joint_review.v1.JointReviewService',
    pb.JointReviewServiceService,
    impl as UntypedServiceImplementation,
  );
}
