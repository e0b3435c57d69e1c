import type { Authorizer, Principal } from '@govhall/auth';
import type { Item } from '../../domain/item';
import { updateDraft, type DraftUpdate } from '../../domain/item-lifecycle';
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

export interface UpdateDraftItemCommand extends DraftUpdate {
  id: string;
  expectedVersion: number;
}

/** The center administrator replaces a draft's identity fields and content (published editions never change). */
export function updateDraftItemUseCase(deps: { items: ItemRepository; clock: Clock; authorizer: Authorizer }) {
  return async (command: UpdateDraftItemCommand, actor: Principal): Promise<Item> => {
    throwIfInvalid([...idViolations(command.id), ...expectedVersionViolations(command.expectedVersion)]);
    const item = await requireVisibleItem(deps, command.id, actor);
    deps.authorizer.ensure(actor, 'write', itemResource(item), WRITE_ITEMS);
    ensureVersion(item, command.expectedVersion);
    const { id: _id, expectedVersion: _v, ...update } = command;
    const { item: next, events } = updateDraft(item, update, deps.clock.now(), actor.username);
    await deps.items.update(next, item.version, events, actor);
    return next;
  };
}
