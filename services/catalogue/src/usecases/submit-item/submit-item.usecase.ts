import type { Authorizer, Principal } from '@govhall/auth';
import type { Item } from '../../domain/item';
import { submit } from '../../domain/item-lifecycle';
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

/** The center administrator sends a complete, valid draft to the center review (every violation is reported). */
export function submitItemUseCase(deps: { items: ItemRepository; clock: Clock; authorizer: Authorizer }) {
  return async (command: { id: string; expectedVersion: number }, actor: Principal): Promise<Item> => {
    throwIfInvalid([...idViolations(command.id), ...expectedVersionViolations(command.expectedVersion)]);
    const item = await requireVisibleItem(deps, command.id, actor);
    deps.authorizer.ensure(actor, 'write', itemResource(item), WRITE_ITEMS);
    ensureVersion(item, command.expectedVersion);
    const { item: next, events } = submit(item, actor.username, deps.clock.now());
    await deps.items.update(next, item.version, events, actor);
    return next;
  };
}
