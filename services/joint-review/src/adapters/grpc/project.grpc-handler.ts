import type { GrpcServer } from '@govhall/grpc';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import type { Project } from '../../domain/projects/project';
import { isOverdue } from '../../domain/projects/project-progress';
import type { assignAgentUseCase } from '../../usecases/assign-agent/assign-agent.usecase';
import type { attachCaseUseCase } from '../../usecases/attach-case/attach-case.usecase';
import type { closeProjectUseCase } from '../../usecases/close-project/close-project.usecase';
import type { createProjectUseCase } from '../../usecases/create-project/create-project.usecase';
import type { detachCaseUseCase } from '../../usecases/detach-case/detach-case.usecase';
import type { getProjectProgressUseCase, getProjectUseCase } from '../../usecases/get-project/get-project.usecase';
import type { listMyProjectsUseCase } from '../../usecases/list-my-projects/list-my-projects.usecase';
import type { listProjectsUseCase } from '../../usecases/list-projects/list-projects.usecase';
import type { queryProjectProgressUseCase } from '../../usecases/query-project-progress/query-project-progress.usecase';
import type { updateProjectUseCase } from '../../usecases/update-project/update-project.usecase';
import { projectContent, projectState, toProtoProgress, toProtoProject, toProtoPublicProgress } from './project.mapper';

export interface ProjectUseCases {
  createProject: ReturnType<typeof createProjectUseCase>;
  updateProject: ReturnType<typeof updateProjectUseCase>;
  assignAgent: ReturnType<typeof assignAgentUseCase>;
  attachCase: ReturnType<typeof attachCaseUseCase>;
  detachCase: ReturnType<typeof detachCaseUseCase>;
  closeProject: ReturnType<typeof closeProjectUseCase>;
  getProject: ReturnType<typeof getProjectUseCase>;
  getProjectProgress: ReturnType<typeof getProjectProgressUseCase>;
  listProjects: ReturnType<typeof listProjectsUseCase>;
  listMyProjects: ReturnType<typeof listMyProjectsUseCase>;
  queryProjectProgress: ReturnType<typeof queryProjectProgressUseCase>;
  /** Today in China (YYYY-MM-DD): a case's `overdue`. */
  today(): string;
}

/**
 * govhall.joint_review.v1.ProjectService (J20): proto ⇄ use case, every RPC: staff's, the investor's (the caller's
 * own token goes to identity) and the public query.
 */
export function registerProjectService(server: GrpcServer, uc: ProjectUseCases): void {
  const project = (p: Project) => {
    const today = uc.today();
    return { project: toProtoProject(p, (c) => isOverdue(c, today)) };
  };
  const impl: Partial<jointReviewV1.ProjectServiceServer> = {
    createProject: server.unary<jointReviewV1.CreateProjectRequest, jointReviewV1.CreateProjectResponse>(
      'CreateProject',
      async (req, ctx) =>
        project(
          await uc.createProject(
            {
              requestId: req.requestId,
              tenant: req.project?.tenant ?? '',
              investorPersonId: req.project?.investorPersonId ?? '',
              content: projectContent(req.project),
            },
            ctx.principal,
          ),
        ),
    ),
    updateProject: server.unary<jointReviewV1.UpdateProjectRequest, jointReviewV1.UpdateProjectResponse>(
      'UpdateProject',
      async (req, ctx) =>
        project(
          await uc.updateProject(
            {
              id: req.project?.id ?? '',
              expectedVersion: Number(req.expectedVersion),
              content: projectContent(req.project),
            },
            ctx.principal,
          ),
        ),
    ),
    assignAgent: server.unary<jointReviewV1.AssignAgentRequest, jointReviewV1.AssignAgentResponse>(
      'AssignAgent',
      async (req, ctx) =>
        project(
          await uc.assignAgent(
            { id: req.id, expectedVersion: Number(req.expectedVersion), username: req.username },
            ctx.principal,
          ),
        ),
    ),
    attachCase: server.unary<jointReviewV1.AttachCaseRequest, jointReviewV1.AttachCaseResponse>(
      'AttachCase',
      async (req, ctx) =>
        project(
          await uc.attachCase(
            { id: req.id, expectedVersion: Number(req.expectedVersion), caseId: req.caseId },
            ctx.principal,
          ),
        ),
    ),
    detachCase: server.unary<jointReviewV1.DetachCaseRequest, jointReviewV1.DetachCaseResponse>(
      'DetachCase',
      async (req, ctx) =>
        project(
          await uc.detachCase(
            { id: req.id, expectedVersion: Number(req.expectedVersion), caseId: req.caseId, reason: req.reason },
            ctx.principal,
          ),
        ),
    ),
    closeProject: server.unary<jointReviewV1.CloseProjectRequest, jointReviewV1.CloseProjectResponse>(
      'CloseProject',
      async (req, ctx) => {
        const state = projectState.fromProto(req.state);
        return project(
          await uc.closeProject(
            {
              id: req.id,
              expectedVersion: Number(req.expectedVersion),
              state: state === 'completed' || state === 'closed' ? state : '',
              reason: req.reason,
            },
            ctx.principal,
          ),
        );
      },
    ),
    getProject: server.unary<jointReviewV1.GetProjectRequest, jointReviewV1.GetProjectResponse>(
      'GetProject',
      async (req, ctx) => project(await uc.getProject(req.id, ctx.principal)),
    ),
    listProjects: server.unary<jointReviewV1.ListProjectsRequest, jointReviewV1.ListProjectsResponse>(
      'ListProjects',
      async (req, ctx) => {
        const state = projectState.fromProto(req.state);
        const page = await uc.listProjects(
          {
            tenant: req.tenant,
            ...(state ? { state } : {}),
            mine: req.mine,
            query: req.query,
            page: { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken ?? '' },
          },
          ctx.principal,
        );
        const today = uc.today();
        return {
          projects: page.items.map((p) => toProtoProject(p, (c) => isOverdue(c, today))),
          page: { nextPageToken: page.nextPageToken, total: page.totalSize },
        };
      },
    ),
    getProjectProgress: server.unary<jointReviewV1.GetProjectProgressRequest, jointReviewV1.GetProjectProgressResponse>(
      'GetProjectProgress',
      async (req, ctx) => ({
        progress: toProtoProgress(
          await uc.getProjectProgress(
            { id: req.id, onBehalfOf: req.onBehalfOf },
            ctx.principal,
            ctx.authorization ?? '',
          ),
        ),
      }),
    ),
    listMyProjects: server.unary<jointReviewV1.ListMyProjectsRequest, jointReviewV1.ListMyProjectsResponse>(
      'ListMyProjects',
      async (req, ctx) => {
        const page = await uc.listMyProjects(
          {
            onBehalfOf: req.onBehalfOf,
            page: { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken ?? '' },
          },
          ctx.principal,
          ctx.authorization ?? '',
        );
        return {
          projects: page.items.map(toProtoProgress),
          page: { nextPageToken: page.nextPageToken, total: page.totalSize },
        };
      },
    ),
    queryProjectProgress: server.unary<
      jointReviewV1.QueryProjectProgressRequest,
      jointReviewV1.QueryProjectProgressResponse
    >(
      'QueryProjectProgress',
      async (req) => ({ progress: toProtoPublicProgress(await uc.queryProjectProgress(req)) }),
      { auth: 'none' },
    ),
  };
  server.addService(
    'govhall.joint_review.v1.ProjectService',
    jointReviewV1.ProjectServiceService,
    impl as UntypedServiceImplementation,
  );
}
