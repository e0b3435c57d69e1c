import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@govhall/auth';
import type { jointReviewV1 } from '@govhall/proto';
import type { TSchema } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { meetingKind, meetingResolution, meetingState, opinionKind } from './joint-review.enums';
import { meetingToRest } from './meeting.mapper';
import {
  CancelBody,
  ConveneBody,
  MeetingAnswer,
  MeetingPage,
  MeetingParams,
  MeetingsQuery,
  MinutesBody,
  OutcomeBody,
  PositionBody,
  RescheduleBody,
} from './meeting.schemas';
import { CENTER, POSITION_RECORDERS, REVIEW_READERS } from './roles';

const tags = ['joint-review'];
const BY_ID = { id: 'params.id' };

/**
 * 会议联审 (joint meetings, J10): the center convenes, moves, cancels, minutes a meeting and records its outcome;
 * a department's head or approver (or the center for it) records the department's position. The joint-review
 * service decides who may read which meeting and what a meeting may do next (meeting_service.proto); the gateway
 * checks roles and shapes and maps the errors.
 */
const meetingRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'meetings', opts.deadlineMs);
  const answer = (res: { meeting?: jointReviewV1.Meeting }) => {
    if (!res.meeting) throw new Error('joint-review answered without meeting');
    return { meeting: meetingToRest(res.meeting) };
  };
  /** A write on one meeting, answering the meeting after the change. */
  const write = <B extends TSchema>(summary: string, roles: readonly Role[], body: B) => ({
    config: { auth: { roles } },
    schema: {
      tags,
      summary,
      params: MeetingParams,
      body,
      response: { 200: MeetingAnswer, ...problems(400, 401, 403, 404, 409, 503) },
    },
  });

  app.post(
    '/meetings',
    {
      config: { auth: { roles: CENTER } },
      schema: {
        tags,
        summary: '中心召集联审会议：会议联审的议题为在办联办件，其各部门自动受邀（同一请求编号重复提交得到同一会议）',
        body: ConveneBody,
        response: { 200: MeetingAnswer, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      return answer(
        await call(request, 'conveneMeeting', {
          requestId: b.requestId,
          tenant: '',
          kind: meetingKind.proto(b.kind),
          subject: b.subject,
          scheduledAt: new Date(b.scheduledAt),
          location: b.location ?? '',
          agenda: b.agenda.map((a) => ({
            id: '',
            title: a.title,
            reviewId: a.reviewId ?? '',
            caseNumber: '',
            note: a.note ?? '',
          })),
          departments: b.departments ?? [],
          projectId: b.projectId ?? '',
        }),
      );
    },
  );

  app.get(
    '/meetings',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary: '联审会议列表，新召集的在前（中心管理员和监察人员看全部；其他工作人员只看本部门受邀的）',
        querystring: MeetingsQuery,
        response: { 200: MeetingPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMeetings',
        {
          tenant: q.tenant ?? '',
          department: q.department ?? '',
          state: q.state ? meetingState.proto(q.state) : 0,
          projectId: q.projectId ?? '',
          reviewId: q.reviewId ?? '',
          page: pageOf(q),
        },
        queryFields('tenant', 'department', 'state', 'projectId', 'reviewId'),
      );
      return { meetings: res.meetings.map(meetingToRest), ...pageAnswer(res.page, res.meetings.length) };
    },
  );

  app.get(
    '/meetings/:id',
    {
      config: { auth: { roles: REVIEW_READERS } },
      schema: {
        tags,
        summary: '一次联审会议：议程、参会部门、纪要、各部门意见、结论',
        params: MeetingParams,
        response: { 200: MeetingAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => answer(await call(request, 'getMeeting', { id: request.params.id }, BY_ID)),
  );

  app.post(
    '/meetings/:id/reschedule',
    write('中心将待召开的会议改期（须写原因）', CENTER, RescheduleBody),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'rescheduleMeeting',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            scheduledAt: new Date(b.scheduledAt),
            location: b.location ?? '',
            reason: b.reason,
          },
          BY_ID,
        ),
      );
    },
  );

  app.post('/meetings/:id/cancel', write('中心取消待召开的会议（须写原因）', CENTER, CancelBody), async (request) => {
    const b = request.body;
    return answer(
      await call(
        request,
        'cancelMeeting',
        { id: request.params.id, expectedVersion: b.expectedVersion, reason: b.reason },
        BY_ID,
      ),
    );
  });

  app.post(
    '/meetings/:id/minutes',
    write('中心登记出席情况和会议纪要：会议转为已召开（已召开的可更正）', CENTER, MinutesBody),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'recordMinutes',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            attendance: b.attendance.map((a) => ({ department: a.department, attendees: a.attendees, attended: true })),
            minutes: b.minutes,
            attachmentIds: b.attachmentIds ?? [],
          },
          BY_ID,
        ),
      );
    },
  );

  app.post(
    '/meetings/:id/positions',
    write(
      '登记部门对议题的意见（本部门负责人或审批人员，或中心管理员代为登记；同一部门同一议题以最后一次为准）',
      POSITION_RECORDERS,
      PositionBody,
    ),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'recordPosition',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            position: {
              agendaItemId: b.agendaItemId,
              department: b.department,
              kind: opinionKind.proto(b.kind),
              text: b.text,
              reasons: b.reasons ?? [],
              conditions: b.conditions ?? [],
              recordedBy: '',
              recordedAt: undefined,
            },
          },
          // The position's fields are the body's own.
          { ...BY_ID, position: '' },
        ),
      );
    },
  );

  app.post(
    '/meetings/:id/outcome',
    write(
      '中心登记每个议题的会议结论：会议形成结论，各部门意见作为其联审意见写入联办件（再议的除外）',
      CENTER,
      OutcomeBody,
    ),
    async (request) => {
      const b = request.body;
      return answer(
        await call(
          request,
          'recordOutcome',
          {
            id: request.params.id,
            expectedVersion: b.expectedVersion,
            outcomes: b.outcomes.map((o) => ({
              agendaItemId: o.agendaItemId,
              resolution: meetingResolution.proto(o.resolution),
              text: o.text,
              conditions: o.conditions ?? [],
            })),
          },
          BY_ID,
        ),
      );
    },
  );
};

export default meetingRoutes;
