import type { Authorizer, Principal } from '@govhall/auth';
import type { Item } from '../../domain/item';
import { review, reviewCommentViolations, type ReviewDecision } from '../../domain/item-lifecycle';
import {
  ensureVersion,
  expectedVersionViolations,
  idViolations,
  itemResource,
  requireVisibleItem,
  REVIEW_ITEMS,
  throwIfInvalid,
} from '../items.policies';
import type { Clock, ItemRepository } from '../ports';
import { supersedeOlderEditions } from './supersede-older';

export interface ReviewItemCommand extends ReviewDecision {
  id: string;
  expectedVersion: number;
}

/**
 * Center review by a reviewer or center administrator other than the submitter. Approval publishes the edition
 * and then supersedes the series' previously published edition: two documents, written in that order (each with
 * its own events). If the second write fails, the older edition stays published until the same approval is
 * retried (a retry of an approval that already took effect only repeats the supersede step) or the next edition
 * is published; superseding is idempotent and covers every older published edition.
 */
export function reviewItemUseCase(deps: { items: ItemRepository; clock: Clock; authorizer: Authorizer }) {
  return async (command: ReviewItemCommand, actor: Principal): Promise<Item> => {
    throwIfInvalid([
      ...idViolations(command.id),
      ...expectedVersionViolations(command.expectedVersion),
      ...reviewCommentViolations(command),
    ]);
    const item = await requireVisibleItem(deps, command.id, actor);
    deps.authorizer.ensure(actor, 'write', itemResource(item), REVIEW_ITEMS);
    if (isRetriedApproval(item, command, actor)) {
      await supersedeOlderEditions(deps.items, item, deps.clock.now(), actor);
      return item;
    }
    ensureVersion(item, command.expectedVersion);
    const now = deps.clock.now();
    const { item: next, events } = review(item, command, actor.username, now);
    await deps.items.update(next, item.version, events, actor);
    if (next.status === 'published') await supersedeOlderEditions(deps.items, next, now, actor);
    return next;
  };
}

/** The same reviewer's approval of the version they read already published it (the response was lost). */
function isRetriedApproval(item: Item, command: ReviewItemCommand, actor: Principal): boolean {
  const last = item.reviews.at(-1);
  return (
    command.approve &&
    item.status === 'published' &&
    item.version === command.expectedVersion + 1 &&
    last?.approved === true &&
    last.reviewer === actor.username
  );
}
