import type { Principal } from '@govhall/auth';
import { NotFoundError, ValidationError } from '@govhall/errors';
import type { Clock } from '@govhall/clock';
import type { StaffMessageStore, StoredStaffMessage } from '../messages.ports';

const ID = /^[A-Za-z0-9._@:-]{1,240}$/;

/** Marks one of the caller's messages read (again: nothing changes); another's message is not found. */
export function markMessageReadUseCase(deps: { messages: StaffMessageStore; clock: Clock }) {
  return async (id: string, actor: Principal): Promise<StoredStaffMessage> => {
    if (!ID.test(id)) throw new ValidationError([{ path: 'id', reason: 'PATTERN', message: '消息标识格式不正确' }]);
    const found = await deps.messages.get(id);
    if (!found || found.username !== actor.username || found.tenant !== actor.tenant) {
      throw new NotFoundError('MESSAGE_NOT_FOUND', '未找到该消息');
    }
    if (found.readAt) return found;
    const at = deps.clock.now();
    await deps.messages.markRead(id, at);
    return { ...found, readAt: at };
  };
}
