import type { Authorizer, Principal } from '@govhall/auth';
import { ConflictError } from '@govhall/errors';
import type { Item } from '../../domain/item';
import { newEdition } from '../../domain/item-lifecycle';
import {
  idempotencyKeyViolations,
  idViolations,
  itemResource,
  requireVisibleItem,
  throwIfInvalid,
  WRITE_ITEMS,
} from '../items.policies';
import type { Clock, IdGenerator, ItemRepository } from '../ports';

/**
 * The center administrator starts the next edition of a published item as a draft copy. Retries with the same
 * key return the same draft; a series has at most one edition in progress (draft or submitted).
 */
export function newEditionUseCase(deps: {
  items: ItemRepository;
  clock: Clock;
  ids: IdGenerator;
  authorizer: Authorizer;
}) {
  return async (command: { id: string; idempotencyKey: string }, actor: Principal): Promise<Item> => {
    throwIfInvalid([...idViolations(command.id), ...idempotencyKeyViolations(command.idempotencyKey)]);
    const published = await requireVisibleItem(deps, command.id, actor);
    deps.authorizer.ensure(actor, 'write', itemResource(published), WRITE_ITEMS);

    // A retry is answered before the state checks: by then the copied edition may itself be superseded.
    const previous = await deps.items.findByIdempotencyKey(published.tenant, command.idempotencyKey);
    if (previous) return sameOrConflict(previous, published);

    const { item, events } = newEdition(published, deps.ids.newId(), deps.clock.now(), actor.username);
    const [open] = await deps.items.findInSeries(published.seriesId, ['draft', 'submitted']);
    if (open) throw editionInProgress(open);
    const result = await deps.items.insert(item, events, command.idempotencyKey, actor);
    return result.created ? result.item : sameOrConflict(result.item, published);
  };
}

function sameOrConflict(previous: Item, published: Item): Item {
  if (previous.previousId === published.id) return previous;
  throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于其他操作，请使用新的幂等键');
}

function editionInProgress(open: Item): ConflictError {
  const state = open.status === 'submitted' ? '正在审核' : '正在编辑';
  const error = new ConflictError(
    'EDITION_IN_PROGRESS',
    `该事项的第${open.edition}版${state}（${open.id}），请先完成或处理该版本后再新建版本`,
  );
  // Which edition is open, for programs (google.rpc.ErrorInfo metadata): a client can lead to it.
  error.metadata = { openItemId: open.id, openStatus: open.status, openEdition: String(open.edition) };
  return error;
}
