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
  // Where each channel takes refund instructions (docs/bank-protocol.md): "<channel>=<https URL>,…".
  BANK_REFUND_URLS: z.string().default(''),
  // The platform's Ed25519 private key signing refund instructions (base64 of the PKCS#8 DER; a Secret), and the
  // key id the banks know its public half by. Without them no refund can be paid back (approvals wait).
  PLATFORM_SIGNING_KEY: z.string().default(''),
  PLATFORM_KID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,64}$/)
    .default(''),
  // How often the approved refunds the bank has not confirmed are looked at, and how long before one is sent again.
  REFUND_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  REFUND_RESEND_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  // How many natural days a notice runs after its issue (缴款期限).
  NOTICE_DEADLINE_DAYS: z.coerce.number().int().min(1).max(90).default(15),
});
