import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import {
  consultationChannel,
  consultationKind,
  consultationStatus,
  consultationVisibility,
} from './consultations.enums';
import { consultationToRest } from './consultations.rest';
import {
  AnswerBody,
  AskBody,
  ConsultationAnswer,
  ConsultationPage,
  ConsultationParams,
  CurateBody,
  FaqsAnswer,
  FaqsQuery,
  MineQuery,
  PublicQuery,
  QueueQuery,
} from './consultations.schemas';

const tags = ['consultations'];
/** Staff who answer: a department's (its items' questions) and the center (every one, the mailbox too). */
const ANSWERERS = ['window_clerk', 'reviewer', 'approver', 'department_head', 'center_admin'] as const;
const page = (p: { pageSize?: number; pageToken?: string }) => ({
  pageSize: p.pageSize ?? 0,
  pageToken: p.pageToken ?? '',
});
const pageAnswer = (res: {
  consultations: Parameters<typeof consultationToRest>[0][];
  page?: { nextPageToken: string; total: number };
}) => ({
  consultations: res.consultations.map(consultationToRest),
  ...(res.page?.nextPageToken ? { nextPageToken: res.page.nextPageToken } : {}),
  total: Number(res.page?.total ?? 0),
});

/**
 * 咨询 (C17-C21, ADR 0068): a signed-in person asks about an item (public or private) or writes to the leader mailbox;
 * staff log phone, visit and hotline consultations; the department (the center for the mailbox) answers; the public
 * room; curation into the item's FAQ, which anyone reads. The complaints service owns every rule.
 */
const consultationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'consultations', opts.deadlineMs);

  app.post(
    '',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '咨询事项或写信给领导信箱（登录用户）；工作人员登记电话、来访和热线咨询及当场答复',
        body: AskBody,
        response: { 201: ConsultationAnswer, ...problems(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(request, 'askConsultation', {
        tenant: b.tenant,
        kind: consultationKind.toProto(b.kind),
        channel: consultationChannel.toProto(b.channel ?? 'online'),
        itemId: b.itemId ?? '',
        visibility: consultationVisibility.toProto(b.visibility),
        question: b.question,
        askerName: b.askerName ?? '',
        answer: b.answer ?? '',
        requestId: b.requestId,
      });
      return reply.code(201).send({ consultation: consultationToRest(res.consultation) });
    },
  );

  app.get(
    '/public',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '公开答疑室：本地区（或某事项）已答复的公开咨询，新的在前（登录用户）',
        querystring: PublicQuery,
        response: { 200: ConsultationPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      return pageAnswer(
        await call(request, 'listPublicConsultations', { tenant: q.tenant, itemCode: q.itemCode ?? '', page: page(q) }),
      );
    },
  );

  app.get(
    '/mine',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '本人的咨询和领导信箱来信，新的在前',
        querystring: MineQuery,
        response: { 200: ConsultationPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => pageAnswer(await call(request, 'listMyConsultations', { page: page(request.query) })),
  );

  app.get(
    '/queue',
    {
      config: { auth: { roles: [...ANSWERERS, 'supervisor'] } },
      schema: {
        tags,
        summary: '咨询答复队列：部门人员看本部门事项的咨询，中心管理员和监察人员看本地区全部（含领导信箱），待答复在前',
        querystring: QueueQuery,
        response: { 200: ConsultationPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      return pageAnswer(
        await call(request, 'listConsultationQueue', {
          tenant: q.tenant ?? '',
          status: consultationStatus.toProto(q.status),
          page: page(q),
        }),
      );
    },
  );

  app.get(
    '/faqs',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '事项的常见问题（由咨询整理，公开）：办事指南在事项本身的常见问题之外显示',
        querystring: FaqsQuery,
        response: { 200: FaqsAnswer, ...problems(400, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'listItemFaqs', {
        tenant: request.query.tenant,
        itemCode: request.query.itemCode,
      });
      return {
        faqs: res.faqs.map((f) => ({
          consultationId: f.consultationId,
          question: f.question,
          answer: f.answer,
          curatedAt: (f.curatedAt ?? new Date(0)).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/:id',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '一件咨询（咨询人本人、答复部门；公开且已答复的：登录用户）',
        params: ConsultationParams,
        response: { 200: ConsultationAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getConsultation', { id: request.params.id });
      return { consultation: consultationToRest(res.consultation) };
    },
  );

  app.post(
    '/:id/answer',
    {
      config: { auth: { roles: ANSWERERS } },
      schema: {
        tags,
        summary: '答复咨询（事项所属部门的工作人员；领导信箱由中心管理员答复），只答复一次',
        params: ConsultationParams,
        body: AnswerBody,
        response: { 200: ConsultationAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'answerConsultation', { id: request.params.id, ...request.body });
      return { consultation: consultationToRest(res.consultation) };
    },
  );

  app.post(
    '/:id/faq',
    {
      config: { auth: { roles: ['department_head', 'center_admin'] } },
      schema: {
        tags,
        summary: '整理为事项的常见问题（事项所属部门负责人或中心管理员；已答复的公开咨询，可改写措辞）',
        params: ConsultationParams,
        body: CurateBody,
        response: { 200: ConsultationAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'curateConsultation', { id: request.params.id, ...request.body });
      return { consultation: consultationToRest(res.consultation) };
    },
  );
};

export default consultationRoutes;
