import { common, loadConfig, z } from '@govhall/config';

export const config = loadConfig('payments', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(50055),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_payments'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  // A file holding the current time for tests and demos (@govhall/clock); empty: the system clock.
  CLOCK_FILE: z.string().default(''),
  APPLICATIONS_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50053'),
  CATALOGUE_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50051'),
  // The service's center accounts, one per hosted tenant (ADR 0053), "<tenant>=<client id>:<secret>,…": the case
  // (its applicant, form data and item edition) is read with them when a department assesses its fees.
  SERVICE_ACCOUNTS: z.string().default(''),
  // The banks' public keys (docs/bank-protocol.md): "<channel>=<kid>:<base64 SPKI Ed25519>,…". A channel may be
  // listed once per key (rotation). Without an entry no bank message is accepted.
  BANK_CHANNELS: z.string().default(''),
  // The collecting body of each tenant (unified collection, P9), on the notice: "<tenant>=<name>|<code>,…". A tenant
  // without an entry collects as "<tenant> 政务服务中心" with its region code.
  COLLECTING_BODIES: z.string().default(''),
  // How many natural days a notice runs after its issue (缴款期限).
  NOTICE_DEADLINE_DAYS: z.coerce.number().int().min(1).max(90).default(15),
});
