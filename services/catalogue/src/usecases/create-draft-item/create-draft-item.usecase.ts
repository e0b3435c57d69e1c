import { actsInTenant, hasAnyRole, type Principal } from '@govhall/auth';
import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { createDraft, sameDraft, validateDraft, type DraftItemInput, type Item } from '../../domain/item';
import type { Clock, IdGenerator, ItemRepository } from '../ports';

export interface CreateDraftItemCommand extends DraftItemInput {
  idempotencyKey: string;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A center administrator drafts a new item in their own tenant. Retries with the same key are safe.
 * `hostedTenants` are the tenants this deployment serves (GOVHALL_TENANTS); empty means any.
 */
export function createDraftItemUseCase(deps: {
  items: ItemRepository;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (command: CreateDraftItemCommand, actor: Principal): Promise<Item> => {
    const violations = validateDraft(command);
    if (!IDEMPOTENCY_KEY.test(command.idempotencyKey)) {
      violations.push({
        path: 'idempotencyKey',
        message: '幂等键应为8至64位字母、数字、下划线或连字符',
        reason: 'PATTERN',
      });
    }
    if (violations.length > 0) throw new ValidationError(violations);
    if (!hasAnyRole(actor, ['center_admin']) || !actsInTenant(actor, command.tenant)) {
      throw new ForbiddenError('CATALOGUE_WRITE_FORBIDDEN', '只有本级政务服务中心管理员可以新建事项');
    }
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
  if (sameDraft(previous, command)) return previous;
  throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一份不同的事项草稿，请使用新的幂等键');
}
