import { common, loadConfig, z } from '@govhall/config';
import { SEED_ITEMS } from './items.seed';
import { runCatalogueSeed } from './publish-seed-item';
import { PasswordLogins } from '@govhall/auth';
import { failureReport } from '@govhall/grpc';
import { grpcCatalogueSeedApi } from './seed-api';
import { parseLoginArgs, seedLogins } from './seed-logins';

/**
 * Publishes the seed catalogue through the RUNNING catalogue's gRPC API, as real Keycloak logins: each item is
 * drafted, filled in and submitted by a center administrator of its tenant and approved by a different person
 * with the reviewer role there (by default identity's seeded `<prefix>-admin` and `<prefix>-reviewer`, so
 * identity's seed runs first). The running catalogue indexes each publication for search at once. It never opens
 * the catalogue's database. Idempotent (fixed idempotency keys): published items are left alone.
 *
 *   CATALOGUE_GRPC_ADDR=127.0.0.1:50051 KEYCLOAK_URL=http://127.0.0.1:8080 \
 *     node services/catalogue/dist/seed/run-seed.js [--admin <tenant>=<username>] [--reviewer <tenant>=<username>]
 */
async function main() {
  const overrides = parseLoginArgs(process.argv.slice(2));
  const config = loadConfig('catalogue-seed', {
    CATALOGUE_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50051'),
    KEYCLOAK_URL: common.url,
    KEYCLOAK_REALM: z.string().min(1).default('govhall'),
    /** Password of the acting logins (identity's seeded staff and the realm's test logins: Demo@2026). */
    SEED_PASSWORD: z.string().min(1).default('Demo@2026'),
  });
  const api = grpcCatalogueSeedApi({
    address: config.CATALOGUE_GRPC_ADDR,
    logins: new PasswordLogins({
      keycloakUrl: config.KEYCLOAK_URL.replace(/\/+$/, ''),
      realm: config.KEYCLOAK_REALM,
      password: config.SEED_PASSWORD,
    }),
  });
  try {
    process.stdout.write(`${await runCatalogueSeed(api, seedLogins(overrides), SEED_ITEMS)}\n`);
  } finally {
    api.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const hint = message.startsWith('login of ')
    ? '\n(the seed acts as identity’s seeded staff by default: run the identity seed first, or name the logins ' +
      'with --admin <tenant>=<username> --reviewer <tenant>=<username>)'
    : '';
  process.stderr.write(failureReport('catalogue seed', err, hint));
  process.exit(1);
});
