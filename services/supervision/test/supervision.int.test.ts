import { JOINT_REVIEW_CLOCK_TOPICS } from '../src/adapters/kafka/joint-review-legs.consumer';
import { CLOCK_TOPICS } from '../src/adapters/kafka/clocks.consumer';
import { WATCHED_TOPICS } from '../src/adapters/kafka/journal.consumer';
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { catalogueV1, commonV1, eventsV1, supervisionV1 } from '@govhall/proto';
import {
  clientToken,
  grpcFailure,
  freePort,
  stack,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  userToken,
  waitFor,
  type RunningProcess,
} from '@govhall/testing';

// Supervision as its own process against the real broker, database and Keycloak: what it records from the
// topic, what it refuses to record, and who may read it.
let supervision: RunningProcess;
let client: supervisionV1.SupervisionServiceClient;
const kafka = new Kafka({
  clientId: 'supervision-test',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

beforeAll(async () => {
  const port = await freePort();
  const suffix = uniqueSuffix();
  // The journal's new group would read the whole shared topic first; start it where the topic ends now.
  await startGroupAtTopicEnd(`supervision-int-${suffix}`, [...WATCHED_TOPICS]);
  await startGroupAtTopicEnd(`supervision-int-clocks-${suffix}`, [...CLOCK_TOPICS]);
  await startGroupAtTopicEnd(`supervision-int-${suffix}-legs`, [...JOINT_REVIEW_CLOCK_TOPICS]);
  supervision = await startProcess({
    name: 'supervision-int',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: `govhall_supervision_s${suffix}`,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_GROUP_ID: `supervision-int-${suffix}`,
      KAFKA_CLOCKS_GROUP_ID: `supervision-int-clocks-${suffix}`,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(await freePort()),
    },
    readyPort: port,
  });
  client = createGrpcClient(supervisionV1.SupervisionServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.supervision.v1.SupervisionService',
    idempotentMethods: ['ListRecordedEvents'],
  });
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  client?.close();
  await supervision?.stop();
});

const list = (aggregateId: string, token?: string) =>
  callUnary<supervisionV1.ListRecordedEventsRequest, supervisionV1.ListRecordedEventsResponse>(
    client.listRecordedEvents.bind(client),
    { aggregateId },
    { authorization: token ? `Bearer ${token}` : undefined },
  );

function envelope(aggregateId: string, tenant: string, id = randomUUID()): Buffer {
  const item: catalogueV1.Item = {
    ...catalogueV1.Item.fromPartial({}),
    id: aggregateId,
    tenant,
    name: '排污许可',
    basicCode: '000132001000',
    kind: '01',
    handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
    department: `${tenant}-SSTHJ`,
    status: catalogueV1.ItemStatus.ITEM_STATUS_DRAFT,
    version: 1,
    createdBy: 'test',
  };
  return Buffer.from(
    eventsV1.EventEnvelope.encode({
      id,
      type: 'govhall.catalogue.v1.ItemDraftCreated',
      tenant,
      aggregateId,
      aggregateVersion: 1,
      occurredAt: new Date(),
      actor: {
        kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
        subject: 'test',
        username: 'test',
        tenant,
        roles: [],
        department: '',
        onBehalfOf: '',
      },
      traceparent: '',
      tracestate: '',
      payload: Buffer.from(catalogueV1.ItemDraftCreated.encode({ item }).finish()),
    }).finish(),
  );
}

describe('supervision', () => {
  it('skips a message that is not an envelope, records the next event once even when it is delivered twice', async () => {
    const aggregateId = randomUUID();
    const eventId = randomUUID();
    const value = envelope(aggregateId, '620321', eventId);
    await producer.send({
      topic: 'govhall.catalogue.item',
      messages: [
        { key: aggregateId, value: Buffer.from('not a protobuf envelope \u0000\u00ff') },
        { key: aggregateId, value },
        { key: aggregateId, value }, // a redelivery
      ],
    });
    const ops = await clientToken('govhall-internal', 'govhall-internal-secret');
    const events = await waitFor(
      async () => {
        const { events } = await list(aggregateId, ops);
        return events.length > 0 && events;
      },
      { what: 'the event to be recorded' },
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await list(aggregateId, ops)).events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventId, tenant: '620321', type: 'govhall.catalogue.v1.ItemDraftCreated' });
  });

  it('refuses callers without a token, without a supervision role, and malformed ids', async () => {
    expect((await grpcFailure(list('abc'))).code).toBe(status.UNAUTHENTICATED);
    const clerk = await userToken('yc-clerk');
    const denied = await grpcFailure(list('abc', clerk));
    expect(denied.code).toBe(status.PERMISSION_DENIED);
    expect(denied.reason).toBe('SUPERVISION_READ_FORBIDDEN');
    const ops = await clientToken('govhall-internal', 'govhall-internal-secret');
    const bad = await grpcFailure(list('not an id!', ops));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations).toEqual([expect.objectContaining({ path: 'aggregateId' })]);
  });
});
