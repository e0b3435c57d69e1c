import type { Authorizer, Principal } from '@govhall/auth';
import { ensureDeletable } from '../../domain/item-lifecycle';
import {
  ensureVersion,
  expectedVersionViolations,
  idViolations,
  itemResource,
  requireVisibleItem,
  throwIfInvalid,
  WRITE_ITEMS,
} from '../items.policies';
import type { ItemRepository } from '../ports';

/**
 * The center administrator deletes a draft edition nobody else has seen (never submitted, never reviewed): an
 * abandoned new item or new edition. Once a draft went to review it stays, with its history (ADR 0033).
 */
export function deleteDraftItemUseCase(deps: { items: ItemRepository; authorizer: Authorizer }) {
  return async (command: { id: string; expectedVersion: number }, actor: Principal): Promise<void> => {
    throwIfInvalid([...idViolations(command.id), ...expectedVersionViolations(command.expectedVersion)]);
    const item = await requireVisibleItem(deps, command.id, actor);
    deps.authorizer.ensure(actor, 'write', itemResource(item), WRITE_ITEMS);
    ensureVersion(item, command.expectedVersion);
    ensureDeletable(item);
    await deps.items.remove(item, command.expectedVersion);
  };
}
