import { JOINT_REVIEW_CLOCK_TOPICS } from '../src/adapters/kafka/joint-review-legs.consumer';
import { CLOCK_TOPICS } from '../src/adapters/kafka/clocks.consumer';
import { WATCHED_TOPICS } from '../src/adapters/kafka/journal.consumer';
import { randomBytes } from 'node:crypto';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import {
  freePort,
  MongoClient,
  stack,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  userToken,
  waitFor,
  type RunningProcess,
} from '@govhall/testing';

// Nothing is lost when a process dies mid-flow: the catalogue is killed (SIGKILL) right after acknowledging a burst
// of writes, while its outbox relay is sending; supervision is killed while it consumes them. Both restart on the
// same databases (the restarted catalogue takes its database over from the dead process). Every acknowledged
// draft's event must then be recorded by supervision exactly once, and every outbox end empty.
const suffix = uniqueSuffix();
const catalogueDb = `govhall_catalogue_c${suffix}`;
const supervisionDb = `govhall_supervision_c${suffix}`;
const group = `supervision-crash-${suffix}`;
const running: RunningProcess[] = [];
let mongo: MongoClient;

const startCatalogue = async (port: number, metrics: number) =>
  startProcess({
    name: 'catalogue-crash',
    entry: 'services/catalogue/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: catalogueDb,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(metrics),
      GOVHALL_TENANTS: '620321',
    },
    readyPort: port,
  });

const startSupervision = async (port: number, metrics: number) =>
  startProcess({
    name: 'supervision-crash',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: supervisionDb,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_GROUP_ID: group,
      KAFKA_CLOCKS_GROUP_ID: `${group}-clocks`,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(metrics),
    },
    readyPort: port,
  });

beforeAll(async () => {
  mongo = await MongoClient.connect(stack.mongoUri);
  await startGroupAtTopicEnd(group, [...WATCHED_TOPICS]);
  // The clock consumer's own group, also from here on (a new group would read every earlier run's cases).
  await startGroupAtTopicEnd(`${group}-clocks`, [...CLOCK_TOPICS]);
  await startGroupAtTopicEnd(`${group}-legs`, [...JOINT_REVIEW_CLOCK_TOPICS]);
});

afterAll(async () => {
  for (const p of running) await p.stop();
  await mongo.db(catalogueDb).dropDatabase();
  await mongo.db(supervisionDb).dropDatabase();
  await mongo.close();
});

it('loses and duplicates nothing when the catalogue and supervision are killed mid-flow and restarted', async () => {
  const [cPort, cMetrics, sPort, sMetrics] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  let catalogue = await startCatalogue(cPort, cMetrics);
  let supervision = await startSupervision(sPort, sMetrics);
  // Registered at once so that afterAll stops them even when the test fails before the restart (a leaked child
  // process keeps jest from exiting).
  running.push(catalogue, supervision);
  const client = createGrpcClient(catalogueV1.CatalogueServiceClient, `127.0.0.1:${cPort}`, {
    serviceName: 'govhall.catalogue.v1.CatalogueService',
    idempotentMethods: ['GetItem'],
  });
  const token = await userToken('yc-admin');

  // A burst of 40 drafts; the catalogue dies right after the last acknowledgement (its relay is mid-send).
  const created = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      callUnary<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
        client.createDraftItem.bind(client),
        {
          idempotencyKey: `crash-${randomBytes(8).toString('hex')}`,
          tenant: '620321',
          name: `崩溃恢复测试事项${i}`,
          basicCode: `0001250190${String(i).padStart(2, '0')}`, // one item per basic code per tenant
          kind: '01',
          handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
          department: '620321-SCJG',
        },
        { authorization: `Bearer ${token}`, deadlineMs: 15_000 },
      ),
    ),
  );
  await catalogue.kill();
  const ids = created.map((r) => r.item!.id);
  const journal = mongo.db(supervisionDb).collection('recorded_events');

  // Supervision dies once it has recorded some of what was relayed before the crash (or after 10 s if nothing was).
  await waitFor(async () => (await journal.countDocuments({})) > 0, {
    timeoutMs: 10_000,
    what: 'a first record',
  }).catch(() => undefined);
  await supervision.kill();

  // Both come back on the same databases.
  catalogue = await startCatalogue(cPort, cMetrics);
  supervision = await startSupervision(sPort, sMetrics);
  running.push(catalogue, supervision);
  client.close();

  const recorded = await waitFor(
    async () => {
      const docs = await journal.find({ aggregateId: { $in: ids } }).toArray();
      return new Set(docs.map((d) => d.aggregateId)).size === ids.length && docs;
    },
    { timeoutMs: 90_000, what: 'supervision to record the 40 drafts (a dead relay’s lease expires after 30 s)' },
  );
  // Exactly once per event: one journal entry per draft (the inbox and the event-id key absorbed redeliveries).
  expect(recorded.filter((d) => d.type === 'govhall.catalogue.v1.ItemDraftCreated')).toHaveLength(ids.length);
  expect(new Set(recorded.map((d) => String(d._id))).size).toBe(recorded.length);

  // Every outbox ends empty and unmarked.
  const items = mongo.db(catalogueDb).collection('items');
  await waitFor(async () => (await items.countDocuments({ outboxPending: true })) === 0, {
    what: 'the catalogue outboxes to empty',
  });
  const docs = await items.find({ _id: { $in: ids as never[] } }).toArray();
  expect(docs).toHaveLength(ids.length);
  expect(docs.every((d) => (d.outbox as unknown[]).length === 0 && !d.outboxLease)).toBe(true);
}, 150_000);
