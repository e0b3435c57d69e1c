import { JOINT_REVIEW_CLOCK_TOPICS } from '../src/adapters/kafka/joint-review-legs.consumer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { identityV1, supervisionV1 } from '@govhall/proto';
import {
  bearer,
  freePort,
  waitFor,
  stack,
  startEventReader,
  startGroupAtTopicEnd,
  startIdentity,
  startProcess,
  uniqueSuffix,
  userToken,
  type EventReader,
  type IdentityUnderTest,
  type RunningProcess,
} from '@govhall/testing';
import { CLOCK_TOPICS } from '../src/adapters/kafka/clocks.consumer';
import { WATCHED_TOPICS } from '../src/adapters/kafka/journal.consumer';

export const ORDER_TOPIC = 'govhall.supervision.order';
export const SIGNAL_TOPIC = 'govhall.supervision.signal';
const PASSWORD = 'Order2026x';

export type Staff = 'supervisor' | 'sibling' | 'city' | 'clerk' | 'head';
type Client = 'orders' | 'clocks' | 'imports' | 'violations' | 'messages';

/**
 * Identity (fresh database, the seeded tenant tree) with staff of this run, and supervision as its own process on a
 * fresh database whose clock groups start where the shared topics end now (so its directory learns exactly this
 * run's staff), its time taken from a file the test writes (CLOCK_FILE), a reader of the order and signal topics
 * and gRPC clients of OrderService and SupervisionService with per-user tokens.
 */
export interface OrderWorld {
  identity: IdentityUnderTest;
  supervision: RunningProcess;
  events: EventReader;
  orders: supervisionV1.OrderServiceClient;
  clocks: supervisionV1.SupervisionServiceClient;
  imports: supervisionV1.HistoricalImportServiceClient;
  violations: supervisionV1.ViolationServiceClient;
  messages: supervisionV1.StaffMessageServiceClient;
  /** Supervision's gRPC address. */
  address: string;
  usernames: Record<Staff, string>;
  token(who: Staff): Promise<string>;
  call<Req, Res>(client: Client, method: string, req: Req, who?: Staff): Promise<Res>;
  /** Supervision's "now": noon in China of `day`. */
  setDay(day: string): void;
  stop(): Promise<void>;
}

export async function startOrderWorld(extraEnv: Record<string, string> = {}): Promise<OrderWorld> {
  const suffix = uniqueSuffix();
  const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'govhall-orders-clock-')), 'now');
  writeFileSync(clockFile, '');
  const journalGroup = `supervision-orders-${suffix}`;
  const clocksGroup = `supervision-orders-clocks-${suffix}`;
  // Creates the order topic if the running broker predates it (topics.txt is read when Kafka starts); before the
  // groups are placed at the topics' end.
  const events = await startEventReader([
    { topic: ORDER_TOPIC, partitions: 3 },
    { topic: SIGNAL_TOPIC, partitions: 3 },
  ]);
  await startGroupAtTopicEnd(journalGroup, [...WATCHED_TOPICS]);
  await startGroupAtTopicEnd(clocksGroup, [...CLOCK_TOPICS]);
  await startGroupAtTopicEnd(`${journalGroup}-legs`, [...JOINT_REVIEW_CLOCK_TOPICS]);
  // The signal messages' group (`<journal group>-messages`) reads this run's signals only.
  await startGroupAtTopicEnd(`${journalGroup}-messages`, [SIGNAL_TOPIC]);
  const identity = await startIdentity();
  const short = suffix.slice(-6);
  const usernames: Record<Staff, string> = {
    supervisor: `od${short}-sup`,
    sibling: `od${short}-sib`,
    city: `od${short}-city`,
    clerk: `od${short}-clerk`,
    head: `od${short}-head`,
  };
  const staff: [Staff, string, string, string, string][] = [
    ['supervisor', '620321', '', 'supervisor', 'yc-admin'],
    ['sibling', '620302', '', 'supervisor', 'jc-admin'],
    ['city', '620300', '', 'supervisor', 'jc-city-admin'],
    ['clerk', '620321', '620321-SCJG', 'window_clerk', 'yc-admin'],
    ['head', '620321', '620321-SCJG', 'department_head', 'yc-admin'],
  ];
  for (const [key, tenant, department, role, admin] of staff) {
    await callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
      identity.client.createStaff.bind(identity.client),
      {
        tenant,
        department,
        username: usernames[key],
        displayName: '督办测试人员',
        phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        roles: [role],
        initialPassword: PASSWORD,
        permanentPassword: true,
      },
      bearer(await userToken(admin)),
    );
  }
  const port = await freePort();
  const supervision = await startProcess({
    name: 'supervision-orders',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: `govhall_supervision_o${suffix}`,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_GROUP_ID: journalGroup,
      KAFKA_CLOCKS_GROUP_ID: clocksGroup,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(await freePort()),
      CLOCK_FILE: clockFile,
      CLOCK_REFRESH_INTERVAL_MS: '1000',
      OUTBOX_POLL_MS: '100',
      ...extraEnv,
    },
    readyPort: port,
  });
  const address = `127.0.0.1:${port}`;
  const orders = createGrpcClient(supervisionV1.OrderServiceClient, address, {
    serviceName: 'govhall.supervision.v1.OrderService',
    idempotentMethods: ['GetOrder', 'ListOrders'],
  });
  const clocks = createGrpcClient(supervisionV1.SupervisionServiceClient, address, {
    serviceName: 'govhall.supervision.v1.SupervisionService',
    idempotentMethods: ['GetMatterClock', 'ListClocks', 'ListSignals'],
  });
  const imports = createGrpcClient(supervisionV1.HistoricalImportServiceClient, address, {
    serviceName: 'govhall.supervision.v1.HistoricalImportService',
    idempotentMethods: ['ImportHistoricalCases'],
  });
  const violations = createGrpcClient(supervisionV1.ViolationServiceClient, address, {
    serviceName: 'govhall.supervision.v1.ViolationService',
    idempotentMethods: ['ListViolations'],
  });
  const messages = createGrpcClient(supervisionV1.StaffMessageServiceClient, address, {
    serviceName: 'govhall.supervision.v1.StaffMessageService',
    idempotentMethods: ['ListMyMessages'],
  });
  const tokens = new Map<Staff, string>();
  const token = async (who: Staff) => {
    if (!tokens.has(who)) tokens.set(who, await userToken(usernames[who], { password: PASSWORD }));
    return tokens.get(who)!;
  };
  const clients = { orders, clocks, imports, violations, messages } as Record<Client, any>;
  writeFileSync(clockFile, '2026-03-12T04:00:00.000Z');
  await directoryKnowsStaff(orders, clocks, usernames, token);
  return {
    identity,
    supervision,
    events,
    orders,
    clocks,
    imports,
    violations,
    messages,
    address,
    usernames,
    token,
    call: async <Req, Res>(client: Client, method: string, req: Req, who?: Staff) =>
      callUnary<Req, Res>(clients[client][method].bind(clients[client]), req, {
        authorization: who ? `Bearer ${await token(who)}` : undefined,
      }),
    setDay: (day: string) => writeFileSync(clockFile, `${day}T04:00:00.000Z`),
    async stop() {
      for (const c of [orders, clocks, imports, violations, messages]) c.close();
      await events.stop();
      await supervision.stop();
      await identity.stop();
    },
  };
}

/**
 * Waits until supervision's directory has learned this run's staff from identity's events (a signal's recipients are
 * resolved when it is raised): probe orders with one working day (预警 at once) until a probe's 预警 names the
 * department's head and the tenant's supervisor.
 */
async function directoryKnowsStaff(
  orders: supervisionV1.OrderServiceClient,
  clocks: supervisionV1.SupervisionServiceClient,
  usernames: Record<Staff, string>,
  token: (who: Staff) => Promise<string>,
): Promise<void> {
  const auth = async () => ({ authorization: `Bearer ${await token('supervisor')}` });
  let probe = 0;
  await waitFor(
    async () => {
      probe += 1;
      const issued = await callUnary<supervisionV1.IssueOrderRequest, supervisionV1.IssueOrderResponse>(
        orders.issueOrder.bind(orders),
        supervisionV1.IssueOrderRequest.fromPartial({
          tenant: '620321',
          targetKind: supervisionV1.OrderTargetKind.ORDER_TARGET_KIND_DEPARTMENT,
          targetId: '620321-SCJG',
          subject: '测试准备：确认通知对象',
          requirement: '无需办理。',
          deadlineWorkingDays: 1,
          responsibleDepartment: '620321-SCJG',
          responsiblePerson: usernames.clerk,
          requestId: `probe-${probe}-${usernames.clerk}`,
        }),
        await auth(),
      );
      const { signals } = await callUnary<supervisionV1.ListSignalsRequest, supervisionV1.ListSignalsResponse>(
        clocks.listSignals.bind(clocks),
        supervisionV1.ListSignalsRequest.fromPartial({ tenant: '620321', matterId: issued.order!.id }),
        await auth(),
      );
      const told = signals[0]?.notified ?? [];
      return told.includes(`department_head:${usernames.head}`) && told.includes(`supervisor:${usernames.supervisor}`);
    },
    { what: "supervision's directory to know this run's staff", timeoutMs: 60_000, intervalMs: 1_000 },
  );
}
