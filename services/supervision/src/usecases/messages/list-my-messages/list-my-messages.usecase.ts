import type { Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { StaffMessageStore, StoredStaffMessage } from '../messages.ports';

/** The caller's own site messages (staff only), newest first, paged. */
export function listMyMessagesUseCase(deps: { messages: StaffMessageStore }) {
  return async (
    q: { unreadOnly: boolean; pageSize?: number; pageToken?: string },
    actor: Principal,
  ): Promise<{ messages: StoredStaffMessage[]; nextPageToken: string; total: number }> => {
    if (actor.kind !== 'user' || !actor.username || actor.roles.includes('applicant')) {
      throw new ForbiddenError('STAFF_ONLY', '只有工作人员可以查看监察消息');
    }
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const [page, total] = await Promise.all([
      deps.messages.listFor(actor.username, q.unreadOnly, offset, limit + 1),
      deps.messages.countFor(actor.username, q.unreadOnly),
    ]);
    const more = page.length > limit;
    return { messages: page.slice(0, limit), nextPageToken: more ? encodePageToken(offset + limit) : '', total };
  };
}
