import { common, loadConfig, z } from '@govhall/config';
import { DEMO_PASSWORD } from './demo-people.seed';
import { runIdentitySeed } from './identity-seed';
import { PasswordLogins } from '@govhall/auth';
import { failureReport } from '@govhall/grpc';
import { grpcIdentitySeedApi } from './seed-api';

/**
 * Loads the demo and test data through the RUNNING identity service's gRPC API, as real Keycloak logins: the
 * realm file's bootstrap logins create the tenants, departments and staff (identity creates the staff's logins),
 * each tenant's seeded `<prefix>-admin` opens its windows, the demo applicants register themselves, and the
 * holder registers the legal person and authorises the agent. It never opens identity's database. Idempotent.
 *
 *   IDENTITY_GRPC_ADDR=127.0.0.1:50050 KEYCLOAK_URL=http://127.0.0.1:8080 \
 *     node services/identity/dist/seed/run-seed.js [--only tenancy]
 */
async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'tenancy') throw new Error(`--only ${only}: only "tenancy" is supported`);
  const config = loadConfig('identity-seed', {
    IDENTITY_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50050'),
    KEYCLOAK_URL: common.url,
    KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  });
  const api = grpcIdentitySeedApi({
    address: config.IDENTITY_GRPC_ADDR,
    logins: new PasswordLogins({
      keycloakUrl: config.KEYCLOAK_URL.replace(/\/+$/, ''),
      realm: config.KEYCLOAK_REALM,
      password: DEMO_PASSWORD,
    }),
  });
  try {
    const lines = await runIdentitySeed(api, only === 'tenancy' ? { only } : {});
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    api.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const hint = message.startsWith('login of ')
    ? '\n(a seeded login that Keycloak refuses although identity keeps its record: the realm was re-imported. ' +
      'scripts/run.sh drops the govhall_identity dev database before the services start in that case.)'
    : '';
  process.stderr.write(failureReport('identity seed', err, hint));
  process.exit(1);
});
