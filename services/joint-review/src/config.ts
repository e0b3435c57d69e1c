import { common, loadConfig, z } from '@govhall/config';

export const config = loadConfig('joint-review', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(50054),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_joint_review'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  CATALOGUE_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50051'),
  IDENTITY_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50050'),
  APPLICATIONS_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50053'),
  // The service's own accounts, one per hosted tenant (ADR 0052): "<tenant>=<client id>:<secret>,…". The cases
  // service takes a conclusion only from an account of the case's tenant; identity answers who is on duty to it.
  SERVICE_ACCOUNTS: z.string().default(''),
  // The case stream's consumer group (joint cases handed over, cases ended), dead letters, retries (ADR 0016).
  CASE_STREAM_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('joint-review-cases'),
  KAFKA_DEAD_LETTER_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('govhall.joint-review.dlq'),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  KAFKA_FETCH_WAIT_MS: common.fetchWaitMs,
  // How often conclusions the cases service has not accepted yet are reported again.
  REPORT_RETRY_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  // Department systems' change streams (WatchTasks): how often a stream looks for new changes, and the heartbeat.
  WATCH_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  WATCH_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  // Escalation (上报件, ADR 0055): parent centers hosted by another deployment, reached over gRPC with a service
  // account of the parent tenant: "<parent tenant>=<host:port>|<keycloak url>|<realm>|<client id>:<secret>",
  // comma-separated. Parents hosted here (GOVHALL_TENANTS) need no entry.
  PARENT_CENTERS: z.string().default(''),
  // How often the transfer, the parent's updates and the outcome reports run (they also run right after a write).
  ESCALATION_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
});
