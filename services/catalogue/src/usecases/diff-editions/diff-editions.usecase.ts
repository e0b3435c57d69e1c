import type { Authorizer, Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { diffEditions, type FieldChange } from '../../domain/item-diff';
import { idViolations, requireVisibleItem, throwIfInvalid } from '../items.policies';
import type { ItemRepository } from '../ports';

/** What changed from one edition of an item to another (staff of the tenant; both editions of one series). */
export function diffEditionsUseCase(deps: { items: ItemRepository; authorizer: Authorizer }) {
  return async (query: { fromId: string; toId: string }, actor: Principal): Promise<FieldChange[]> => {
    throwIfInvalid([...idViolations(query.fromId, 'fromId'), ...idViolations(query.toId, 'toId')]);
    const from = await requireVisibleItem(deps, query.fromId, actor);
    const to = await requireVisibleItem(deps, query.toId, actor);
    if (from.seriesId !== to.seriesId) {
      throw new ValidationError([{ path: 'toId', reason: 'DIFFERENT_SERIES', message: '只能比较同一事项的不同版本' }]);
    }
    return diffEditions(from, to);
  };
}
