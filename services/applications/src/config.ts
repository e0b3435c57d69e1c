import { common, loadConfig, z } from '@govhall/config';

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
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
});
