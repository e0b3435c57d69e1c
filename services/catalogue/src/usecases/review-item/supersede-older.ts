import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import type { Item } from '../../domain/item';
import { supersede } from '../../domain/item-lifecycle';
import type { ItemRepository } from '../ports';

/**
 * Marks every older published edition of `published`'s series superseded. Idempotent: editions already
 * superseded (or retired) are left alone, so running it again after a partial failure finishes the job.
 */
export async function supersedeOlderEditions(
  items: ItemRepository,
  published: Item,
  now: Date,
  actor: Principal,
): Promise<void> {
  const older = (await items.findInSeries(published.seriesId, ['published'])).filter(
    (i) => i.id !== published.id && i.edition < published.edition,
  );
  for (const edition of older) {
    try {
      await supersedeOne(items, edition, published, now, actor);
    } catch (e) {
      if (!(e instanceof ConcurrencyError)) throw e;
      // Changed meanwhile (retired, or a parallel retry superseded it): decide again on what is stored now.
      const fresh = await items.findById(edition.id);
      if (fresh?.status === 'published') await supersedeOne(items, fresh, published, now, actor);
    }
  }
}

async function supersedeOne(items: ItemRepository, old: Item, newer: Item, now: Date, actor: Principal) {
  const { item, events } = supersede(old, newer, now);
  await items.update(item, old.version, events, actor);
}
