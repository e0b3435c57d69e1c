import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { applicationsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { casesCall } from '../cases/cases-call';
import { APPLICANTS } from '../cases/roles';
import {
  MarkReadBody,
  MarkReadResult,
  MyNotificationsQuery,
  NotificationPage,
  type NotificationView,
} from './notification.schemas';

const tags = ['notifications'];

function notificationToRest(n: applicationsV1.Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    caseId: n.caseId,
    caseNumber: n.caseNumber,
    itemName: n.itemName,
    title: n.title,
    text: n.text,
    createdAt: (n.createdAt ?? new Date(0)).toISOString(),
    readAt: n.readAt?.toISOString(),
  };
}

/** /api/v1/notifications — the applicant's in-site notifications (消息) of the cases service. */
const notificationsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = casesCall(app, opts.deadlineMs);

  app.get(
    '/mine',
    {
      config: { auth: { roles: APPLICANTS } },
      schema: {
        tags,
        summary: '我的消息（办件受理、一次性告知、决定、送达等通知），最新的在前，附未读总数',
        querystring: MyNotificationsQuery,
        response: { 200: NotificationPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMyNotifications',
        { page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' }, unreadOnly: q.unreadOnly ?? false },
        { page: 'querystring', unreadOnly: 'querystring.unreadOnly' },
      );
      return {
        notifications: res.notifications.map(notificationToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: Number(res.page?.total ?? res.notifications.length),
        unread: Number(res.unread),
      };
    },
  );

  app.post(
    '/mine/read',
    {
      config: { auth: { roles: APPLICANTS } },
      schema: {
        tags,
        summary: '将消息标为已读：指定 ids，或 all=true 全部标为已读（他人的消息不受影响）',
        body: MarkReadBody,
        response: { 200: MarkReadResult, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const b = request.body;
      // Body fields keep their names (ids, ids[2]) in the service's violations.
      const res = await call(request, 'markNotificationsRead', { ids: b.ids ?? [], all: b.all ?? false }, {});
      return { marked: Number(res.marked), unread: Number(res.unread) };
    },
  );
};

export default notificationsRoutes;
