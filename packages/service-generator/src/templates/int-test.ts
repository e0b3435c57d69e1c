import type { Names } from '../names';

/** test/<name>.int.test.ts: the built service as its own process against the real local stack. */
export function integrationTest(n: Names): string {
  const e = n.entity;
  const ns = `${n.camel}V1`;
  const TOPIC = `${e.snake.toUpperCase()}_TOPIC`;
  return `import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { createKafka, decodeEnvelope, type Consumer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { ${ns}, eventsV1 } from '@govhall/proto';
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
import { ${TOPIC} } from '../src/adapters/kafka/${e.kebab}-events';

const suffix = uniqueSuffix();
const database = \`govhall_${n.snake}_t\${suffix}\`;
const kafka = createKafka('${n.name}-test', stack.kafkaBrokers.split(','), createLogger('${n.name}-test', 'warn'));
const published: eventsV1.EventEnvelope[] = [];
let service: RunningProcess;
let client: ${ns}.${n.pascal}ServiceClient;
let consumer: Consumer;

function create(request: ${ns}.Create${e.pascal}Request, token?: string) {
  return callUnary<${ns}.Create${e.pascal}Request, ${ns}.Create${e.pascal}Response>(
    client.create${e.pascal}.bind(client),
    request,
    { authorization: token && \`Bearer \${token}\` },
  );
}

beforeAll(async () => {
  // The local broker does not auto-create topics and deploy/stack/start.sh creates them only when Kafka starts:
  // create this service's topic if the running stack predates it (a no-op otherwise).
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: ${TOPIC}, numPartitions: 3 }] });
  await admin.disconnect();
  consumer = kafka.consumer({ groupId: \`${n.name}-it-\${suffix}\`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: ${TOPIC}, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void published.push(decodeEnvelope(message.value!)) });

  const [grpcPort, metricsPort] = await Promise.all([freePort(), freePort()]);
  service = await startProcess({
    name: '${n.name}',
    entry: 'services/${n.name}/dist/main.js',
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
  client = createGrpcClient(${ns}.${n.pascal}ServiceClient, \`127.0.0.1:\${grpcPort}\`, {
    serviceName: '${n.protoPackage}.${n.pascal}Service',
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

describe('${n.name}: Create${e.pascal} over gRPC with a real Keycloak token', () => {
  it('creates a ${e.kebab} for a center administrator and publishes ${e.pascal}Created', async () => {
    const title = \`示例标题 \${suffix}\`;
    const { ${e.camel} } = await create({ tenant: '620321', title }, await userToken('yc-admin'));
    expect(${e.camel}).toMatchObject({ tenant: '620321', title, version: 1, createdBy: 'yc-admin' });

    const event = await waitFor(async () => published.find((m) => m.aggregateId === ${e.camel}!.id), {
      what: \`${e.pascal}Created on \${${TOPIC}}\`,
    });
    expect(event).toMatchObject({ type: '${n.protoPackage}.${e.pascal}Created', tenant: '620321', aggregateVersion: 1 });
    expect(${ns}.${e.pascal}Created.decode(event.payload).${e.camel}).toMatchObject({ id: ${e.camel}!.id, title });
  });

  it('refuses the same title twice in a tenant', async () => {
    const token = await userToken('yc-admin');
    const request = { tenant: '620321', title: \`重复标题 \${suffix}\` };
    await create(request, token);
    await expect(create(request, token)).rejects.toMatchObject({ code: status.ALREADY_EXISTS });
  });

  it('refuses no token, an administrator of another tenant and invalid input', async () => {
    const request = { tenant: '620321', title: \`拒绝 \${suffix}\` };
    await expect(create(request)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(create(request, await userToken('jc-admin'))).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    await expect(create({ tenant: '620321', title: 'x' }, await userToken('yc-admin'))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
  });
});
`;
}
