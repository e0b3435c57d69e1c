import { NotFoundError, ValidationError } from '@govhall/errors';
import type { Item } from '../../domain/item';
import { publicView } from '../../domain/public-item';
import type { PublishedItems } from '../public.ports';

const ID = /^[0-9a-f-]{36}$/;
const PUBLIC_STATUSES: readonly string[] = ['published', 'superseded'];

/**
 * Reads an item as the public sees it (anonymous): a published edition, or a superseded one (cases filed under it
 * keep pointing at it). Drafts, submitted and retired items do not exist for the public (404, never 403). The answer
 * is the public view: no author, editor, submitter or review (the service decides this, not the gateway).
 */
export function getPublishedItemUseCase(deps: { published: PublishedItems }) {
  return async (id: string): Promise<Item> => {
    if (!ID.test(id)) {
      throw new ValidationError([{ path: 'id', reason: 'PATTERN', message: '事项标识格式不正确' }]);
    }
    const item = await deps.published.findPublic(id);
    if (!item || !PUBLIC_STATUSES.includes(item.status)) throw new NotFoundError('ITEM_NOT_FOUND', '未找到该事项');
    return publicView(item);
  };
}
