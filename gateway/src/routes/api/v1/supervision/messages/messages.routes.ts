import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { STAFF_ROLES } from '@govhall/auth';
import type { supervisionV1 } from '@govhall/proto';
import { problems } from '../../../../../lib/common.schemas';
import { grpcCall } from '../../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../../lib/query-fields';
import { signalLevel } from '../supervision.enums';
import { present } from '../violation.mapper';
import { MessageAnswer, MessagePage, MessageParams, MessagesQuery } from './messages.schemas';

const tags = ['supervision'];

function messageToRest(m: supervisionV1.StaffMessage) {
  return {
    id: m.id,
    tenant: m.tenant,
    relation: m.relation,
    signalId: m.signalId,
    matterId: m.matterId,
    level: signalLevel.rest(m.level),
    title: m.title,
    text: m.text,
    createdAt: m.createdAt!.toISOString(),
    readAt: m.readAt?.toISOString(),
  };
}

/** Staff site messages (站内消息, ADR 0045): each member of staff reads and marks their own. */
const messagesRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'messages', opts.deadlineMs);

  app.get(
    '/messages/mine',
    {
      config: { auth: { roles: STAFF_ROLES } },
      schema: {
        tags,
        summary: '我的监察消息（新的在前）；total 为条数（只看未读时即未读数）',
        querystring: MessagesQuery,
        response: { 200: MessagePage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMyMessages',
        { unreadOnly: q.unreadOnly ?? false, page: pageOf(q) },
        queryFields('unreadOnly'),
      );
      return { messages: res.messages.map(messageToRest), ...pageAnswer(res.page, res.messages.length) };
    },
  );

  app.post(
    '/messages/:id/read',
    {
      config: { auth: { roles: STAFF_ROLES } },
      schema: {
        tags,
        summary: '标为已读（只能是本人的消息；已读的再标一次不变）',
        params: MessageParams,
        response: { 200: MessageAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      message: messageToRest(
        present((await call(request, 'markMessageRead', { id: request.params.id })).message, 'message'),
      ),
    }),
  );
};

export default messagesRoutes;
