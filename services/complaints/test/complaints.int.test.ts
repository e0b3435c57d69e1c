import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { createKafka, decodeEnvelope, type Consumer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { complaintsV1, eventsV1 } from '@govhall/proto';
import {
  MongoClient,
  freePort,
  startProcess,
  stack,
  startGroupAtTopicEnd,
  uniqueSuffix,
  userToken,
  waitFor,
  type RunningProcess,
} from '@govhall/testing';
import { COMPLAINT_TOPIC } from '../src/adapters/kafka/complaint-events';

const suffix = uniqueSuffix();
const database = `govhall_complaints_t${suffix}`;
const kafka = createKafka('complaints-test', stack.kafkaBrokers.split(','), createLogger('complaints-test', 'warn'));
const published: eventsV1.EventEnvelope[] = [];
let service: RunningProcess;
let client: complaintsV1.ComplaintsServiceClient;
let consumer: Consumer;

function create(request: complaintsV1.CreateComplaintRequest, token?: string) {
  return callUnary<complaintsV1.CreateComplaintRequest, complaintsV1.CreateComplaintResponse>(
    client.createComplaint.bind(client),
    request,
    { authorization: token && `Bearer ${token}` },
  );
}

beforeAll(async () => {
  // The local broker does not auto-create topics and deploy/stack/start.sh creates them only when Kafka starts:
  // create this service's topic if the running stack predates it (a no-op otherwise).
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: COMPLAINT_TOPIC, numPartitions: 3 }] });
  await admin.disconnect();
  consumer = kafka.consumer({ groupId: `complaints-it-${suffix}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: COMPLAINT_TOPIC, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void published.push(decodeEnvelope(message.value!)) });

  // The service's case-stream group starts at the topic's end (it would read every earlier run's cases).
  const caseGroup = `complaints-cases-it${suffix}`;
  await startGroupAtTopicEnd(caseGroup, ['govhall.applications.case']);
  const [grpcPort, metricsPort] = await Promise.all([freePort(), freePort()]);
  service = await startProcess({
    name: 'complaints',
    entry: 'services/complaints/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: database,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      OUTBOX_POLL_MS: '200',
      CASE_STREAM_GROUP_ID: caseGroup,
    },
    readyPort: grpcPort,
  });
  client = createGrpcClient(complaintsV1.ComplaintsServiceClient, `127.0.0.1:${grpcPort}`, {
    serviceName: 'govhall.complaints.v1.ComplaintsService',
    idempotentMethods: [],
  });
});

afterAll(async () => {
  client?.close();
  await service?.stop();
  await consumer?.disconnect();
  const mongo = await MongoClient.connect(stack.mongoUri);
  await mongo.db(database).dropDatabase();
  await mongo.close();
});

describe('complaints: CreateComplaint over gRPC with a real Keycloak token', () => {
  it('creates a complaint for a center administrator and publishes ComplaintCreated', async () => {
    const title = `示例标题 ${suffix}`;
    const { complaint } = await create({ tenant: '620321', title }, await userToken('yc-admin'));
    expect(complaint).toMatchObject({ tenant: '620321', title, version: 1, createdBy: 'yc-admin' });

    const event = await waitFor(async () => published.find((m) => m.aggregateId === complaint!.id), {
      what: `ComplaintCreated on ${COMPLAINT_TOPIC}`,
    });
    expect(event).toMatchObject({
      type: 'govhall.complaints.v1.ComplaintCreated',
      tenant: '620321',
      aggregateVersion: 1,
    });
    expect(complaintsV1.ComplaintCreated.decode(event.payload).complaint).toMatchObject({ id: complaint!.id, title });
  });

  it('refuses the same title twice in a tenant', async () => {
    const token = await userToken('yc-admin');
    const request = { tenant: '620321', title: `重复标题 ${suffix}` };
    await create(request, token);
    await expect(create(request, token)).rejects.toMatchObject({ code: status.ALREADY_EXISTS });
  });

  it('refuses no token, an administrator of another tenant and invalid input', async () => {
    const request = { tenant: '620321', title: `拒绝 ${suffix}` };
    await expect(create(request)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(create(request, await userToken('jc-admin'))).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    await expect(create({ tenant: '620321', title: 'x' }, await userToken('yc-admin'))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
  });
});
