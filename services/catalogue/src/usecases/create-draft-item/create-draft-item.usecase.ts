import type { Authorizer, Principal } from '@govhall/auth';
import { ConflictError, PreconditionError } from '@govhall/errors';
import { createDraft, sameDraft, validateDraft, type DraftItemInput, type Item } from '../../domain/item';
import { idempotencyKeyViolations, throwIfInvalid, WRITE_ITEMS } from '../items.policies';
import type { Clock, IdGenerator, ItemRepository } from '../ports';

export interface CreateDraftItemCommand extends DraftItemInput {
  idempotencyKey: string;
}

/**
 * A center administrator drafts a new item (edition 1 of a new series) in their own tenant. Retries with the same
 * key are safe. `hostedTenants` are the tenants this deployment serves (GOVHALL_TENANTS); empty means any.
 */
export function createDraftItemUseCase(deps: {
  items: ItemRepository;
  clock: Clock;
  ids: IdGenerator;
  authorizer: Authorizer;
  hostedTenants?: readonly string[];
}) {
  return async (command: CreateDraftItemCommand, actor: Principal): Promise<Item> => {
    throwIfInvalid([...validateDraft(command), ...idempotencyKeyViolations(command.idempotencyKey)]);
    deps.authorizer.ensure(actor, 'write', { type: 'item', tenant: command.tenant }, WRITE_ITEMS);
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${command.tenant}，请到其所属平台办理`);
    }

    const previous = await deps.items.findByIdempotencyKey(command.tenant, command.idempotencyKey);
    if (previous) return unchangedOrConflict(previous, command);

    const { item, events } = createDraft(command, deps.ids.newId(), deps.clock.now(), actor.username);
    const result = await deps.items.insert(item, events, command.idempotencyKey, actor);
    return result.created ? result.item : unchangedOrConflict(result.item, command);
  };
}

function unchangedOrConflict(previous: Item, command: CreateDraftItemCommand): Item {
  if (previous.edition === 1 && sameDraft(previous, command)) return previous;
  throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一份不同的事项草稿，请使用新的幂等键');
}
