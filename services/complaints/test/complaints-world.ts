import { identityV1 } from '@govhall/proto';
import { freePort, stack, startProcess, type RunningProcess } from '@govhall/testing';
import { TENANT, type CasesWorld } from '../../applications/test/cases-world';

/**
 * The complaints service as its own process beside a CasesWorld (identity, the catalogue, the cases service): its
 * own database, a center account of 620321 made through identity (ADR 0053), the service's clock in `clockFile`,
 * its case-stream group `caseStreamGroup`; `env` adds or overrides (the sweeps' intervals). Answers the process and
 * the address of its gRPC server.
 */
export async function startComplaintsService(
  world: CasesWorld,
  options: { name: string; database: string; clockFile: string; caseStreamGroup: string; env?: Record<string, string> },
): Promise<{ process: RunningProcess; address: string }> {
  const clientId = `${options.name}-${world.suffix}`;
  const account = await world.identityCall<
    identityV1.CreateServiceAccountRequest,
    identityV1.CreateServiceAccountResponse
  >(
    'createServiceAccount',
    { tenant: TENANT, department: '', clientId, description: '评价投诉服务（集成测试）' },
    await world.adminToken(),
  );
  const [grpcPort, metricsPort] = await Promise.all([freePort(), freePort()]);
  const smtpPort = globalThis.process.env.SMTP_PORT;
  const process = await startProcess({
    name: `complaints-${options.name}`,
    entry: 'services/complaints/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: options.database,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      OUTBOX_POLL_MS: '200',
      APPLICATIONS_GRPC_ADDR: world.address,
      IDENTITY_GRPC_ADDR: `127.0.0.1:${world.identity.port}`,
      // Deadlines count working days on the catalogue's calendar of the tenant.
      CATALOGUE_GRPC_ADDR: `127.0.0.1:${world.catalogue.port}`,
      SERVICE_ACCOUNTS: `${TENANT}=${clientId}:${account.clientSecret}`,
      CASE_STREAM_GROUP_ID: options.caseStreamGroup,
      // A notifier group of the world's own (joined by no other run's process); a test that reads what it sends
      // places it at the stream's end and passes it in `env`.
      COMPLAINT_NOTIFIER_GROUP_ID: `${options.caseStreamGroup}-notifier`,
      CLOCK_FILE: options.clockFile,
      // The complainant's mail goes to the stack's Mailpit, wherever it listens (deploy/stack/env.sh).
      ...(smtpPort ? { SMTP_PORT: smtpPort } : {}),
      ...options.env,
    },
    readyPort: grpcPort,
  });
  return { process, address: `127.0.0.1:${grpcPort}` };
}
