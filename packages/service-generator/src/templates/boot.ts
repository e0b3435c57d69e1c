import type { Names } from '../names';

/** src/instrumentation.ts, src/config.ts and src/main.ts: the same boot sequence as services/catalogue. */
export function instrumentation(n: Names): string {
  return `// Imported first by main.ts: instrumentation must patch http, grpc, kafkajs and mongodb before they load.
import { startTelemetry } from '@govhall/telemetry';

export const telemetry = startTelemetry({
  serviceName: '${n.name}',
  defaultMetricsPort: ${n.metricsPort},
});
`;
}

export function config(n: Names): string {
  return `import { common, loadConfig, z } from '@govhall/config';

export const config = loadConfig('${n.name}', {
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: common.port.default(${n.grpcPort}),
  MONGODB_URI: common.mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('govhall_${n.snake}'),
  KAFKA_BROKERS: common.brokers,
  KEYCLOAK_URL: common.url,
  KEYCLOAK_REALM: z.string().min(1).default('govhall'),
  LOG_LEVEL: common.logLevel,
  GOVHALL_TENANTS: common.tenants,
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
});
`;
}

export function main(n: Names): string {
  const e = n.entity;
  return `import { telemetry } from './instrumentation';
import { randomUUID } from 'node:crypto';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase } from '@govhall/mongo';
import { config } from './config';
import { register${n.pascal}Service } from './adapters/grpc/${n.name}.grpc-handler';
import { Mongo${e.pascal}Repository } from './adapters/mongo/${e.kebab}.repository';
import { create${e.pascal}UseCase } from './usecases/create-${e.kebab}/create-${e.kebab}.usecase';

async function main() {
  const logger = createLogger('${n.name}', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: '${n.name}',
    logger,
  });
  const ${e.pluralCamel} = new Mongo${e.pascal}Repository(connection);
  await ensureIndexes([${e.pluralCamel}.model]);

  const kafka = createKafka('${n.name}', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: [${e.pluralCamel}.model.collection],
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    // The sole writer of its database (enforced on FerretDB): no leases needed; on MongoDB replicas lease.
    exclusive: writer.enforced,
  });
  relay.start();

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: ['${n.protoFile}'],
  });
  register${n.pascal}Service(server, {
    create${e.pascal}: create${e.pascal}UseCase({
      ${e.pluralCamel},
      clock: { now: () => new Date() },
      ids: { newId: randomUUID },
      hostedTenants: config.GOVHALL_TENANTS,
    }),
    afterWrite: () => relay.nudge(),
  });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, '${n.name} listening');

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('${n.name}'));
`;
}
