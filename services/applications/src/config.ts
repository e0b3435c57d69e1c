import { common, loadConfig, z } from '@govhall/config';
import { notifyEnv } from '@govhall/notify';

export const config = loadConfig('applications', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(50053),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_applications'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  CATALOGUE_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50051'),
  IDENTITY_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50050'),
  // This service's Keycloak client (client credentials) for identity's GetWindowResponsible; empty = not asked.
  SERVICE_CLIENT_ID: z.string().default(''),
  SERVICE_CLIENT_SECRET: z.string().default(''),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  // The notifier: its consumer group on the service's own case stream, dead letters, retries (ADR 0016).
  NOTIFIER_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('applications-notifier'),
  // The consumer of the payments service's notices (收缴分离): its own group on govhall.payments.notice.
  PAYMENTS_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('applications-payments'),
  KAFKA_DEAD_LETTER_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('govhall.applications.dlq'),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  KAFKA_FETCH_WAIT_MS: common.fetchWaitMs,
  ...notifyEnv,
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  // How often the deemed-acceptance timer (law §32) looks for overdue online cases.
  // How long applicants' in-site notifications are kept (read or not); the case record keeps everything.
  NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  DEEMED_ACCEPTANCE_SWEEP_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  // TEST ONLY: a file holding the service's current instant (ISO-8601); unset in every real deployment.
  CLOCK_FILE: z.string().default(''),
});
