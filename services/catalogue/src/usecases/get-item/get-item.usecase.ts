import { actsInTenant, hasAnyRole, type Principal } from '@govhall/auth';
import { NotFoundError, ValidationError } from '@govhall/errors';
import type { Item } from '../../domain/item';
import type { ItemRepository } from '../ports';

const STAFF = [
  'center_admin',
  'window_clerk',
  'reviewer',
  'approver',
  'department_head',
  'supervisor',
  'ops_admin',
] as const;

/**
 * Reads one item. Published versions are public; drafts are visible only to staff of the item's tenant, and to
 * anyone else they do not exist (404, so drafts cannot be probed).
 */
export function getItemUseCase(deps: { items: ItemRepository }) {
  return async (id: string, actor: Principal): Promise<Item> => {
    if (!/^[0-9a-f-]{36}$/.test(id)) {
      throw new ValidationError([{ path: 'id', message: '事项标识格式不正确', reason: 'PATTERN' }]);
    }
    const item = await deps.items.findById(id);
    const visible =
      item && (item.status === 'published' || (hasAnyRole(actor, STAFF) && actsInTenant(actor, item.tenant)));
    if (!item || !visible) throw new NotFoundError('ITEM_NOT_FOUND', '未找到该事项');
    return item;
  };
}
