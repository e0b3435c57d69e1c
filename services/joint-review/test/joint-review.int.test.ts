import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { createKafka, decodeEnvelope, type Consumer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { jointReviewV1, eventsV1 } from '@govhall/proto';
import {
  MongoClient,
  freePort,
  startProcess,
  stack,
  uniqueSuffix,
  userToken,
  waitFor,
  type RunningProcess,
} from '@govhall/testing';
import { JOINT_REVIEW_TOPIC } from '../src/adapters/kafka/joint-review-events';

const suffix = uniqueSuffix();
const database = `govhall_joint_review_t${suffix}`;
const kafka = createKafka(
  'joint-review-test',
  stack.kafkaBrokers.split(','),
  createLogger('joint-review-test', 'warn'),
);
const published: eventsV1.EventEnvelope[] = [];
let service: RunningProcess;
let client: jointReviewV1.JointReviewServiceClient;
let consumer: Consumer;

function create(request: jointReviewV1.CreateJointReviewRequest, token?: string) {
  return callUnary<jointReviewV1.CreateJointReviewRequest, jointReviewV1.CreateJointReviewResponse>(
    client.createJointReview.bind(client),
    request,
    { authorization: token && `Bearer ${token}` },
  );
}

beforeAll(async () => {
  // The local broker does not auto-create topics and deploy/stack/start.sh creates them only when Kafka starts:
  // create this service's topic if the running stack predates it (a no-op otherwise).
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: JOINT_REVIEW_TOPIC, numPartitions: 3 }] });
  await admin.disconnect();
  consumer = kafka.consumer({ groupId: `joint-review-it-${suffix}` });
  await consumer.connect();
  await consumer.subscribe({ topic: JOINT_REVIEW_TOPIC, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void published.push(decodeEnvelope(message.value!)) });

  const [grpcPort, metricsPort] = await Promise.all([freePort(), freePort()]);
  service = await startProcess({
    name: 'joint-review',
    entry: 'services/joint-review/dist/main.js',
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
    },
    readyPort: grpcPort,
  });
  client = createGrpcClient(jointReviewV1.JointReviewServiceClient, `127.0.0.1:${grpcPort}`, {
    serviceName: 'govhall.joint_review.v1.JointReviewService',
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

describe('joint-review: CreateJointReview over gRPC with a real Keycloak token', () => {
  it('creates a joint-review for a center administrator and publishes JointReviewCreated', async () => {
    const title = `示例标题 ${suffix}`;
    const { jointReview } = await create({ tenant: '620321', title }, await userToken('yc-admin'));
    expect(jointReview).toMatchObject({ tenant: '620321', title, version: 1, createdBy: 'yc-admin' });

    const event = await waitFor(async () => published.find((m) => m.aggregateId === jointReview!.id), {
      what: `JointReviewCreated on ${JOINT_REVIEW_TOPIC}`,
    });
    expect(event).toMatchObject({
      type: 'govhall.joint_review.v1.JointReviewCreated',
      tenant: '620321',
      aggregateVersion: 1,
    });
    expect(jointReviewV1.JointReviewCreated.decode(event.payload).jointReview).toMatchObject({
      id: jointReview!.id,
      title,
    });
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
