// The processes of the cases benchmark, all started by the harness on free ports against the local stack
// (PostgreSQL + FerretDB, Kafka, Keycloak, Mailpit), each on a scratch database dropped at the end, and what they
// need, set up through their own APIs as the integration tests do (nothing is written into a service's database):
// - identity (the seeded tenant tree; a window of 永昌县市场监督管理局 whose A post is the clerk; the clerk, a
//   reviewer, an approver and applicants created through its API, so they are real Keycloak logins);
// - the catalogue, with the seed's 食品经营许可 of 620321 published through its review (drafted by yc-admin,
//   approved by the reviewer);
// - supervision, its journal and clocks groups starting at the end of the topics (it records this run's events,
//   not the history of the shared broker), its metrics on (the clock lag histogram);
// - applications, its notifier group starting at the end of the case topic;
// - a gateway in front of identity, catalogue and applications (RATE_LIMIT_MAX 100000000, metrics off).
import { randomBytes, randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callUnary } from '@govhall/grpc';
import { catalogueV1, identityV1 } from '@govhall/proto';
import {
  DEMO_PASSWORD,
  bearer,
  freePort,
  newResidentIdNumber,
  stack,
  startCatalogue,
  startGroupAtTopicEnd,
  startIdentity,
  startProcess,
  userToken,
  type MongoClient,
  type RunningProcess,
} from '@govhall/testing';
// The seed's 食品经营许可 (永昌县市场监督管理局) and the catalogue's own mapping of its content to the proto.
import { itemContentToProto } from '../../../services/catalogue/dist/adapters/grpc/item.mapper.js';
import { MARKET_REGULATION_ITEMS } from '../../../services/catalogue/dist/seed/items/market-regulation.js';
// What supervision's journal, clocks and legs consumers read, as supervision itself names them.
import { CLOCK_TOPICS } from '../../../services/supervision/dist/adapters/kafka/clocks.consumer.js';
import { JOINT_REVIEW_CLOCK_TOPICS } from '../../../services/supervision/dist/adapters/kafka/joint-review-legs.consumer.js';
import { WATCHED_TOPICS as SUPERVISION_TOPICS } from '../../../services/supervision/dist/adapters/kafka/journal.consumer.js';
import type { Started } from '../processes.ts';

export const TENANT = '620321';
export const DEPARTMENT = '620321-SCJG';
export const ITEM_NAME = '食品经营许可';
const CASE_TOPIC = 'govhall.applications.case';
const APPLICANT_PASSWORD = 'Bench2026x';

export interface Login {
  username: string;
  password: string;
}

export interface Applicant extends Login {
  name: string;
  idNumber: string;
}

export interface CasesStack {
  gatewayUrl: string;
  /** Supervision's Prometheus endpoint (the clock lag histogram). */
  supervisionMetricsUrl: string;
  itemId: string;
  /** The materials the edition requires (uploaded in every lifecycle). */
  requiredMaterials: string[];
  clerk: Login;
  reviewer: Login;
  approver: Login;
  applicants: Applicant[];
  databases: { identity: string; catalogue: string; applications: string; supervision: string };
  /** The processes the harness started (watched for CPU and RSS): name → pid. */
  pids: () => Record<string, number>;
  /**
   * Stops the applications process (the store allows one writer per database: nothing else may write its
   * database while it runs, ADR 0011) and, once `meanwhile` is done, starts it again on the same port and database;
   * it creates its declared indexes at start (≤ 30 min).
   */
  withApplicationsStopped(meanwhile: () => Promise<void>): Promise<void>;
  notes: string[];
}

export interface StackOptions {
  runId: string;
  logLevel: string;
  applicants: number;
  /** The gateway introspects user tokens at Keycloak (ADR 0015). */
  introspection: boolean;
  introspectionCacheMs: string;
  /** A directory: applications and the gateway write V8 CPU profiles there when they stop (--cpu-prof). */
  cpuProfileDir?: string;
}

const newPhone = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;

export async function startCasesStack(
  options: StackOptions,
  mongo: MongoClient,
  started: Started,
): Promise<CasesStack> {
  const run = options.runId;
  const databases = {
    identity: '',
    catalogue: `govhall_catalogue_cbench_${run}`,
    applications: `govhall_applications_cbench_${run}`,
    supervision: `govhall_supervision_cbench_${run}`,
  };
  const notes: string[] = [];
  const log = (line: string) => process.stderr.write(`${line}\n`);

  // ---- identity: tenant tree, staff, the window, applicants -------------------------------------------------------
  log('starting identity (scratch database, seeded tenant tree) …');
  const identity = await startIdentity({ LOG_LEVEL: options.logLevel });
  databases.identity = identity.db;
  started.onStop(() => mongo.db(identity.db).dropDatabase());
  started.onStop(() => identity.stop());
  const idCall = <Req, Res>(method: keyof identityV1.IdentityServiceClient, req: Req, token?: string) => {
    const c = identity.client as unknown as Record<string, (...args: unknown[]) => unknown>;
    return callUnary<Req, Res>(c[method as string]!.bind(identity.client) as never, req, {
      ...(token ? bearer(token) : {}),
      deadlineMs: 30_000,
    });
  };
  const admin = await userToken('yc-admin');
  const createStaff = async (role: string): Promise<identityV1.Staff> => {
    const { staff } = await idCall<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
      'createStaff',
      {
        tenant: TENANT,
        department: DEPARTMENT,
        username: `cb${run.slice(-5)}-${randomBytes(2).toString('hex')}-${role.replace('_', '')}`,
        displayName: '基准测试人员',
        phone: newPhone(),
        roles: [role],
        initialPassword: DEMO_PASSWORD,
        permanentPassword: true,
      },
      admin,
    );
    return staff!;
  };
  const [clerk, clerkB, reviewer, approver] = [
    await createStaff('window_clerk'),
    await createStaff('window_clerk'),
    await createStaff('reviewer'),
    await createStaff('approver'),
  ];
  const { window } = await idCall<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
    'createWindow',
    {
      tenant: TENANT,
      number: `B${randomInt(10, 99)}`,
      name: '市场监管基准测试窗口',
      kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
      department: DEPARTMENT,
      servesDepartments: [DEPARTMENT],
      aPostStaffId: clerk!.id,
      bPostStaffId: clerkB!.id,
      location: '一楼',
    },
    admin,
  );
  const applicants: Applicant[] = [];
  for (let i = 0; i < options.applicants; i++) {
    const idNumber = newResidentIdNumber(TENANT);
    // names are Chinese characters only (identity's rule): a surname and a given name by i
    const name = `${'赵钱孙李周吴郑王冯陈'[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}明`;
    await idCall<identityV1.RegisterNaturalPersonRequest, identityV1.RegisterNaturalPersonResponse>(
      'registerNaturalPerson',
      { tenant: TENANT, name, idNumber, phone: newPhone(), password: APPLICANT_PASSWORD },
    );
    applicants.push({ name, idNumber, username: idNumber, password: APPLICANT_PASSWORD });
  }
  notes.push(
    `identity ${identity.db}: window ${window!.number} of ${DEPARTMENT} (A post ${clerk!.username}), reviewer ${reviewer!.username}, approver ${approver!.username}, ${applicants.length} registered applicants (natural persons)`,
  );

  // ---- catalogue: the seed's 食品经营许可 published through its review ------------------------------------------
  log('starting the catalogue (scratch database) and publishing 食品经营许可 …');
  const catalogue = await startCatalogue({
    name: 'cbench-catalogue',
    db: databases.catalogue,
    env: { GOVHALL_TENANTS: TENANT, IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`, LOG_LEVEL: options.logLevel },
  });
  started.onStop(() => mongo.db(databases.catalogue).dropDatabase());
  started.onStop(() => catalogue.stop());
  const itemId = await publishFoodLicence(catalogue.client, admin, await userToken(reviewer!.username));
  const seed = MARKET_REGULATION_ITEMS.find((s) => s.tenant === TENANT && s.name === ITEM_NAME)!;
  const requiredMaterials = seed.content.materials.filter((m) => m.required).map((m) => m.id);

  // ---- supervision and applications, their consumer groups at the topics' end -------------------------------------
  const supervisionGroup = `cbench-supervision-${run}`;
  const notifierGroup = `cbench-notifier-${run}`;
  await startGroupAtTopicEnd(supervisionGroup, [...SUPERVISION_TOPICS]);
  // The clocks group too (it would read the shared topics from their beginning): its lag is this run's events'.
  await startGroupAtTopicEnd(`${supervisionGroup}-clocks`, [...CLOCK_TOPICS]);
  // And the legs group, which would otherwise replay every leg the shared topics hold into the run's database.
  await startGroupAtTopicEnd(`${supervisionGroup}-legs`, [...JOINT_REVIEW_CLOCK_TOPICS]);
  await startGroupAtTopicEnd(notifierGroup, [CASE_TOPIC]);
  // one directory per process (the file names carry the pid and the time)
  const profiled = (name: string): Record<string, string> => {
    if (!options.cpuProfileDir) return {};
    const dir = path.join(options.cpuProfileDir, name);
    fs.mkdirSync(dir, { recursive: true });
    return { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` };
  };
  const common = {
    MONGODB_URI: stack.mongoUri,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
    LOG_LEVEL: options.logLevel,
    GRPC_HOST: '127.0.0.1',
    METRICS_PORT: '0',
  };
  log('starting supervision and applications (scratch databases) …');
  const supervisionPort = await freePort();
  // Supervision's metrics are on (the clock lag histogram); the other processes' are off.
  const supervisionMetricsPort = await freePort();
  const supervision = started.add(
    await startProcess({
      name: 'cbench-supervision',
      entry: 'services/supervision/dist/main.js',
      env: {
        ...common,
        MONGODB_DB: databases.supervision,
        KAFKA_GROUP_ID: supervisionGroup,
        GRPC_PORT: String(supervisionPort),
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: String(supervisionMetricsPort),
      },
      readyPort: supervisionPort,
    }),
  );
  started.onStop(() => mongo.db(databases.supervision).dropDatabase());
  const applicationsPort = await freePort();
  const applicationsEnv = {
    ...common,
    MONGODB_DB: databases.applications,
    GRPC_PORT: String(applicationsPort),
    CATALOGUE_GRPC_ADDR: `127.0.0.1:${catalogue.port}`,
    IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
    // A service account of 永昌县 (the realm's department-system demo client) asks identity for the window's clerk.
    SERVICE_CLIENT_ID: 'govhall-dept-demo',
    SERVICE_CLIENT_SECRET: 'govhall-dept-demo-secret',
    NOTIFIER_GROUP_ID: notifierGroup,
    ...profiled('applications'),
  };
  const startApplications = (timeoutMs = 120_000) =>
    startProcess({
      name: 'cbench-applications',
      entry: 'services/applications/dist/main.js',
      env: applicationsEnv,
      readyPort: applicationsPort,
      timeoutMs,
    });
  let applications: RunningProcess = await startApplications();
  started.onStop(() => mongo.db(databases.applications).dropDatabase());
  started.onStop(() => applications.stop());

  // ---- the gateway ----------------------------------------------------------------------------------------------
  const gatewayPort = await freePort();
  const gateway = started.add(
    await startProcess({
      name: 'cbench-gateway',
      entry: 'gateway/dist/server.js',
      env: {
        HOST: '127.0.0.1',
        PORT: String(gatewayPort),
        METRICS_PORT: '0',
        KEYCLOAK_URL: stack.keycloakUrl,
        KEYCLOAK_REALM: stack.realm,
        LOG_LEVEL: options.logLevel,
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${catalogue.port}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identity.port}`,
        APPLICATIONS_GRPC_ADDR: `127.0.0.1:${applicationsPort}`,
        RATE_LIMIT_MAX: '100000000',
        // As deployed: every user token introspected at Keycloak (ADR 0015); an empty secret turns that off.
        KEYCLOAK_API_CLIENT_SECRET: options.introspection ? stack.apiClientSecret : '',
        KEYCLOAK_INTROSPECTION_CACHE_MS: options.introspectionCacheMs,
        ...profiled('gateway'),
      },
      readyPort: gatewayPort,
    }),
  );
  notes.push(
    `processes started by the harness (LOG_LEVEL=${options.logLevel}, metrics off but supervision's): identity :${identity.port}, catalogue :${catalogue.port} (${databases.catalogue}), supervision :${supervisionPort} (${databases.supervision}, group ${supervisionGroup}), applications :${applicationsPort} (${databases.applications}, notifier group ${notifierGroup}), gateway :${gatewayPort} (RATE_LIMIT_MAX 100000000, token introspection ${options.introspection ? `on, live answers trusted ${options.introspectionCacheMs} ms` : 'off'}); every database dropped at the end`,
  );
  return {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    supervisionMetricsUrl: `http://127.0.0.1:${supervisionMetricsPort}/metrics`,
    itemId,
    requiredMaterials,
    clerk: { username: clerk!.username, password: DEMO_PASSWORD },
    reviewer: { username: reviewer!.username, password: DEMO_PASSWORD },
    approver: { username: approver!.username, password: DEMO_PASSWORD },
    applicants,
    databases,
    pids: () => ({
      'cbench-gateway': gateway.child.pid!,
      'cbench-applications': applications.child.pid!,
      'cbench-catalogue': catalogue.process.child.pid!,
      'cbench-identity': identity.process.child.pid!,
      'cbench-supervision': supervision.child.pid!,
    }),
    async withApplicationsStopped(meanwhile) {
      await applications.stop();
      await meanwhile();
      applications = await startApplications(1_800_000);
    },
    notes,
  };
}

/** Drafts, fills, submits and approves the seed's 食品经营许可 of 620321 through the catalogue's gRPC API. */
async function publishFoodLicence(
  client: catalogueV1.CatalogueServiceClient,
  adminToken: string,
  reviewerToken: string,
): Promise<string> {
  const seed = MARKET_REGULATION_ITEMS.find((s) => s.tenant === TENANT && s.name === ITEM_NAME);
  if (!seed) throw new Error(`the catalogue seed has no ${ITEM_NAME} of ${TENANT}`);
  const call = async <Req>(
    rpc: 'createDraftItem' | 'updateDraftItem' | 'submitItem' | 'reviewItem',
    req: Req,
    token: string,
  ) => {
    const method = (client[rpc] as (...a: unknown[]) => unknown).bind(client);
    const res = await callUnary<Req, { item?: catalogueV1.Item }>(method as never, req, {
      ...bearer(token),
      deadlineMs: 30_000,
    });
    return res.item!;
  };
  const fields = {
    name: seed.name,
    basicCode: seed.basicCode,
    kind: seed.kind,
    handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
    department: seed.department,
  };
  let item = await call(
    'createDraftItem',
    { idempotencyKey: `cbench-${randomBytes(8).toString('hex')}`, tenant: TENANT, ...fields },
    adminToken,
  );
  item = await call(
    'updateDraftItem',
    { id: item.id, expectedVersion: item.version, ...fields, content: itemContentToProto(seed.content) },
    adminToken,
  );
  item = await call('submitItem', { id: item.id, expectedVersion: item.version }, adminToken);
  item = await call(
    'reviewItem',
    { id: item.id, expectedVersion: item.version, approve: true, comments: '' },
    reviewerToken,
  );
  if (item.status !== catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED) throw new Error(`${ITEM_NAME} was not published`);
  return item.id;
}
