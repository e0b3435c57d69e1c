import { common, loadConfig, z } from '@govhall/config';

export const config = loadConfig('complaints', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(50056),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_complaints'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
});
