import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError, type Violation } from '@govhall/errors';
import { MARK_READ_MAX_IDS } from '../../domain/site-notification';
import type { Clock } from '../ports';
import type { NotificationInbox } from '../notifications.ports';

/** `<event id>:site` (event ids are UUIDs; kept loose: letters, digits, `-`, `_`, `:`). */
const NOTIFICATION_ID = /^[A-Za-z0-9_:-]{1,100}$/;

/**
 * Marks the caller's notifications read: the ids given, or all. Ids of someone else's notifications, unknown ids and
 * ids already read change nothing (no error: the caller cannot learn whether another person's id exists).
 */
export function markNotificationsReadUseCase(deps: { inbox: NotificationInbox; clock: Clock }) {
  return async (
    command: { ids: readonly string[]; all: boolean },
    actor: Principal,
  ): Promise<{ marked: number; unread: number }> => {
    const violations: Violation[] = [];
    if (command.all && command.ids.length > 0)
      violations.push({ path: 'ids', reason: 'CONFLICT', message: '“全部标为已读”时不能同时指定消息' });
    else if (!command.all && command.ids.length === 0)
      violations.push({ path: 'ids', reason: 'REQUIRED', message: '请选择要标为已读的消息' });
    if (command.ids.length > MARK_READ_MAX_IDS)
      violations.push({ path: 'ids', reason: 'TOO_MANY', message: `一次最多标记${MARK_READ_MAX_IDS}条消息` });
    command.ids.forEach((id, i) => {
      if (!NOTIFICATION_ID.test(id))
        violations.push({ path: `ids[${i}]`, reason: 'PATTERN', message: '消息标识格式不正确' });
    });
    if (violations.length) throw new ValidationError(violations);
    if (actor.kind !== 'user' || !actor.subject) {
      throw new ForbiddenError('APPLICANT_REQUIRED', '请以申请人身份登录后查看消息');
    }
    const marked = await deps.inbox.markRead(actor.subject, command.all ? 'all' : command.ids, deps.clock.now());
    return { marked, unread: await deps.inbox.unreadCount(actor.subject) };
  };
}
