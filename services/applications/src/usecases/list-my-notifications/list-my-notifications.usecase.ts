import type { Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { SiteNotification } from '../../domain/site-notification';
import type { NotificationInbox } from '../notifications.ports';

/** The caller's in-site notifications (消息), newest first, with their unread count. Applicants only. */
export function listMyNotificationsUseCase(deps: { inbox: NotificationInbox }) {
  return async (
    query: { pageSize?: number; pageToken?: string; unreadOnly?: boolean },
    actor: Principal,
  ): Promise<{ notifications: SiteNotification[]; nextPageToken: string; total: number; unread: number }> => {
    const limit = pageSize(query.pageSize);
    const offset = decodePageToken(query.pageToken);
    if (actor.kind !== 'user' || !actor.subject) {
      throw new ForbiddenError('APPLICANT_REQUIRED', '请以申请人身份登录后查看消息');
    }
    const page = await deps.inbox.listFor(actor.subject, { unreadOnly: query.unreadOnly ?? false }, offset, limit);
    return {
      ...page,
      nextPageToken:
        offset + page.notifications.length < page.total ? encodePageToken(offset + page.notifications.length) : '',
    };
  };
}
