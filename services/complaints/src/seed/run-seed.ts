import { PasswordLogins } from '@govhall/auth';
import { common, loadConfig, z } from '@govhall/config';
import { failureReport } from '@govhall/grpc';
import {
  describeAccounts,
  ensureCenterAccounts,
  grpcCenterAccountApi,
  writeServiceAccountsFile,
} from '@govhall/seed-kit';
import { COMPLAINTS_CENTER_ACCOUNTS } from './center-accounts';

/**
 * The local demo's complaints service: its center account of 620321 (ADR 0053), made through identity's
 * CreateServiceAccount as yc-admin (never a database); the SERVICE_ACCOUNTS value goes to SEED_ACCOUNTS_FILE (mode
 * 600) for deploy/services.sh to start complaints with. Idempotent; prints client ids only, never a secret.
 *
 *   IDENTITY_GRPC_ADDR=127.0.0.1:50050 KEYCLOAK_URL=http://127.0.0.1:8080 SEED_ACCOUNTS_FILE=.stack/complaints-accounts \
 *     node services/complaints/dist/seed/run-seed.js
 */
async function main() {
  const config = loadConfig('complaints-seed', {
    IDENTITY_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50050'),
    KEYCLOAK_URL: common.url,
    KEYCLOAK_REALM: z.string().min(1).default('govhall'),
    /** Password of the acting center administrator (the realm file's yc-admin: Demo@2026). */
    SEED_PASSWORD: z.string().min(1).default('Demo@2026'),
    /** Where the SERVICE_ACCOUNTS value goes (a secret: written with mode 600). */
    SEED_ACCOUNTS_FILE: z.string().min(1),
  });
  const identity = grpcCenterAccountApi({
    address: config.IDENTITY_GRPC_ADDR,
    logins: new PasswordLogins({
      keycloakUrl: config.KEYCLOAK_URL.replace(/\/+$/, ''),
      realm: config.KEYCLOAK_REALM,
      password: config.SEED_PASSWORD,
    }),
  });
  try {
    const accounts = await ensureCenterAccounts(identity, COMPLAINTS_CENTER_ACCOUNTS);
    writeServiceAccountsFile(config.SEED_ACCOUNTS_FILE, accounts);
    process.stdout.write(
      `${describeAccounts('complaints seed', accounts)} (SERVICE_ACCOUNTS in ${config.SEED_ACCOUNTS_FILE})\n`,
    );
  } finally {
    identity.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(failureReport('complaints seed', err, ''));
  process.exit(1);
});
