import {
  freePort,
  startOtlpReceiver,
  startGroupAtTopicEnd,
  startProcess,
  stack,
  uniqueSuffix,
  type OtlpReceiver,
  type RunningProcess,
} from '@govhall/testing';

/** The foundation slice as separate processes: supervision, catalogue and the gateway, exporting traces. */
export interface SliceStack {
  gatewayUrl: string;
  catalogueAddr: string;
  supervisionAddr: string;
  catalogueDb: string;
  supervisionDb: string;
  otlp: OtlpReceiver;
  processes: Record<'catalogue' | 'supervision' | 'gateway', RunningProcess>;
  stop(): Promise<void>;
}

export async function startSliceStack(): Promise<SliceStack> {
  const suffix = uniqueSuffix();
  const otlp = await startOtlpReceiver();
  const [cataloguePort, supervisionPort, gatewayPort, m1, m2, m3] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const common = {
    MONGODB_URI: stack.mongoUri,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
    OTEL_BSP_SCHEDULE_DELAY: '200',
    LOG_LEVEL: 'info',
    METRICS_HOST: '127.0.0.1',
  };
  const catalogueDb = `govhall_catalogue_t${suffix}`;
  const supervisionDb = `govhall_supervision_t${suffix}`;
  // A new journal group reads the shared topic from the beginning; start it where the topic ends now, so the
  // slice's events are not queued behind everything earlier tests produced.
  await startGroupAtTopicEnd(`supervision-journal-t${suffix}`, ['govhall.catalogue.item']);
  await startGroupAtTopicEnd(`supervision-journal-t${suffix}-legs`, [
    'govhall.joint-review.review',
    'govhall.joint-review.escalation',
    'govhall.joint-review.delegated-case',
    'govhall.joint-review.external-case',
  ]);
  const supervision = await startProcess({
    name: 'supervision',
    entry: 'services/supervision/dist/main.js',
    env: {
      ...common,
      GRPC_PORT: String(supervisionPort),
      MONGODB_DB: supervisionDb,
      KAFKA_GROUP_ID: `supervision-journal-t${suffix}`,
      METRICS_PORT: String(m1),
      GRPC_HOST: '127.0.0.1',
    },
    readyPort: supervisionPort,
  });
  const catalogue = await startProcess({
    name: 'catalogue',
    entry: 'services/catalogue/dist/main.js',
    env: {
      ...common,
      GRPC_PORT: String(cataloguePort),
      MONGODB_DB: catalogueDb,
      METRICS_PORT: String(m2),
      GRPC_HOST: '127.0.0.1',
      OUTBOX_POLL_MS: '200',
    },
    readyPort: cataloguePort,
  });
  const gateway = await startProcess({
    name: 'gateway',
    entry: 'gateway/dist/server.js',
    env: {
      ...common,
      KEYCLOAK_API_CLIENT_SECRET: stack.apiClientSecret,
      PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
      METRICS_PORT: String(m3),
    },
    readyPort: gatewayPort,
  });
  const processes = { catalogue, supervision, gateway };
  return {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    catalogueAddr: `127.0.0.1:${cataloguePort}`,
    supervisionAddr: `127.0.0.1:${supervisionPort}`,
    catalogueDb,
    supervisionDb,
    otlp,
    processes,
    async stop() {
      await Promise.all([gateway.stop(), catalogue.stop(), supervision.stop()]);
      await otlp.close();
    },
  };
}
