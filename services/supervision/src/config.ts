import { common, loadConfig, z } from '@govhall/config';
import { notifyEnv } from '@govhall/notify';

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
  // Automatic violation detection: its own group on the case stream; empty: `<KAFKA_GROUP_ID>-violations` (ADR 0037).
  VIOLATIONS_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default(''),
  // Consumer retries and dead letters (docs/adr/0016-consumer-retries-and-dead-letters.md).
  // Prepended to every topic supervision reads and writes (benchmarks replay on topics of their own; empty: the
  // real names).
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default(''),
  KAFKA_DEAD_LETTER_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('govhall.supervision.dlq'),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  KAFKA_FETCH_WAIT_MS: common.fetchWaitMs,
  CONSUMER_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  CONSUMER_RETRY_MAX_BACKOFF_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  // Longer than any redelivery: the topics keep messages 7 days.
  INBOX_RETENTION_DAYS: z.coerce.number().int().min(8).max(3650).default(30),
  // Clocks and signals (issue 12): their own consumer group, so a new group over an empty database rebuilds them;
  // empty: `<KAFKA_GROUP_ID>-clocks` (two supervision processes with different journal groups never share it).
  KAFKA_CLOCKS_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default(''),
  // Legs and external cases (ADR 0052): a group of its own on govhall.joint-review.{review,escalation,
  // delegated-case,external-case}; empty:
  // `<KAFKA_GROUP_ID>-legs` (a new group over an empty database rebuilds the legs' clocks; an existing group reads a
  // topic it did not read before from its beginning).
  JOINT_REVIEW_LEGS_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default(''),
  // The timer over open clocks: signals raised and cleared as days pass with no event.
  // Signals messaged to people (ADR 0045): a group of its own on govhall.supervision.signal; empty:
  // `<KAFKA_GROUP_ID>-messages`.
  SIGNAL_MESSAGES_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default(''),
  // The supervision office's mailbox (派驻监察室, S16) told of signals by e-mail; empty: no e-mail (staff get site
  // messages: identity publishes no staff e-mail addresses).
  SIGNAL_EMAIL_TO: z.union([z.literal(''), z.string().email()]).default(''),
  // The lowest level the office is mailed.
  SIGNAL_EMAIL_MIN_LEVEL: z.enum(['warning', 'yellow', 'red']).default('red'),
  ...notifyEnv,
  // Inspection photos are deleted this many days after their upload (a day at a time, hourly).
  INSPECTION_PHOTO_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(1095),
  CLOCK_REFRESH_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  // The KPI projection: how often the days marked by new facts are recounted (reads recount first anyway).
  KPI_REFRESH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  // TEST ONLY: supervision's "now" is the instant written in this file (@govhall/clock); unset in deployments.
  CLOCK_FILE: z.string().default(''),
  LOG_LEVEL: common.logLevel,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
});
