import type { Authorizer, Principal } from '@govhall/auth';
import type { Item } from '../../domain/item';
import { retire, retireReasonViolations } from '../../domain/item-lifecycle';
import {
  ensureVersion,
  expectedVersionViolations,
  idViolations,
  itemResource,
  requireVisibleItem,
  throwIfInvalid,
  WRITE_ITEMS,
} from '../items.policies';
import type { Clock, ItemRepository } from '../ports';

/** The center administrator takes a published item out of service (废止), with the reason. */
export function retireItemUseCase(deps: { items: ItemRepository; clock: Clock; authorizer: Authorizer }) {
  return async (command: { id: string; expectedVersion: number; reason: string }, actor: Principal): Promise<Item> => {
    throwIfInvalid([
      ...idViolations(command.id),
      ...expectedVersionViolations(command.expectedVersion),
      ...retireReasonViolations(command.reason),
    ]);
    const item = await requireVisibleItem(deps, command.id, actor);
    deps.authorizer.ensure(actor, 'write', itemResource(item), WRITE_ITEMS);
    ensureVersion(item, command.expectedVersion);
    const { item: next, events } = retire(item, command.reason, deps.clock.now());
    await deps.items.update(next, item.version, events, actor);
    return next;
  };
}
