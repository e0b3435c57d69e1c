import type { Authorizer, Principal } from '@govhall/auth';
import type { Item } from '../../domain/item';
import { idViolations, itemResource, READ_ITEMS, requireItem, throwIfInvalid } from '../items.policies';
import type { ItemRepository } from '../ports';

/**
 * Staff read of one item in any status: staff of its tenant (supervisors and center administrators also of
 * descendant tenants). The public reads published items through GetPublishedItem.
 */
export function getItemUseCase(deps: { items: ItemRepository; authorizer: Authorizer }) {
  return async (id: string, actor: Principal): Promise<Item> => {
    throwIfInvalid(idViolations(id));
    const item = await requireItem(deps.items, id);
    deps.authorizer.ensure(actor, 'read', itemResource(item), READ_ITEMS);
    return item;
  };
}
