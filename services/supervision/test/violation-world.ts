import { JOINT_REVIEW_CLOCK_TOPICS } from '../src/adapters/kafka/joint-review-legs.consumer';
import { WATCHED_TOPICS } from '../src/adapters/kafka/journal.consumer';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import {
  freePort,
  stack,
  startEventReader,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  userToken,
  type EventReader,
  type RunningProcess,
} from '@govhall/testing';

export const VIOLATION_TOPIC = 'govhall.supervision.violation';
/** The payments service's notices (收缴分离): StaffMarkPaidRefused becomes a violation. */
export const PAYMENT_NOTICE_TOPIC = 'govhall.payments.notice';
/** The payments service's reconciliation: FEE_OUTSIDE_CENTER and SLIP_UNCONFIRMED mismatches become violations. */
export const RECONCILIATION_TOPIC = 'govhall.payments.reconciliation';
/** The complaints service's rectifications (差评整改): RectificationOverdue becomes a violation. */
export const RECTIFICATION_TOPIC = 'govhall.complaints.rectification';
/** Its complaints: ComplaintAcceptanceOverdue, ComplaintReplyOverdue and a justified ComplaintReplied become violations. */
export const COMPLAINT_TOPIC = 'govhall.complaints.complaint';
export const PASSWORD = 'Watch2026x';

/**
 * Supervision as its own process (fresh database, its own consumer groups started at the end of the shared topics),
 * a reader of the violation topic, and a gRPC client of ViolationService with per-user tokens.
 */
export interface SupervisionUnderTest {
  process: RunningProcess;
  /** Its database. */
  db: string;
  /** host:port of its gRPC server (every supervision service). */
  address: string;
  client: supervisionV1.ViolationServiceClient;
  events: EventReader;
  call<Req, Res>(method: keyof supervisionV1.ViolationServiceClient, req: Req, token?: string): Promise<Res>;
  /** EvaluationService on the same process (KPIs, public statistics, the monthly bulletin). */
  evaluate<Req, Res>(method: keyof supervisionV1.EvaluationServiceClient, req: Req, token?: string): Promise<Res>;
  stop(): Promise<void>;
}

/** The topics the clock consumer reads (`CLOCK_TOPICS` in src/adapters/kafka/clocks.consumer.ts). */
const CLOCK_TOPICS = [
  'govhall.applications.case',
  'govhall.catalogue.calendar',
  'govhall.identity.tenant',
  'govhall.identity.staff',
];

/**
 * `clocksAtTopicEnd`: the clock consumer's group starts at the topics' end too (otherwise it replays every case of
 * the shared topics' retention, every earlier run's included, before this run's).
 */
export async function startSupervision(options: { clocksAtTopicEnd?: boolean } = {}): Promise<SupervisionUnderTest> {
  const port = await freePort();
  const suffix = uniqueSuffix();
  const journalGroup = `supervision-vi-${suffix}`;
  // Creates the violation and notice topics if the running broker predates them (topics.txt is read when Kafka
  // starts).
  const events = await startEventReader([
    { topic: VIOLATION_TOPIC, partitions: 3 },
    { topic: PAYMENT_NOTICE_TOPIC, partitions: 3 },
    { topic: RECONCILIATION_TOPIC, partitions: 3 },
    { topic: RECTIFICATION_TOPIC, partitions: 3 },
    { topic: COMPLAINT_TOPIC, partitions: 3 },
  ]);
  // Only the journal's group is placed at the topics' end: the detection group (`<journal group>-violations`, never
  // committed) starts where the journal stands (ADR 0037), else it would read every earlier run's cases first.
  await startGroupAtTopicEnd(journalGroup, [...WATCHED_TOPICS]);
  if (options.clocksAtTopicEnd) await startGroupAtTopicEnd(`${journalGroup}-clocks`, CLOCK_TOPICS);
  await startGroupAtTopicEnd(`${journalGroup}-legs`, [...JOINT_REVIEW_CLOCK_TOPICS]);
  const db = `govhall_supervision_v${suffix}`;
  const process = await startProcess({
    name: 'supervision-violations',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: db,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_GROUP_ID: journalGroup,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(await freePort()),
    },
    readyPort: port,
  });
  const client = createGrpcClient(supervisionV1.ViolationServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.supervision.v1.ViolationService',
    idempotentMethods: ['ListViolations', 'GetViolation', 'ListInspections', 'ListAccountabilities'],
  });
  const evaluation = createGrpcClient(supervisionV1.EvaluationServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.supervision.v1.EvaluationService',
    idempotentMethods: ['ListKpis', 'GetPublicStatistics', 'RenderMonthlyBulletin'],
  });
  return {
    process,
    db,
    address: `127.0.0.1:${port}`,
    client,
    events,
    evaluate: <Req, Res>(method: keyof supervisionV1.EvaluationServiceClient, req: Req, token?: string) =>
      callUnary<Req, Res>((evaluation[method] as any).bind(evaluation), req, {
        authorization: token ? `Bearer ${token}` : undefined,
      }),
    call: <Req, Res>(method: keyof supervisionV1.ViolationServiceClient, req: Req, token?: string) =>
      callUnary<Req, Res>((client[method] as any).bind(client), req, {
        authorization: token ? `Bearer ${token}` : undefined,
      }),
    async stop() {
      client.close();
      evaluation.close();
      await events.stop();
      await process.stop();
    },
  };
}

/** Supervisors (电子监察人员) of a county, its sibling and their city, created by each tenant's center admin. */
export async function createSupervisors(
  api: (
    method: string,
    path: string,
    options: { token: string; body: unknown },
  ) => Promise<{ status: number; body: any }>,
): Promise<{
  county: () => Promise<string>;
  sibling: () => Promise<string>;
  city: () => Promise<string>;
  usernames: Record<string, string>;
}> {
  const suffix = uniqueSuffix().slice(-6);
  const usernames: Record<string, string> = {};
  for (const [key, tenant, admin] of [
    ['county', '620321', 'yc-admin'],
    ['sibling', '620302', 'jc-admin'],
    ['city', '620300', 'jc-city-admin'],
  ] as const) {
    const username = `sv${suffix}-${key}`;
    const created = await api('POST', '/identity/staff', {
      token: await userToken(admin),
      body: {
        tenant,
        username,
        displayName: '电子监察测试人员',
        phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        roles: ['supervisor'],
        initialPassword: PASSWORD,
        permanentPassword: true,
      },
    });
    if (created.status !== 201) throw new Error(`supervisor ${key}: ${created.status} ${JSON.stringify(created.body)}`);
    usernames[key] = username;
  }
  const token = (key: string) => () => userToken(usernames[key]!, { password: PASSWORD });
  return { county: token('county'), sibling: token('sibling'), city: token('city'), usernames };
}
