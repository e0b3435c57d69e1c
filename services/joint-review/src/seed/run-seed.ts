import { PasswordLogins } from '@govhall/auth';
import { common, loadConfig, z } from '@govhall/config';
import { describeAccounts, ensureCenterAccounts, writeServiceAccountsFile } from '@govhall/seed-kit';
import { DEMO_CENTER_ACCOUNTS } from './center-accounts';
import { DEMO_CO_DEPARTMENT_WINDOWS, ensureCoDepartmentWindow } from './co-department-window';
import { grpcIdentitySeedApi } from './seed-api';

/**
 * The local demo's joint review, through the RUNNING identity service's gRPC API as the tenant's center
 * administrator (yc-admin), never through a database: the joint-review service's center account of each demo tenant
 * (ADR 0053), whose SERVICE_ACCOUNTS value goes to SEED_ACCOUNTS_FILE (mode 600) for deploy/services.sh to start
 * joint-review with; and the co-department window of 开办宾馆一件事 (永昌县卫生健康局, two window clerks), so its
 * task has a window lead to answer it. Idempotent: a repeat finds the same account and its current secret, the same
 * staff and the window. Prints client ids and usernames only, never a secret.
 *
 *   IDENTITY_GRPC_ADDR=127.0.0.1:50050 KEYCLOAK_URL=http://127.0.0.1:8080 SEED_ACCOUNTS_FILE=.stack/joint-review-accounts \
 *     node services/joint-review/dist/seed/run-seed.js
 */
async function main() {
  const config = loadConfig('joint-review-seed', {
    IDENTITY_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50050'),
    KEYCLOAK_URL: common.url,
    KEYCLOAK_REALM: z.string().min(1).default('govhall'),
    /** Password of the acting center administrators (the realm file's test logins) and of the clerks made: Demo@2026. */
    SEED_PASSWORD: z.string().min(1).default('Demo@2026'),
    /** Where the SERVICE_ACCOUNTS value goes (a secret: written with mode 600). */
    SEED_ACCOUNTS_FILE: z.string().min(1),
  });
  const api = grpcIdentitySeedApi({
    address: config.IDENTITY_GRPC_ADDR,
    logins: new PasswordLogins({
      keycloakUrl: config.KEYCLOAK_URL.replace(/\/+$/, ''),
      realm: config.KEYCLOAK_REALM,
      password: config.SEED_PASSWORD,
    }),
  });
  try {
    const accounts = await ensureCenterAccounts(api, DEMO_CENTER_ACCOUNTS);
    const file = config.SEED_ACCOUNTS_FILE;
    writeServiceAccountsFile(file, accounts);
    process.stdout.write(`${describeAccounts('joint-review seed', accounts)} (SERVICE_ACCOUNTS in ${file})\n`);
    for (const spec of DEMO_CO_DEPARTMENT_WINDOWS) {
      const clerks = await ensureCoDepartmentWindow(api, config.SEED_PASSWORD, spec);
      process.stdout.write(
        `joint-review seed: ${spec.department} window ${spec.number} ${clerks.created ? 'opened' : 'already open'}, ` +
          `A post ${clerks.aPost} (its window lead), B post ${clerks.bPost} (window_clerk, demo password)\n`,
      );
    }
  } finally {
    api.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const hint = message.startsWith('login of ')
    ? '\n(the seed acts as the realm file’s center administrators, e.g. yc-admin: is Keycloak up with the govhall realm?)'
    : '';
  process.stderr.write(`joint-review seed failed: ${message}${hint}\n`);
  process.exit(1);
});
