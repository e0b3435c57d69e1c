import { callUnary, createGrpcClient } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import {
  DEMO_PASSWORD,
  freePort,
  runProcess,
  seedCatalogue,
  stack,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  userToken,
  type RunningProcess,
} from '@govhall/testing';
import { seedTenancy } from './identity-stack';

/** What supervision's journal and clock consumers read (its WATCHED_TOPICS and CLOCK_TOPICS). */
/** Supervision's journal topics (WATCHED_TOPICS of its journal.consumer.ts; the gateway's code may not import it). */
const SUPERVISION_JOURNAL_TOPICS = [
  'govhall.catalogue.item',
  'govhall.applications.case',
  'govhall.joint-review.review',
  'govhall.joint-review.escalation',
  'govhall.joint-review.delegated-case',
  'govhall.joint-review.external-case',
  'govhall.joint-review.meeting',
  'govhall.payments.notice',
  'govhall.payments.reconciliation',
  'govhall.complaints.rectification',
  'govhall.complaints.complaint',
] as const;
const SUPERVISION_CLOCK_TOPICS = [
  'govhall.applications.case',
  'govhall.catalogue.calendar',
  'govhall.identity.tenant',
  'govhall.identity.staff',
] as const;

/** Center administrators of the realm file in the tenants the seed catalogue covers. */
const SEED_TENANT_ADMINS: Record<string, string> = {
  '620300': 'jc-city-admin',
  '620302': 'jc-admin',
  '620321': 'yc-admin',
};

/**
 * A reviewer of `tenant`'s market regulation bureau, created through identity's gRPC API by the tenant's center
 * administrator (password Demo@2026, which the catalogue seed logs in with).
 */
async function createReviewer(identityAddr: string, tenant: string, admin: string, suffix: string): Promise<string> {
  const username = `e${suffix}-rev-${tenant}`;
  const client = createGrpcClient(identityV1.IdentityServiceClient, identityAddr, {
    serviceName: 'govhall.identity.v1.IdentityService',
    idempotentMethods: ['CreateStaff'],
  });
  try {
    await callUnary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
      client.createStaff.bind(client),
      {
        tenant,
        department: `${tenant}-SCJG`,
        roles: ['reviewer'],
        displayName: '目录种子审核测试',
        phone: '13909359998',
        username,
        initialPassword: DEMO_PASSWORD,
        permanentPassword: true,
      },
      { authorization: `Bearer ${await userToken(admin)}`, deadlineMs: 30_000 },
    );
  } finally {
    client.close();
  }
  return username;
}

/** A center service account of 620321 (ADR 0053), made through identity's gRPC API by yc-admin: its SERVICE_ACCOUNTS value. */
async function createCenterAccount(identityAddr: string, clientId: string): Promise<string> {
  const client = createGrpcClient(identityV1.IdentityServiceClient, identityAddr, {
    serviceName: 'govhall.identity.v1.IdentityService',
    idempotentMethods: ['CreateServiceAccount'],
  });
  try {
    const created = await callUnary<identityV1.CreateServiceAccountRequest, identityV1.CreateServiceAccountResponse>(
      client.createServiceAccount.bind(client),
      { tenant: '620321', department: '', clientId, description: '评价投诉服务（端到端测试）' },
      { authorization: `Bearer ${await userToken('yc-admin')}`, deadlineMs: 30_000 },
    );
    return `620321=${clientId}:${created.clientSecret}`;
  } finally {
    client.close();
  }
}

/**
 * The catalogue on a fresh database holding the published seed catalogue, identity (fresh database, seeded
 * tenant tree: it creates the real Keycloak users a test needs, e.g. a reviewer) and a gateway in front of both,
 * each its own process. Both seeds run through the services' APIs once the services are up.
 */
export interface CatalogueStack {
  gatewayUrl: string;
  catalogueAddr: string;
  catalogueDb: string;
  identityAddr: string;
  identityDb: string;
  /** Set when started with `applications`: the cases service and its database. */
  applicationsAddr?: string;
  applicationsDb?: string;
  /** Set when started with `supervision`: the supervision service and its database. */
  supervisionAddr?: string;
  supervisionDb?: string;
  /** Set when started with `complaints`: the complaints service's database. */
  complaintsDb?: string;
  /** What the seed runner printed (e.g. "catalogue seed: 33 published items across 17 departments"). */
  seedOutput: string;
  processes: Record<'catalogue' | 'identity' | 'gateway', RunningProcess> & {
    applications?: RunningProcess;
    supervision?: RunningProcess;
    complaints?: RunningProcess;
  };
  /**
   * Stops the gateway (SIGTERM: open live feeds end), runs `whileDown`, starts it again on the same port with the
   * same settings (a restart as a deployment does it); `processes.gateway` is the new process afterwards.
   */
  restartGateway(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export interface CatalogueStackOptions {
  /** Also start the cases service (fresh database) behind the gateway, with these extra variables. */
  applications?: { env?: Record<string, string> };
  /**
   * Also start supervision (fresh database, its journal and clock groups placed at the topics' end so that it reads
   * this run's staff, windows and cases only) behind the gateway, with these extra variables (e.g. CLOCK_FILE).
   */
  supervision?: { env?: Record<string, string> };
  /** Extra variables of the gateway (e.g. a longer GRPC_DEADLINE_MS on a loaded test machine). */
  gateway?: { env?: Record<string, string> };
  /**
   * Also start the complaints service (ratings) behind the gateway: a fresh database, a center account of 620321 made
   * through identity, its case-stream group placed at the topic's end. Needs `applications`.
   */
  complaints?: { env?: Record<string, string> };
}

export async function startCatalogueStack(options: CatalogueStackOptions = {}): Promise<CatalogueStack> {
  const suffix = uniqueSuffix();
  const catalogueDb = `govhall_catalogue_e${suffix}`;
  const identityDb = `govhall_identity_e${suffix}`;
  const applicationsDb = `govhall_applications_e${suffix}`;
  const supervisionDb = `govhall_supervision_e${suffix}`;
  const complaintsDb = `govhall_complaints_e${suffix}`;
  const [complaintsPort, m6] = await Promise.all([freePort(), freePort()]);
  const [cataloguePort, identityPort, gatewayPort, applicationsPort, supervisionPort, m1, m2, m3, m4, m5] =
    await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
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
    LOG_LEVEL: 'info',
    METRICS_HOST: '127.0.0.1',
  };
  const catalogueEnv = {
    ...common,
    MONGODB_DB: catalogueDb,
    OUTBOX_POLL_MS: '200',
    IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}`,
  };
  const identityEnv = {
    ...common,
    MONGODB_DB: identityDb,
    KEYCLOAK_ADMIN_CLIENT_SECRET: 'govhall-identity-secret',
    OUTBOX_POLL_MS: '200',
    // Agent grants naming items are checked against this catalogue (started after identity: neither waits).
    CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
  };

  const started: RunningProcess[] = [];
  /** Starts a process and remembers it, so that a failed start-up stops whatever else came up. */
  const launch = async (o: Parameters<typeof startProcess>[0]): Promise<RunningProcess> => {
    const p = await startProcess(o);
    started.push(p);
    return p;
  };
  /** Runs steps together; waits for all of them before failing, so that none is left starting behind a throw. */
  const together = async <T extends unknown[]>(steps: { [K in keyof T]: Promise<T[K]> }): Promise<T> => {
    const settled = await Promise.allSettled(steps);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
  };
  try {
    // The processes start together (none waits for another at start-up: gRPC connects lazily) while identity's
    // tenant tree and the seed catalogue go in as soon as the services they go through are up.
    // Supervision's groups start where the shared topics end now (its consumers would otherwise replay every
    // earlier run's events); detection follows the journal's group (ADR 0037).
    const supervisionGroup = `supervision-e2e-${suffix}`;
    const supervisionGroups = async (): Promise<void> => {
      if (!options.supervision) return;
      await together([
        startGroupAtTopicEnd(supervisionGroup, [...SUPERVISION_JOURNAL_TOPICS]),
        startGroupAtTopicEnd(`${supervisionGroup}-clocks`, [...SUPERVISION_CLOCK_TOPICS]),
        // The legs group (`<KAFKA_GROUP_ID>-legs`) would read every joint review earlier tests left on the topic.
        startGroupAtTopicEnd(`${supervisionGroup}-legs`, [
          'govhall.joint-review.review',
          'govhall.joint-review.escalation',
          'govhall.joint-review.delegated-case',
          'govhall.joint-review.external-case',
        ]),
      ]);
    };
    // The seed catalogue's publications must reach supervision: they go out once its groups stand at the end.
    const supervisionGroupsReady = supervisionGroups();
    const startSupervision = async (): Promise<RunningProcess | undefined> => {
      if (!options.supervision) return undefined;
      await supervisionGroupsReady;
      return launch({
        name: 'supervision-e2e',
        entry: 'services/supervision/dist/main.js',
        env: {
          ...common,
          MONGODB_DB: supervisionDb,
          KAFKA_GROUP_ID: supervisionGroup,
          OUTBOX_POLL_MS: '200',
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: String(supervisionPort),
          METRICS_PORT: String(m5),
          ...options.supervision.env,
        },
        readyPort: supervisionPort,
      });
    };
    const startApplications = async (): Promise<RunningProcess | undefined> =>
      options.applications
        ? launch({
            name: 'applications-e2e',
            entry: 'services/applications/dist/main.js',
            env: {
              ...common,
              MONGODB_DB: applicationsDb,
              OUTBOX_POLL_MS: '200',
              CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
              IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}`,
              GRPC_HOST: '127.0.0.1',
              GRPC_PORT: String(applicationsPort),
              METRICS_PORT: String(m4),
              ...options.applications.env,
            },
            readyPort: applicationsPort,
          })
        : Promise.resolve(undefined);
    const gatewayOptions = {
      name: 'gateway-catalogue-e2e',
      entry: 'gateway/dist/server.js',
      env: {
        ...common,
        KEYCLOAK_API_CLIENT_SECRET: stack.apiClientSecret,
        HOST: '127.0.0.1',
        PORT: String(gatewayPort),
        METRICS_PORT: String(m3),
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}`,
        APPLICATIONS_GRPC_ADDR: `127.0.0.1:${applicationsPort}`,
        ...(options.supervision ? { SUPERVISION_GRPC_ADDR: `127.0.0.1:${supervisionPort}` } : {}),
        ...(options.complaints ? { COMPLAINTS_GRPC_ADDR: `127.0.0.1:${complaintsPort}` } : {}),
        RATE_LIMIT_MAX: '100000',
        // The tests register many people from one address.
        REGISTRATION_RATE_LIMIT_MAX: '100000',
        ...options.gateway?.env,
      },
      readyPort: gatewayPort,
    };
    /** Identity, then (through its API, never its database) the tenant tree. */
    const startIdentity = async (): Promise<RunningProcess> => {
      const identity = await launch({
        name: 'identity-catalogue-e2e',
        entry: 'services/identity/dist/main.js',
        env: { ...identityEnv, GRPC_HOST: '127.0.0.1', GRPC_PORT: String(identityPort), METRICS_PORT: String(m2) },
        readyPort: identityPort,
      });
      await seedTenancy('identity-seed-catalogue-e2e', identityPort);
      return identity;
    };
    const identityUp = startIdentity();
    /** A catalogue reviewer per tenant, once the tenant tree stands: the seed's arguments. */
    const reviewers = async (): Promise<string[]> => {
      await identityUp;
      // The seed catalogue is drafted and submitted by the realm's center administrator of each tenant and approved
      // by a reviewer of the tenant created for this run (identity's seeded <prefix>-reviewer logins belong to the
      // dev database).
      const made = await together(
        Object.entries(SEED_TENANT_ADMINS).map(async ([tenant, admin]) => {
          const reviewer = await createReviewer(`127.0.0.1:${identityPort}`, tenant, admin, suffix);
          return ['--admin', `${tenant}=${admin}`, '--reviewer', `${tenant}=${reviewer}`];
        }),
      );
      return made.flat();
    };
    /** Complaints, once identity can make its center account (it reads who applied for a case with it). */
    const startComplaints = async (): Promise<RunningProcess | undefined> => {
      if (!options.complaints) return undefined;
      await identityUp;
      const group = `complaints-e2e-${suffix}`;
      const [accounts] = await together([
        createCenterAccount(`127.0.0.1:${identityPort}`, `e${suffix}-complaints`),
        startGroupAtTopicEnd(group, ['govhall.applications.case']),
        // Its complainant notifier reads its own complaint stream, this run's only.
        startGroupAtTopicEnd(`${group}-notifier`, ['govhall.complaints.complaint']),
      ]);
      return launch({
        name: 'complaints-e2e',
        entry: 'services/complaints/dist/main.js',
        env: {
          ...common,
          MONGODB_DB: complaintsDb,
          OUTBOX_POLL_MS: '200',
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: String(complaintsPort),
          METRICS_PORT: String(m6),
          APPLICATIONS_GRPC_ADDR: `127.0.0.1:${applicationsPort}`,
          IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}`,
          CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
          SERVICE_ACCOUNTS: accounts,
          CASE_STREAM_GROUP_ID: group,
          COMPLAINT_NOTIFIER_GROUP_ID: `${group}-notifier`,
          ...options.complaints.env,
        },
        readyPort: complaintsPort,
      });
    };
    const catalogueUp = launch({
      name: 'catalogue-e2e',
      entry: 'services/catalogue/dist/main.js',
      env: { ...catalogueEnv, GRPC_HOST: '127.0.0.1', GRPC_PORT: String(cataloguePort), METRICS_PORT: String(m1) },
      readyPort: cataloguePort,
    });
    // The seed catalogue, published through the catalogue's API (its search index takes each publication at once),
    // while the other services start.
    const seedTheCatalogue = async () => {
      const [seedArgs] = await together<[string[], RunningProcess, void]>([
        reviewers(),
        catalogueUp,
        supervisionGroupsReady,
      ]);
      return seedCatalogue({ name: 'catalogue-seed-e2e', catalogueAddr: `127.0.0.1:${cataloguePort}`, args: seedArgs });
    };
    const [identity, catalogue, applications, supervision, firstGateway, complaints, seed] = await together<
      [
        RunningProcess,
        RunningProcess,
        RunningProcess | undefined,
        RunningProcess | undefined,
        RunningProcess,
        RunningProcess | undefined,
        Awaited<ReturnType<typeof runProcess>>,
      ]
    >([
      identityUp,
      catalogueUp,
      startApplications(),
      startSupervision(),
      launch(gatewayOptions),
      startComplaints(),
      seedTheCatalogue(),
    ]);
    let gateway = firstGateway;
    const running: CatalogueStack = {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
      catalogueAddr: `127.0.0.1:${cataloguePort}`,
      catalogueDb,
      identityAddr: `127.0.0.1:${identityPort}`,
      identityDb,
      ...(applications ? { applicationsAddr: `127.0.0.1:${applicationsPort}`, applicationsDb } : {}),
      ...(supervision ? { supervisionAddr: `127.0.0.1:${supervisionPort}`, supervisionDb } : {}),
      ...(complaints ? { complaintsDb } : {}),
      seedOutput: seed.output,
      processes: {
        catalogue,
        identity,
        gateway,
        ...(applications ? { applications } : {}),
        ...(supervision ? { supervision } : {}),
        ...(complaints ? { complaints } : {}),
      },
      async restartGateway(whileDown) {
        await gateway.stop();
        await whileDown?.();
        gateway = await startProcess(gatewayOptions);
        running.processes.gateway = gateway;
      },
      async stop() {
        await gateway.stop();
        await Promise.all([
          catalogue.stop(),
          identity.stop(),
          applications?.stop(),
          supervision?.stop(),
          complaints?.stop(),
        ]);
      },
    };
    return running;
  } catch (e) {
    await Promise.all(started.map((p) => p.stop()));
    throw e;
  }
}
