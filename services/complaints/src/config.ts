import { common, loadConfig, z } from '@govhall/config';
import { notifyEnv } from '@govhall/notify';

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
  // A file holding the current time for tests and demos (@govhall/clock); empty: the system clock.
  CLOCK_FILE: z.string().default(''),
  APPLICATIONS_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50053'),
  // Identity: the window a clerk invites a rating at, and who serves it today (ADR 0063).
  IDENTITY_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50050'),
  // The service's center accounts, one per hosted tenant (ADR 0053), "<tenant>=<client id>:<secret>,…": a case's
  // applicant is read with the account of the case's tenant.
  SERVICE_ACCOUNTS: z.string().default(''),
  // The case stream's consumer group (who served a case, when it was completed), dead letters, retries (ADR 0016).
  CASE_STREAM_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('complaints-cases'),
  KAFKA_DEAD_LETTER_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('govhall.complaints.dlq'),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  KAFKA_FETCH_WAIT_MS: common.fetchWaitMs,
  // Natural days after completion a case nobody rated gets its default rating (基本满意), and how often the sweep looks.
  DEFAULT_RATING_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  DEFAULT_RATING_SWEEP_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  // How long a window's rating invitation stays open (一次一评, ADR 0063), and how often a watching device's window is
  // looked at again (an invitation made through another replica arrives within this).
  INVITATION_TTL_MS: z.coerce.number().int().min(10_000).max(3_600_000).default(300_000),
  INVITATION_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  // How often watched live sessions and consoles' queues are looked at again (在线咨询, ADR 0069): a message posted
  // through another replica reaches a watcher within this.
  LIVE_SESSION_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  // The catalogue: each tenant's working calendar, for a rectification's deadline (ADR 0065).
  CATALOGUE_GRPC_ADDR: z.string().min(1).default('127.0.0.1:50051'),
  // Working days a bad rating's rectification has (差评整改, domain.md: 15), and how often the rectifications' sweep
  // looks (open what a crash left unopened, report overdue ones, finish upheld appeals).
  RECTIFICATION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  RECTIFICATION_SWEEP_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  // Complaints (投诉和举报, domain.md): working days to accept one and to answer an accepted one, and how often the
  // complaints' sweep looks for those past their day (reported to supervision once each).
  ACCEPT_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(1),
  REPLY_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  COMPLAINT_SWEEP_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  // The legal-affairs window's department (法制办: law-enforcement complaints and 行政复议, C15, C16), by its
  // abbreviation: "<tenant>-<abbreviation>" in each tenant (司法局 by default).
  LEGAL_AFFAIRS_ABBREVIATION: z
    .string()
    .regex(/^[A-Z0-9]{2,10}$/)
    .default('SFJ'),
  // The complainant is told of a refusal or an answer by e-mail and SMS (@govhall/notify, its ledger in this database):
  // the consumer group reading the service's own complaint stream for it.
  COMPLAINT_NOTIFIER_GROUP_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('complaints-notifier'),
  ...notifyEnv,
});
