import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import {
  complaintChannel,
  complaintFinding,
  complaintKind,
  complaintStatus,
  complaintType,
  replySatisfaction,
  targetKind,
} from './complaints.enums';
import { channelToRest, complaintToRest, outcomeToRest, summaryToRest } from './complaints.rest';
import {
  AcceptBody,
  ChannelAnswer,
  ChannelBody,
  ChannelParams,
  ComplaintAnswer,
  ComplaintPage,
  ComplaintParams,
  ComplaintsQuery,
  FileComplaintBody,
  MineQuery,
  OutcomePage,
  OutcomesQuery,
  RejectBody,
  ReplyBody,
  SatisfactionBody,
  ComplaintSummary,
  SummaryQuery,
} from './complaints.schemas';

const tags = ['complaints'];
/** Staff who read complaints; how far each reaches (tenant, office, department) is the complaints service's rule. */
const READERS = ['center_admin', 'supervisor', 'complaint_handler', 'department_head'] as const;
/** Who reads a tenant's complaint figures (the supervision office and the center; the service decides how far). */
const OVERSEERS = ['center_admin', 'supervisor'] as const;
/** The handling offices' staff. */
const HANDLERS = ['supervisor', 'complaint_handler'] as const;
const page = (p: { pageSize?: number; pageToken?: string }) => ({
  pageSize: p.pageSize ?? 0,
  pageToken: p.pageToken ?? '',
});
const pageAnswer = (p: { nextPageToken: string; total: number } | undefined) => ({
  ...(p?.nextPageToken ? { nextPageToken: p.nextPageToken } : {}),
  total: Number(p?.total ?? 0),
});

/**
 * 投诉和举报 (C8-C16): filed online by anyone (anonymous filings under a rate limit of their own), entered by staff
 * for a visit, call, letter or box slip; read, accepted, refused and answered by the handling office; the answer
 * voted on by the complainant; the public outcomes and each tenant's complaint channel read by anyone. The complaints
 * service owns every rule (routing, who, the clocks, masking).
 */
const complaintRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'complaints', opts.deadlineMs);

  app.post(
    '',
    {
      config: { auth: 'public', limit: 'anonymous-submission' },
      schema: {
        tags,
        summary: '提交投诉或举报（网上可匿名举报，未登录的提交有频率限制；工作人员登记来访、来电、来信和意见箱投诉）',
        body: FileComplaintBody,
        response: { 201: ComplaintAnswer, ...problems(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(request, 'fileComplaint', {
        tenant: b.tenant,
        type: complaintType.toProto(b.type),
        kind: complaintKind.toProto(b.kind),
        channel: complaintChannel.toProto(b.channel ?? 'online'),
        target: { kind: targetKind.toProto(b.target.kind), id: b.target.id ?? '', name: '', department: '' },
        content: b.content,
        complainant: {
          name: b.complainant?.name ?? '',
          phone: b.complainant?.phone ?? '',
          email: b.complainant?.email ?? '',
          subject: '',
        },
        attachmentIds: b.attachmentIds ?? [],
        requestId: b.requestId,
      });
      return reply.code(201).send({ complaint: complaintToRest(res.complaint) });
    },
  );

  app.get(
    '',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary:
          '期间内的投诉（新的在前）：中心管理员和监察人员看本地区全部，受理部门看本部门受理的，部门负责人看涉及本部门的',
        querystring: ComplaintsQuery,
        response: { 200: ComplaintPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(request, 'listComplaints', {
        tenant: q.tenant ?? '',
        from: q.from,
        to: q.to,
        statuses: (q.status ?? []).map((s) => complaintStatus.toProto(s)),
        kind: complaintKind.toProto(q.kind),
        page: page(q),
      });
      return { complaints: res.complaints.map(complaintToRest), ...pageAnswer(res.page) };
    },
  );

  app.get(
    '/summary',
    {
      config: { auth: { roles: OVERSEERS } },
      schema: {
        tags,
        summary:
          '投诉统计：期间内投诉按状态、类别、认定（合理、无效、错误）和投诉人对答复的评价计数，以及超期未办的投诉（不含投诉人信息）；监察人员和中心管理员看本地区（及下级地区）',
        querystring: SummaryQuery,
        response: { 200: ComplaintSummary, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(request, 'summarizeComplaints', { tenant: q.tenant ?? '', from: q.from, to: q.to });
      return summaryToRest(res.summary);
    },
  );

  app.get(
    '/mine',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '本人提交的投诉（新的在前）',
        querystring: MineQuery,
        response: { 200: ComplaintPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'listMyComplaints', { page: page(request.query) });
      return { complaints: res.complaints.map(complaintToRest), ...pageAnswer(res.page) };
    },
  );

  app.get(
    '/outcomes',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '已受理投诉的处理结果公开（个人信息已脱敏）',
        querystring: OutcomesQuery,
        response: { 200: OutcomePage, ...problems(400, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(request, 'listPublishedOutcomes', { tenant: q.tenant, page: page(q) });
      return { outcomes: res.outcomes.map(outcomeToRest), ...pageAnswer(res.page) };
    },
  );

  app.get(
    '/channels/:tenant',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '地区的投诉渠道：受理单位、电话、地址和处理程序',
        params: ChannelParams,
        response: { 200: ChannelAnswer, ...problems(400, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getComplaintChannel', { tenant: request.params.tenant });
      return { channel: channelToRest(res.channel) };
    },
  );

  app.put(
    '/channels/:tenant',
    {
      config: { auth: { roles: ['center_admin'] } },
      schema: {
        tags,
        summary: '公布本地区的投诉渠道（中心管理员）',
        params: ChannelParams,
        body: ChannelBody,
        response: { 200: ChannelAnswer, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request) => {
      const { expectedVersion, ...fields } = request.body;
      const res = await call(
        request,
        'setComplaintChannel',
        { channel: { tenant: request.params.tenant, ...fields, version: 0 }, expectedVersion },
        {
          'channel.unit': 'unit',
          'channel.phone': 'phone',
          'channel.address': 'address',
          'channel.procedure': 'procedure',
        },
      );
      return { channel: channelToRest(res.channel) };
    },
  );

  app.get(
    '/:id',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '一件投诉（投诉人本人、受理部门和可查看的人员）',
        params: ComplaintParams,
        response: { 200: ComplaintAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getComplaint', { id: request.params.id, number: '' });
      return { complaint: complaintToRest(res.complaint) };
    },
  );

  app.post(
    '/:id/acceptance',
    {
      config: { auth: { roles: HANDLERS } },
      schema: {
        tags,
        summary: '受理投诉（受理部门）',
        params: ComplaintParams,
        body: AcceptBody,
        response: { 200: ComplaintAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'acceptComplaint', { id: request.params.id, ...request.body });
      return { complaint: complaintToRest(res.complaint) };
    },
  );

  app.post(
    '/:id/rejection',
    {
      config: { auth: { roles: HANDLERS } },
      schema: {
        tags,
        summary: '不予受理（受理部门，须说明理由）',
        params: ComplaintParams,
        body: RejectBody,
        response: { 200: ComplaintAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'rejectComplaint', { id: request.params.id, ...request.body });
      return { complaint: complaintToRest(res.complaint) };
    },
  );

  app.post(
    '/:id/reply',
    {
      config: { auth: { roles: HANDLERS } },
      schema: {
        tags,
        summary: '答复投诉并认定为合理、无效或错误投诉（受理部门）',
        params: ComplaintParams,
        body: ReplyBody,
        response: { 200: ComplaintAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(request, 'replyComplaint', {
        id: request.params.id,
        expectedVersion: b.expectedVersion,
        finding: complaintFinding.toProto(b.finding),
        text: b.text,
      });
      return { complaint: complaintToRest(res.complaint) };
    },
  );

  app.post(
    '/:id/satisfaction',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '投诉人评价答复（一次）',
        params: ComplaintParams,
        body: SatisfactionBody,
        response: { 200: ComplaintAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'rateReply', {
        id: request.params.id,
        satisfaction: replySatisfaction.toProto(request.body.satisfaction),
      });
      return { complaint: complaintToRest(res.complaint) };
    },
  );
};

export default complaintRoutes;
