import { catalogueV1 } from '@govhall/proto';
import { category, itemContentToProto } from '../adapters/grpc/item.mapper';
import type { SeedItem } from './items.seed';
import type { CatalogueSeedApi } from './seed-api';
import type { TenantLogins } from './seed-logins';

const { ItemStatus } = catalogueV1;

/** The fixed idempotency key of a seed item's draft: a re-run finds the first draft, whatever became of it. */
export const seedIdempotencyKey = (seed: Pick<SeedItem, 'tenant' | 'basicCode'>) =>
  `seed-${seed.tenant}-${seed.basicCode}`;

/**
 * Publishes one seed item through the catalogue API as an administrator would: the tenant's center administrator
 * drafts it (fixed idempotency key), fills it in and submits it; another person with the reviewer role approves
 * it. Idempotent: a published item is left alone, a half-done one is finished (a draft is filled in and
 * submitted, a submitted one approved).
 */
export async function publishSeedItem(
  api: CatalogueSeedApi,
  seed: SeedItem,
  logins: TenantLogins,
): Promise<catalogueV1.Item> {
  const identity = {
    name: seed.name,
    basicCode: seed.basicCode,
    kind: seed.kind,
    handlingCategory: category.toProto(seed.handlingCategory),
    department: seed.department,
  };
  let item = await api.createDraftItem(
    { idempotencyKey: seedIdempotencyKey(seed), tenant: seed.tenant, ...identity },
    logins.admin,
  );
  if (item.status === ItemStatus.ITEM_STATUS_DRAFT) {
    item = await api.updateDraftItem(
      { id: item.id, expectedVersion: item.version, ...identity, content: itemContentToProto(seed.content) },
      logins.admin,
    );
    item = await api.submitItem({ id: item.id, expectedVersion: item.version }, logins.admin);
  }
  if (item.status === ItemStatus.ITEM_STATUS_SUBMITTED) {
    item = await api.reviewItem(
      { id: item.id, expectedVersion: item.version, approve: true, comments: '' },
      logins.reviewer,
    );
  }
  return item;
}

/** How many items are published at once: the catalogue overlaps their database round trips. */
export const SEED_LANES = 4;

/**
 * Publishes every seed item and returns the line the seed prints. The items are independent of each other, so they
 * go in SEED_LANES lanes at once (each lane one item after another): about half the time of one lane, which every
 * test world that seeds the catalogue pays.
 */
export async function runCatalogueSeed(
  api: CatalogueSeedApi,
  loginsOf: (tenant: string) => TenantLogins,
  items: readonly SeedItem[],
): Promise<string> {
  let published = 0;
  const lanes = Array.from({ length: SEED_LANES }, (_, lane) => items.filter((_, i) => i % SEED_LANES === lane));
  await Promise.all(
    lanes.map(async (lane) => {
      for (const seed of lane) {
        const item = await publishSeedItem(api, seed, loginsOf(seed.tenant));
        if (item.status === ItemStatus.ITEM_STATUS_PUBLISHED) published += 1;
      }
    }),
  );
  const departments = new Set(items.map((s) => s.department)).size;
  return `catalogue seed: ${published} published items across ${departments} departments`;
}
