import { common, loadConfig, z } from '@govhall/config';

export const config = loadConfig('supervision', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(50057),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_supervision'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  KAFKA_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('supervision-journal'),
  LOG_LEVEL: common.logLevel,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
});
