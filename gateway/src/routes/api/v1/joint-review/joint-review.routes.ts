import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { decisionOutcome, opinionKind, reviewState, taskState } from './joint-review.enums';
import { reviewToRest, taskToRest } from './joint-review.mapper';
import {
  AddParticipantBody,
  AssignBody,
  CaseParams,
  ClaimBody,
  ConclusionBody,
  DepartmentTasksQuery,
  MyTasksQuery,
  OpinionAnswer,
  OpinionBody,
  ParticipantAnswer,
  ReopenBody,
  ReviewAnswer,
  ReviewPage,
  ReviewParams,
  ReviewsQuery,
  TaskAnswer,
  TaskPage,
  TaskParams,
} from './joint-review.schemas';
import { PARTICIPANTS, REVIEW_READERS } from './roles';

const tags = ['joint-review'];

/**
 * 联办件 (joint review) for staff: the review of a case, the caller's and a department's tasks, claiming a task,
 * a department's opinion, and the lead's conclusion. The joint-review service decides who leads, who may answer and
 * what a review may do next (joint_review_service.proto); the gateway checks roles and shapes and maps the errors.
 */
const jointReviewRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'jointReview', opts.deadlineMs);
  const present = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`joint-review answered without ${what}`);
    return value;
  };

  app.get(
    '/reviews',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary: '联办件列表：本部门牵头或参与的（本中心管理员和监察人员可查任一部门或全部），新开的在前',
        querystring: ReviewsQuery,
        response: { 200: ReviewPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listJointReviews',
        {
          tenant: q.tenant ?? '',
          department: q.department ?? '',
          state: q.state ? reviewState.proto(q.state) : 0,
          caseNumber: q.caseNumber ?? '',
          projectId: q.projectId ?? '',
          page: pageOf(q),
        },
        queryFields('tenant', 'department', 'state', 'caseNumber', 'projectId'),
      );
      return { reviews: res.reviews.map(reviewToRest), ...pageAnswer(res.page, res.reviews.length) };
    },
  );

  app.get(
    '/reviews/:id',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary: '一件联审：牵头部门、各部门任务与意见、结论（参与部门、本中心管理员、监察人员可读）',
        params: ReviewParams,
        response: { 200: ReviewAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getJointReview', { id: request.params.id, caseId: '' }, { id: 'params.id' });
      return { review: reviewToRest(present(res.review, 'review')) };
    },
  );

  app.get(
    '/cases/:caseId/review',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary: '办件的联审（同上，按办件查）',
        params: CaseParams,
        response: { 200: ReviewAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'getJointReview',
        { id: '', caseId: request.params.caseId },
        { caseId: 'params.caseId' },
      );
      return { review: reviewToRest(present(res.review, 'review')) };
    },
  );

  app.get(
    '/tasks/mine',
    {
      config: { auth: { roles: PARTICIPANTS } },
      schema: {
        tags,
        summary: '我的联审任务：分派给我的，以及本部门尚无人认领的',
        querystring: MyTasksQuery,
        response: { 200: TaskPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMyTasks',
        { states: q.state ? [taskState.proto(q.state)] : [], kind: 0, page: pageOf(q) },
        queryFields('state'),
      );
      return { tasks: res.tasks.map(taskToRest), ...pageAnswer(res.page, res.tasks.length) };
    },
  );

  app.get(
    '/tasks',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary: '部门的联审任务（本部门人员；本中心管理员和监察人员可查任一部门）',
        querystring: DepartmentTasksQuery,
        response: { 200: TaskPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listTasks',
        {
          tenant: q.tenant ?? '',
          department: q.department ?? '',
          states: q.state ? [taskState.proto(q.state)] : [],
          kind: 0,
          dueBy: q.dueBy ?? '',
          page: pageOf(q),
        },
        queryFields('tenant', 'department', 'state', 'dueBy'),
      );
      return { tasks: res.tasks.map(taskToRest), ...pageAnswer(res.page, res.tasks.length) };
    },
  );

  app.post(
    '/tasks/:id/claim',
    {
      config: { auth: { roles: PARTICIPANTS } },
      schema: {
        tags,
        summary: '认领本部门的联审任务（已被他人认领：409）',
        params: TaskParams,
        body: ClaimBody,
        response: { 200: TaskAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'claimTask',
        { taskId: request.params.id, expectedVersion: request.body.expectedVersion },
        { taskId: 'params.id' },
      );
      return { task: taskToRest(present(res.task, 'task')) };
    },
  );

  app.post(
    '/tasks/:id/assign',
    {
      config: { auth: { roles: PARTICIPANTS } },
      schema: {
        tags,
        summary: '部门负责人或部门窗口负责人把本部门的联审任务指派给本部门工作人员（时限不变）',
        params: TaskParams,
        body: AssignBody,
        response: { 200: TaskAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'assignTask',
        { taskId: request.params.id, expectedVersion: b.expectedVersion, assignee: b.assignee, note: b.note ?? '' },
        { taskId: 'params.id' },
      );
      return { task: taskToRest(present(res.task, 'task')) };
    },
  );

  app.post(
    '/tasks/:id/reopen',
    {
      config: { auth: { roles: PARTICIPANTS } },
      schema: {
        tags,
        summary: '牵头部门请已出具意见的部门重新审查（协调后重新审查；新的时限须在办件承诺办结日前）',
        params: TaskParams,
        body: ReopenBody,
        response: { 200: ReviewAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'reopenTask',
        {
          taskId: request.params.id,
          expectedVersion: b.expectedVersion,
          reason: b.reason,
          budgetWorkingDays: b.budgetWorkingDays,
        },
        {
          taskId: 'params.id',
        },
      );
      return { review: reviewToRest(present(res.review, 'review')) };
    },
  );

  app.post(
    '/reviews/:id/participants',
    {
      config: { auth: { roles: PARTICIPANTS } },
      schema: {
        tags,
        summary: '牵头部门增加联审部门（征求意见或必须出具意见），时限须在办件承诺办结日前',
        params: ReviewParams,
        body: AddParticipantBody,
        response: { 200: ParticipantAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'addParticipant',
        {
          reviewId: request.params.id,
          expectedVersion: b.expectedVersion,
          participant: {
            department: b.department,
            stage: b.stage,
            budgetWorkingDays: b.budgetWorkingDays,
            required: b.required ?? true,
            formFields: [],
            materialIds: [],
          },
          reason: b.reason,
        },
        {
          reviewId: 'params.id',
          'participant.department': 'department',
          'participant.stage': 'stage',
          'participant.budgetWorkingDays': 'budgetWorkingDays',
          'participant.required': 'required',
        },
      );
      return { review: reviewToRest(present(res.review, 'review')), task: taskToRest(present(res.task, 'task')) };
    },
  );

  app.post(
    '/tasks/:id/opinion',
    {
      config: { auth: { roles: PARTICIPANTS } },
      schema: {
        tags,
        summary: '出具本部门的联审意见（同意、不同意须写理由、附条件同意须写条件）；本阶段完成后进入下一阶段',
        params: TaskParams,
        body: OpinionBody,
        response: { 200: OpinionAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'submitOpinion',
        {
          taskId: request.params.id,
          expectedVersion: b.expectedVersion,
          kind: opinionKind.proto(b.kind),
          text: b.text,
          reasons: b.reasons ?? [],
          conditions: b.conditions ?? [],
          attachmentIds: b.attachmentIds ?? [],
        },
        {
          taskId: 'params.id',
        },
      );
      return { task: taskToRest(present(res.task, 'task')), review: reviewToRest(present(res.review, 'review')) };
    },
  );

  app.post(
    '/reviews/:id/conclusion',
    {
      config: { auth: { roles: PARTICIPANTS } },
      schema: {
        tags,
        summary:
          '牵头部门出具联审结论：同意（各部门必须的意见均已出具且无不同意）转入决定环节；不予许可须写理由，办件办结',
        params: ReviewParams,
        body: ConclusionBody,
        response: { 200: ReviewAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'concludeJointReview',
        {
          reviewId: request.params.id,
          expectedVersion: b.expectedVersion,
          outcome: decisionOutcome.proto(b.outcome),
          reasons: b.reasons ?? [],
          conditions: b.conditions ?? [],
          attachmentIds: b.attachmentIds ?? [],
        },
        {
          reviewId: 'params.id',
        },
      );
      return { review: reviewToRest(present(res.review, 'review')) };
    },
  );
};

export default jointReviewRoutes;
