import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { SiteNotification } from '../../domain/site-notification';
import type { CaseCore } from '../../usecases/deps';
import { listMyNotificationsUseCase } from '../../usecases/list-my-notifications/list-my-notifications.usecase';
import { markNotificationsReadUseCase } from '../../usecases/mark-notifications-read/mark-notifications-read.usecase';
import type { NotificationInbox } from '../../usecases/notifications.ports';
import type { HandlerGroup } from './handler-group';

export function toProtoNotification(n: SiteNotification): applicationsV1.Notification {
  return {
    id: n.id,
    kind: n.kind,
    caseId: n.caseId,
    caseNumber: n.caseNumber,
    itemName: n.itemName,
    title: n.title,
    text: n.text,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}

/** The applicant's in-site notifications (collection site_notifications). */
export function notificationHandlers(deps: {
  inbox: NotificationInbox;
}): HandlerGroup<'listMyNotifications' | 'markNotificationsRead'> {
  return (server: GrpcServer, core: CaseCore) => {
    const list = listMyNotificationsUseCase(deps);
    const mark = markNotificationsReadUseCase({ inbox: deps.inbox, clock: core.clock });
    return {
      listMyNotifications: server.unary<
        applicationsV1.ListMyNotificationsRequest,
        applicationsV1.ListMyNotificationsResponse
      >('ListMyNotifications', async (req, ctx) => {
        const page = await list(
          { pageSize: req.page?.pageSize, pageToken: req.page?.pageToken, unreadOnly: req.unreadOnly },
          ctx.principal,
        );
        return {
          notifications: page.notifications.map(toProtoNotification),
          page: { nextPageToken: page.nextPageToken, total: page.total },
          unread: page.unread,
        };
      }),
      markNotificationsRead: server.unary<
        applicationsV1.MarkNotificationsReadRequest,
        applicationsV1.MarkNotificationsReadResponse
      >('MarkNotificationsRead', async (req, ctx) => mark({ ids: req.ids, all: req.all }, ctx.principal)),
    };
  };
}
