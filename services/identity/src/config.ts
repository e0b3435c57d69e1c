import { common, loadConfig, z } from '@govhall/config';

export const config = loadConfig('identity', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(50050),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_identity'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /** Confidential client with realm-management roles that identity uses to manage users and clients. */
  KEYCLOAK_ADMIN_CLIENT_ID: z.string().min(1).default('govhall-identity'),
  KEYCLOAK_ADMIN_CLIENT_SECRET: z.string().min(1),
  /** How often the saga reconciler looks for records left provisioning, and how old they must be. */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(15_000),
  RECONCILE_AFTER_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** The catalogue's gRPC address: the items an agent grant names must be published items of the tenant. */
  CATALOGUE_GRPC_ADDR: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:50051'),
});

/** How identity reaches Keycloak's admin API: its own confidential client. */
export const keycloakAdmin = {
  url: config.KEYCLOAK_URL,
  realm: config.KEYCLOAK_REALM,
  clientId: config.KEYCLOAK_ADMIN_CLIENT_ID,
  clientSecret: config.KEYCLOAK_ADMIN_CLIENT_SECRET,
};
