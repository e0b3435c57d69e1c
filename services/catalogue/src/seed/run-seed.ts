import type { Principal, Role } from '@govhall/auth';
import { isDomainError } from '@govhall/errors';
import { createLogger } from '@govhall/logging';
import { connectMongo, ensureIndexes } from '@govhall/mongo';
import { config } from '../config';
import { composeCatalogue } from '../compose';
import { SEED_ITEMS, type SeedItem } from './items.seed';

/**
 * Loads the seed catalogue through the catalogue's own use cases: each item is drafted, filled in, submitted by a
 * center administrator and approved by a (different) center reviewer, so it is published exactly as an
 * administrator would publish it. Idempotent: items already published are left alone.
 *
 *   node services/catalogue/dist/seed/run-seed.js
 */
const seedPrincipal = (tenant: string, roles: Role[], username: string): Principal => ({
  kind: 'user',
  subject: `system:${username}`,
  username,
  tenant,
  roles,
  clientId: 'catalogue-seed',
});

export async function publishSeedItem(catalogue: ReturnType<typeof composeCatalogue>, seed: SeedItem) {
  const admin = seedPrincipal(seed.tenant, ['center_admin'], 'catalogue-seed-admin');
  const reviewer = seedPrincipal(seed.tenant, ['reviewer'], 'catalogue-seed-reviewer');
  const uc = catalogue.items;
  let item = await uc.createDraftItem(
    {
      idempotencyKey: `seed-${seed.tenant}-${seed.basicCode}`,
      tenant: seed.tenant,
      name: seed.name,
      basicCode: seed.basicCode,
      kind: seed.kind,
      handlingCategory: seed.handlingCategory,
      department: seed.department,
    },
    admin,
  );
  if (item.status === 'draft') {
    item = await uc.updateDraftItem(
      {
        id: item.id,
        expectedVersion: item.version,
        name: seed.name,
        basicCode: seed.basicCode,
        kind: seed.kind,
        handlingCategory: seed.handlingCategory,
        department: seed.department,
        content: seed.content,
      },
      admin,
    );
    item = await uc.submitItem({ id: item.id, expectedVersion: item.version }, admin);
  }
  if (item.status === 'submitted') {
    item = await uc.reviewItem({ id: item.id, expectedVersion: item.version, approve: true, comments: '' }, reviewer);
  }
  return item;
}

async function main() {
  const logger = createLogger('catalogue-seed', process.env.LOG_LEVEL ?? 'warn');
  const connection = await connectMongo(config.MONGODB_URI, config.MONGODB_DB);
  try {
    const catalogue = composeCatalogue({ connection, logger, hostedTenants: [], liveIndex: false });
    await ensureIndexes(catalogue.models);
    let published = 0;
    for (const seed of SEED_ITEMS) {
      const item = await publishSeedItem(catalogue, seed);
      if (item.status === 'published') published += 1;
    }
    const departments = new Set(SEED_ITEMS.map((s) => s.department)).size;
    process.stdout.write(`catalogue seed: ${published} published items across ${departments} departments\n`);
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    const detail = isDomainError(err) ? `${err.code}: ${err.message}` : err;
    process.stderr.write(`catalogue seed failed: ${detail instanceof Error ? detail.stack : String(detail)}\n`);
    if (isDomainError(err) && 'violations' in err) process.stderr.write(`${JSON.stringify(err.violations, null, 2)}\n`);
    process.exit(1);
  });
}
