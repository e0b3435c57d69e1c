import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@govhall/auth';
import { jointReviewV1 } from '@govhall/proto';
import type { TSchema } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { refuseShadowedMethods } from '../../../../lib/shadowed-paths';
import { projectAuthorisation, projectKind, projectState } from './joint-review.enums';
import { progressToRest, projectToRest, publicProgressToRest } from './project.mapper';
import {
  AssignAgentBody,
  AttachCaseBody,
  CloseProjectBody,
  CreateProjectBody,
  DetachCaseBody,
  MyProjectsQuery,
  ProgressAnswer,
  ProgressPage,
  ProgressQuery,
  ProjectAnswer,
  ProjectCaseParams,
  ProjectPage,
  ProjectParams,
  ProjectsQuery,
  PublicProgressAnswer,
  PublicProgressBody,
  UpdateProjectBody,
} from './project.schemas';
import { CENTER, INVESTOR, PROGRESS_READERS, PROJECT_STAFF } from './roles';

const tags = ['joint-review'];
const BY_ID = { id: 'params.id' };
/** The project's fields are the body's own; its investment is given in fen. */
const CONTENT = { 'project.totalInvestment': 'totalInvestmentFen', 'project.id': 'params.id', project: '' };

type Content = Omit<UpdateProjectBody, 'expectedVersion'>;

/** The content of a project as the service takes it (create and replace). */
const contentToProto = (c: Content) => ({
  name: c.name,
  projectCode: c.projectCode ?? '',
  kind: projectKind.proto(c.kind),
  authorisation: projectAuthorisation.proto(c.authorisation),
  classified: c.classified ?? false,
  publicProgress: c.publicProgress ?? false,
  description: c.description ?? '',
  location: c.location ?? '',
  totalInvestment: { fen: c.totalInvestmentFen ?? 0 },
});

/**
 * 重大项目 (projects, J20): the center creates a project for an investor, assigns its 代办员 and closes it; the 代办员
 * (or the center) keeps its content and attaches the investor's cases; staff read it; the investor reads its own
 * projects' progress; anyone queries a public project's masked progress with its code and the investor's 统一社会信用代码.
 * The joint-review service decides who may see and change which project (project_service.proto); the gateway checks
 * roles and shapes and maps the errors.
 */
const projectRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'projects', opts.deadlineMs);
  const answer = (res: { project?: jointReviewV1.Project }) => {
    if (!res.project) throw new Error('joint-review answered without project');
    return { project: projectToRest(res.project) };
  };
  /** A write on one project, answering the project after the change. */
  const write = <B extends TSchema, P extends TSchema>(
    summary: string,
    roles: readonly Role[],
    params: P,
    body: B,
  ) => ({
    config: { auth: { roles } },
    schema: {
      tags,
      summary,
      params,
      body,
      response: { 200: ProjectAnswer, ...problems(400, 401, 403, 404, 409, 503) },
    },
  });

  app.post(
    '/projects',
    {
      config: { auth: { roles: CENTER } },
      schema: {
        tags,
        summary: '中心创建重大项目：投资主体须为已登记的法人；项目代码在本租户唯一（同一请求编号重复提交得到同一项目）',
        body: CreateProjectBody,
        response: { 200: ProjectAnswer, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request) => {
      const { requestId, investorPersonId, ...content } = request.body;
      return answer(
        await call(
          request,
          'createProject',
          {
            requestId,
            project: jointReviewV1.Project.fromPartial({ ...contentToProto(content), investorPersonId }),
          },
          CONTENT,
        ),
      );
    },
  );

  app.get(
    '/projects',
    {
      config: { auth: { roles: PROJECT_STAFF } },
      schema: {
        tags,
        summary: '重大项目列表，新建的在前（本租户工作人员和监察人员；可只看本人担任代办员的项目）',
        querystring: ProjectsQuery,
        response: { 200: ProjectPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listProjects',
        {
          tenant: q.tenant ?? '',
          state: q.state ? projectState.proto(q.state) : 0,
          mine: q.mine ?? false,
          query: q.q ?? '',
          page: pageOf(q),
        },
        { ...queryFields('tenant', 'state', 'mine'), query: 'querystring.q' },
      );
      return { projects: res.projects.map(projectToRest), ...pageAnswer(res.page, res.projects.length) };
    },
  );

  app.get(
    '/projects/mine',
    {
      config: { auth: { roles: INVESTOR } },
      schema: {
        tags,
        summary: '我的重大项目（投资主体本人，或经办人代法人查询）：各项目的办理进度',
        querystring: MyProjectsQuery,
        response: { 200: ProgressPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMyProjects',
        { onBehalfOf: q.onBehalfOf ?? '', page: pageOf(q) },
        queryFields('onBehalfOf'),
      );
      return { projects: res.projects.map(progressToRest), ...pageAnswer(res.page, res.projects.length) };
    },
  );

  app.post(
    '/projects/progress',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary:
          '重大项目进度查询（无需登录）：项目代码＋投资主体统一社会信用代码，答复脱敏。用 POST，信用代码只在请求体中，不进网址和访问日志',
        body: PublicProgressBody,
        response: { 200: PublicProgressAnswer, ...problems(400, 404, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(request, 'queryProjectProgress', {
        projectCode: b.projectCode,
        investorCreditCode: b.investorCreditCode,
        tenant: b.tenant ?? '',
      });
      if (!res.progress) throw new Error('joint-review answered without progress');
      return { progress: publicProgressToRest(res.progress) };
    },
  );

  // `GET` and `PUT /projects/{id}` would take `mine` and `progress` for an id and answer 400: they answer 405.
  refuseShadowedMethods(app, '/projects/mine', ['PUT'], 'GET');
  refuseShadowedMethods(app, '/projects/progress', ['GET', 'PUT'], 'POST');

  app.get(
    '/projects/:id',
    {
      config: { auth: { roles: PROJECT_STAFF } },
      schema: {
        tags,
        summary: '一个重大项目：项目信息、投资主体、代办员、所关联的办件及其状态',
        params: ProjectParams,
        response: { 200: ProjectAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => answer(await call(request, 'getProject', { id: request.params.id }, BY_ID)),
  );

  app.get(
    '/projects/:id/progress',
    {
      config: { auth: { roles: PROGRESS_READERS } },
      schema: {
        tags,
        summary:
          '重大项目办理进度：办件总数、已办结、在办、超期，预计完成日期（本租户工作人员；投资主体查本企业的项目）',
        params: ProjectParams,
        querystring: ProgressQuery,
        response: { 200: ProgressAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'getProjectProgress',
        { id: request.params.id, onBehalfOf: request.query.onBehalfOf ?? '' },
        { ...BY_ID, onBehalfOf: 'querystring.onBehalfOf' },
      );
      if (!res.progress) throw new Error('joint-review answered without progress');
      return { progress: progressToRest(res.progress) };
    },
  );

  app.put(
    '/projects/:id',
    write(
      '修改进行中项目的信息（代办员或中心管理员）：整体替换名称、项目代码、类型、审批方式、公开设置、概况、地点和总投资',
      PROJECT_STAFF,
      ProjectParams,
      UpdateProjectBody,
    ),
    async (request) => {
      const { expectedVersion, ...content } = request.body;
      return answer(
        await call(
          request,
          'updateProject',
          {
            project: jointReviewV1.Project.fromPartial({ ...contentToProto(content), id: request.params.id }),
            expectedVersion,
          },
          CONTENT,
        ),
      );
    },
  );

  app.post(
    '/projects/:id/agent',
    write('中心为项目指定（或更换）代办员：本租户在职工作人员', CENTER, ProjectParams, AssignAgentBody),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'assignAgent',
          { id: request.params.id, expectedVersion: b.expectedVersion, username: b.username },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/projects/:id/cases',
    write(
      '将投资主体在本租户的办件关联到项目（代办员或中心管理员；已关联的重复提交不变；一件办件只属于一个项目）',
      PROJECT_STAFF,
      ProjectParams,
      AttachCaseBody,
    ),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'attachCase',
          { id: request.params.id, expectedVersion: b.expectedVersion, caseId: b.caseId },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/projects/:id/cases/:caseId/detach',
    write('将误关联的办件移出项目（代办员或中心管理员，须写原因）', PROJECT_STAFF, ProjectCaseParams, DetachCaseBody),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'detachCase',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            caseId: request.params.caseId,
            reason: b.reason,
          },
          { ...BY_ID, caseId: 'params.caseId' },
        ),
      );
    },
  );

  app.post(
    '/projects/:id/close',
    write(
      '中心结束项目：已完成（所关联办件均已办结）或关闭（须写原因）；结束后不再变更',
      CENTER,
      ProjectParams,
      CloseProjectBody,
    ),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'closeProject',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            state: projectState.proto(b.state),
            reason: b.reason ?? '',
          },
          BY_ID,
        ),
      );
    },
  );
};

export default projectRoutes;
