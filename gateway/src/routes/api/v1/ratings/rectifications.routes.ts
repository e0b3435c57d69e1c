import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { RATING_READERS } from './ratings.enums';
import { rectificationOutcome, rectificationStatus, rectificationToRest } from './rectifications.rest';
import {
  AppealDecisionBody,
  AssignBody,
  CallBackBody,
  ConclusionBody,
  RectificationAnswer,
  RectificationPage,
  RectificationParams,
  RectificationsQuery,
} from './rectifications.schemas';

const tags = ['ratings'];

/** Who reads (how far each reaches is the complaints service's rule). */
const READERS = RATING_READERS;
/** Who may call back and conclude: the handler (any member of staff named) or the head; the service decides. */
const WORKERS = ['department_head', 'window_clerk', 'reviewer', 'approver', 'complaint_handler'] as const;

const ID = { id: 'params.id' };

/**
 * 差评整改: a bad rating's rectification, opened by the complaints service when the rating comes in; the department
 * head names a handler, who calls the rater back and concludes; the supervision office decides appeals. Every rule
 * (who, in which state, the call-back before closing) is the complaints service's.
 */
const rectificationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'rectifications', opts.deadlineMs);

  app.get(
    '',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary:
          '差评整改列表（未办结的在前，按整改期限）：监察、中心管理员和投诉处理人员看本地区，部门负责人看本部门，' +
          '其他工作人员看指派给本人的',
        querystring: RectificationsQuery,
        response: { 200: RectificationPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listRectifications',
        {
          tenant: q.tenant ?? '',
          statuses: q.status ? [rectificationStatus.toProto(q.status)] : [],
          department: q.department ?? '',
          handler: q.handler ?? '',
          overdueOnly: q.overdue === true,
          page: pageOf(q),
        },
        { ...queryFields('tenant', 'department', 'handler'), statuses: 'querystring.status' },
      );
      return {
        rectifications: res.rectifications.map(rectificationToRest),
        ...pageAnswer(res.page, res.rectifications.length),
      };
    },
  );

  app.get(
    '/:id',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary: '一件差评整改（回访记录、办结情况、申诉审核）',
        params: RectificationParams,
        response: { 200: RectificationAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => ({
      rectification: rectificationToRest(
        (await call(request, 'getRectification', { id: request.params.id }, ID)).rectification,
      ),
    }),
  );

  app.post(
    '/:id/assignment',
    {
      config: { auth: { roles: ['department_head', 'center_admin'] } },
      schema: {
        tags,
        summary: '指派整改处理人（被评价部门负责人或中心管理员；处理人须是该部门在岗工作人员）',
        params: RectificationParams,
        body: AssignBody,
        response: { 200: RectificationAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => ({
      rectification: rectificationToRest(
        (
          await call(
            request,
            'assignRectification',
            { id: request.params.id, expectedVersion: request.body.expectedVersion, handler: request.body.handler },
            { ...ID, expectedVersion: 'body.expectedVersion', handler: 'body.handler' },
          )
        ).rectification,
      ),
    }),
  );

  app.post(
    '/:id/call-backs',
    {
      config: { auth: { roles: WORKERS } },
      schema: {
        tags,
        summary: '记录一次回访（联系到或未联系到评价人）',
        params: RectificationParams,
        body: CallBackBody,
        response: { 200: RectificationAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => ({
      rectification: rectificationToRest(
        (
          await call(
            request,
            'recordCallBack',
            {
              id: request.params.id,
              expectedVersion: request.body.expectedVersion,
              reached: request.body.reached,
              notes: request.body.notes,
            },
            { ...ID, expectedVersion: 'body.expectedVersion', notes: 'body.notes' },
          )
        ).rectification,
      ),
    }),
  );

  app.post(
    '/:id/conclusion',
    {
      config: { auth: { roles: WORKERS } },
      schema: {
        tags,
        summary:
          '办结差评整改：立行立改、限期整改、解释说明（告知评价人），或申诉误评、恶意差评（交效能监督部门审核）；' +
          '实名差评须先回访到评价人',
        params: RectificationParams,
        body: ConclusionBody,
        response: { 200: RectificationAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => ({
      rectification: rectificationToRest(
        (
          await call(
            request,
            'concludeRectification',
            {
              id: request.params.id,
              expectedVersion: request.body.expectedVersion,
              outcome: rectificationOutcome.toProto(request.body.outcome),
              text: request.body.text,
              fixBy: request.body.fixBy ?? '',
            },
            {
              ...ID,
              expectedVersion: 'body.expectedVersion',
              outcome: 'body.outcome',
              text: 'body.text',
              fixBy: 'body.fixBy',
            },
          )
        ).rectification,
      ),
    }),
  );

  app.post(
    '/:id/appeal-decision',
    {
      config: { auth: { roles: ['supervisor'] } },
      schema: {
        tags,
        summary: '审核差评申诉（效能监督部门）：成立则该差评不计入满意度并办结，不成立则退回整改',
        params: RectificationParams,
        body: AppealDecisionBody,
        response: { 200: RectificationAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => ({
      rectification: rectificationToRest(
        (
          await call(
            request,
            'decideAppeal',
            {
              id: request.params.id,
              expectedVersion: request.body.expectedVersion,
              upheld: request.body.upheld,
              notes: request.body.notes,
            },
            { ...ID, expectedVersion: 'body.expectedVersion', notes: 'body.notes' },
          )
        ).rectification,
      ),
    }),
  );
};

export default rectificationRoutes;
