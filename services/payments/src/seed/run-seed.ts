import { PasswordLogins } from '@govhall/auth';
import { common, loadConfig, z } from '@govhall/config';
import { failureReport } from '@govhall/grpc';
import {
  describeAccounts,
  ensureCenterAccounts,
  grpcCenterAccountApi,
  writeServiceAccountsFile,
} from '@govhall/seed-kit';
import { PAYMENTS_CENTER_ACCOUNTS } from './center-accounts';
import {
  DEMO_FEE_ITEMS,
  DEMO_REGISTER_ADMIN,
  DEMO_REGISTER_TENANT,
  describeFeeRegister,
  ensureFeeRegister,
} from './fee-register';
import { grpcPaymentsSeedApi } from './seed-api';

/**
 * The local demo's payments, through the RUNNING services' gRPC APIs as 永昌县's center administrator (yc-admin),
 * never through a database:
 * - the payments service's center account of 620321 (ADR 0053), made through identity's CreateServiceAccount; its
 *   SERVICE_ACCOUNTS value goes to SEED_ACCOUNTS_FILE (mode 600) for deploy/services.sh to start payments with;
 * - 620321's fee register (PutFeeItem): the entries the seed catalogue's 存量房转移登记一件事 charges (src/seed/
 *   fee-register.ts).
 * Idempotent: a repeat finds the same account and its current secret, and leaves an entry that is the same alone.
 * Prints client ids and fee codes only, never a secret.
 *
 *   IDENTITY_GRPC_ADDR=127.0.0.1:50050 PAYMENTS_GRPC_ADDR=127.0.0.1:50055 KEYCLOAK_URL=http://127.0.0.1:8080 \
 *     SEED_ACCOUNTS_FILE=.stack/payments-accounts node services/payments/dist/seed/run-seed.js
 */
async function main() {
  const config = loadConfig('payments-seed', {
    IDENTITY_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50050'),
    PAYMENTS_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50055'),
    KEYCLOAK_URL: common.url,
    KEYCLOAK_REALM: z.string().min(1).default('govhall'),
    /** Password of the acting center administrator (the realm file's yc-admin: Demo@2026). */
    SEED_PASSWORD: z.string().min(1).default('Demo@2026'),
    /** Where the SERVICE_ACCOUNTS value goes (a secret: written with mode 600). */
    SEED_ACCOUNTS_FILE: z.string().min(1),
  });
  const logins = new PasswordLogins({
    keycloakUrl: config.KEYCLOAK_URL.replace(/\/+$/, ''),
    realm: config.KEYCLOAK_REALM,
    password: config.SEED_PASSWORD,
  });
  const identity = grpcCenterAccountApi({ address: config.IDENTITY_GRPC_ADDR, logins });
  const payments = grpcPaymentsSeedApi({ address: config.PAYMENTS_GRPC_ADDR, logins });
  try {
    const accounts = await ensureCenterAccounts(identity, PAYMENTS_CENTER_ACCOUNTS);
    writeServiceAccountsFile(config.SEED_ACCOUNTS_FILE, accounts);
    process.stdout.write(
      `${describeAccounts('payments seed', accounts)} (SERVICE_ACCOUNTS in ${config.SEED_ACCOUNTS_FILE})\n`,
    );
    const outcomes = await ensureFeeRegister(payments, DEMO_REGISTER_ADMIN, DEMO_FEE_ITEMS);
    process.stdout.write(`${describeFeeRegister(DEMO_REGISTER_TENANT, outcomes)}\n`);
  } finally {
    identity.close();
    payments.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const hint = message.startsWith('login of ')
    ? '\n(the seed acts as the realm file’s center administrator yc-admin: is Keycloak up with the govhall realm?)'
    : '';
  process.stderr.write(failureReport('payments seed', err, hint));
  process.exit(1);
});
