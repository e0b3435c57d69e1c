import { common, loadConfig, z } from '@govhall/config';

export const config = loadConfig('catalogue', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(50051),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_catalogue'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /** How often the search index compares itself with the published items in the database (other replicas). */
  SEARCH_REFRESH_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  /** Identity's gRPC address: the guide's tenant, department and service-center names come from it. */
  IDENTITY_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50050'),
  /** How long (ms) the names identity gave are used before it is asked again. */
  DIRECTORY_CACHE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
});
