import type { Authorizer, Principal } from '@govhall/auth';
import type { Item } from '../../domain/item';
import { idViolations, requireVisibleItem, throwIfInvalid } from '../items.policies';
import type { ItemRepository } from '../ports';

/**
 * Staff read of one item in any status: staff of its tenant (supervisors and center administrators also of
 * descendant tenants). Anyone else gets ITEM_NOT_FOUND, as for an item that does not exist. The public reads
 * published items through GetPublishedItem.
 */
export function getItemUseCase(deps: { items: ItemRepository; authorizer: Authorizer }) {
  return async (id: string, actor: Principal): Promise<Item> => {
    throwIfInvalid(idViolations(id));
    return requireVisibleItem(deps, id, actor);
  };
}
