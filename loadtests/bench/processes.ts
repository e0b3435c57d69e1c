// The processes a benchmark run needs. What must already run (the local stack; supervision for `write`; the builds)
// is checked first. What the harness starts itself, each its own OS process on a free port (@govhall/testing's
// startProcess), is stopped at the end: its catalogue on a scratch database (seeded for `search`, dropped at the
// end), its gateway, and the baseline server. The stack's processes and these are watched for CPU and RSS.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  MongoClient,
  REPO_ROOT,
  freePort,
  portOpen,
  runProcess,
  stack,
  startProcess,
  type RunningProcess,
} from '@govhall/testing';
import { assertLoopback, type BenchConfig } from './config.ts';
import { stackProcesses, type ProcessRef } from './lib.ts';
import type { SeedReport } from './report.ts';

/** What the harness started, stopped in reverse order at the end, and what else must go then. */
export class Started {
  private readonly children: RunningProcess[] = [];
  private readonly cleanups: (() => Promise<unknown> | unknown)[] = [];

  add(child: RunningProcess): RunningProcess {
    this.children.push(child);
    return child;
  }

  /** Runs after the processes are stopped (last added, first run). */
  onStop(cleanup: () => Promise<unknown> | unknown): void {
    this.cleanups.push(cleanup);
  }

  async stopAll(): Promise<void> {
    for (const c of this.children.splice(0).reverse()) await c.stop().catch(() => undefined);
    for (const cleanup of this.cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
}

/** Throws when something the selected scenarios need is missing: supervision for `write`, the built entry points. */
export function preflight(config: BenchConfig): void {
  if (config.scenarios.includes('write') && !stackProcesses(config.stateDir).some((p) => p.name === 'supervision')) {
    throw new Error(
      `supervision is not running (no live ${config.stateDir}/pids/supervision.pid): bash deploy/services.sh start`,
    );
  }
  for (const entry of ['gateway/dist/server.js', 'services/catalogue/dist/main.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, entry))) throw new Error(`${entry} is missing: run 'pnpm build' first`);
  }
}

export interface CatalogueUnderTest {
  addr: string;
  /** The database its items are in. */
  database: string;
  /** The process the harness started (absent with BENCH_CATALOGUE_ADDR). */
  process?: ProcessRef;
  seed?: SeedReport;
}

/**
 * The catalogue the gateway calls: its own on a scratch database govhall_catalogue_bench_<run>, dropped at the end
 * (thousands of benchmark drafts do not land in the demo data, and every run starts from the same collection size),
 * seeded through its gRPC API when `seed` is set; or the running one at BENCH_CATALOGUE_ADDR, not seeded.
 */
export async function catalogueUnderTest(
  config: BenchConfig,
  runId: string,
  mongo: MongoClient,
  started: Started,
  notes: string[],
  options: { seed: boolean },
): Promise<CatalogueUnderTest> {
  if (config.catalogueAddr) {
    const addr = config.catalogueAddr;
    assertLoopback(`http://${addr}`);
    const [host, port] = addr.split(':');
    if (!(await portOpen(Number(port), host))) throw new Error(`no catalogue is listening on ${addr}`);
    notes.push(`used the running catalogue at ${addr} (BENCH_CATALOGUE_ADDR), database ${config.catalogueDb}`);
    return { addr, database: config.catalogueDb };
  }
  const port = await freePort();
  const database = `govhall_catalogue_bench_${runId}`;
  started.onStop(() => mongo.db(database).dropDatabase());
  const catalogue = started.add(
    await startProcess({
      name: 'bench-catalogue',
      entry: 'services/catalogue/dist/main.js',
      env: {
        GRPC_HOST: '127.0.0.1',
        GRPC_PORT: String(port),
        METRICS_PORT: '0',
        MONGODB_URI: stack.mongoUri,
        MONGODB_DB: database,
        KAFKA_BROKERS: stack.kafkaBrokers,
        KEYCLOAK_URL: stack.keycloakUrl,
        KEYCLOAK_REALM: stack.realm,
        LOG_LEVEL: config.logLevel,
      },
      readyPort: port,
    }),
  );
  const addr = `127.0.0.1:${port}`;
  // Seeded through its own API once it runs (the local store allows one writer process per database).
  const seed = options.seed ? await seedCatalogue(database, addr, mongo) : undefined;
  notes.push(
    `started its own catalogue (services/catalogue/dist/main.js, pid ${catalogue.child.pid}, gRPC ${addr}, LOG_LEVEL=${config.logLevel}, metrics off) on the scratch database ${database}, dropped at the end`,
  );
  if (seed) {
    // The seed's outbox events (drafted, submitted, published …) are relayed by this catalogue now: let that
    // finish so the runs do not measure it.
    const outboxDrainMs = await waitForOutbox(mongo, database);
    notes.push(
      `seeded ${database} through its API (services/catalogue/dist/seed/run-seed.js, ${(seed.ms / 1000).toFixed(1)} s: "${seed.output}"); ${seed.published} published items in the database; the seed's outbox ${outboxDrainMs === null ? 'was NOT relayed within 120 s' : `was relayed ${(outboxDrainMs / 1000).toFixed(1)} s after the seed ended`}`,
    );
  }
  return { addr, database, process: { name: 'bench-catalogue', pid: catalogue.child.pid! }, seed };
}

/**
 * Publishes the seed catalogue through the harness's catalogue (services/catalogue/dist/seed/run-seed.js against its
 * gRPC address: drafted and submitted by <prefix>-admin, approved by <prefix>-reviewer — the logins `pnpm start`'s
 * identity seed makes), so its search index holds the published items.
 */
async function seedCatalogue(database: string, catalogueAddr: string, mongo: MongoClient): Promise<SeedReport> {
  const entry = 'services/catalogue/dist/seed/run-seed.js';
  if (!fs.existsSync(path.join(REPO_ROOT, entry))) throw new Error(`${entry} is missing: run 'pnpm build' first`);
  process.stderr.write(`seeding ${database} (${entry}) … `);
  const started = performance.now();
  const { output } = await runProcess({
    name: 'bench-catalogue-seed',
    entry,
    env: {
      CATALOGUE_GRPC_ADDR: catalogueAddr,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      LOG_LEVEL: 'warn',
    },
    timeoutMs: 600_000,
  });
  const ms = Math.round(performance.now() - started);
  const published = await mongo.db(database).collection('items').countDocuments({ status: 'published' });
  process.stderr.write(`${published} published items in ${(ms / 1000).toFixed(1)} s\n`);
  if (published === 0) throw new Error(`the seed published no items into ${database}:\n${output}`);
  return { database, output: output.trim(), ms, published };
}

/** Waits (≤ 120 s) until no item document carries outbox messages; the time it took, or null. */
async function waitForOutbox(mongo: MongoClient, database: string): Promise<number | null> {
  const items = mongo.db(database).collection('items');
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    // the relay's own filter for documents with pending messages (@govhall/kafka PENDING_OUTBOX_FILTER)
    if ((await items.countDocuments({ outboxPending: true })) === 0) return Date.now() - started;
    await sleep(500);
  }
  return null;
}

export interface GatewayUnderTest {
  url: string;
  /** The process the harness started (absent with BENCH_GATEWAY_URL). */
  process?: ProcessRef;
}

/** The harness's production limit would answer 429 after 6 s at 1,000/s from its one client address. */
const BENCH_RATE_LIMIT_MAX = '100000000';

/**
 * The gateway under test: its own (RATE_LIMIT_MAX=100000000, metrics off) against the catalogue under test, so the
 * stack's gateway keeps its production limit; or the running one at BENCH_GATEWAY_URL.
 */
export async function gatewayUnderTest(
  config: BenchConfig,
  catalogueAddr: string,
  started: Started,
  notes: string[],
): Promise<GatewayUnderTest> {
  if (config.gatewayUrl) {
    const url = config.gatewayUrl.replace(/\/$/, '');
    assertLoopback(url);
    notes.push(`measured the running gateway at ${url} (BENCH_GATEWAY_URL)`);
    return { url };
  }
  const port = await freePort();
  const gateway = started.add(
    await startProcess({
      name: 'bench-gateway',
      entry: 'gateway/dist/server.js',
      env: {
        HOST: '127.0.0.1',
        PORT: String(port),
        METRICS_PORT: '0',
        CATALOGUE_GRPC_ADDR: catalogueAddr,
        KEYCLOAK_URL: stack.keycloakUrl,
        KEYCLOAK_REALM: stack.realm,
        LOG_LEVEL: config.logLevel,
        RATE_LIMIT_MAX: BENCH_RATE_LIMIT_MAX,
        // As deployed: every user token introspected at Keycloak (ADR 0015); an empty secret turns that off.
        KEYCLOAK_API_CLIENT_SECRET: config.introspection
          ? (process.env.KEYCLOAK_API_CLIENT_SECRET ?? 'govhall-api-secret')
          : '',
        KEYCLOAK_INTROSPECTION_CACHE_MS: process.env.BENCH_INTROSPECTION_CACHE_MS ?? '0',
      },
      readyPort: port,
    }),
  );
  notes.push(
    `started its own gateway (gateway/dist/server.js, pid ${gateway.child.pid}, port ${port}, LOG_LEVEL=${config.logLevel}, RATE_LIMIT_MAX=${BENCH_RATE_LIMIT_MAX}, metrics off, token introspection ${config.introspection ? `on, live answers trusted ${process.env.BENCH_INTROSPECTION_CACHE_MS ?? '0'} ms` : 'off'}) against catalogue ${catalogueAddr}`,
  );
  return { url: `http://127.0.0.1:${port}`, process: { name: 'bench-gateway', pid: gateway.child.pid! } };
}

/**
 * A running gateway (BENCH_GATEWAY_URL) keeps its own rate limit: warns when it is below what the fastest planned
 * run needs per minute (any public request carries the x-ratelimit-limit header).
 */
export async function checkRateLimit(
  config: BenchConfig,
  gatewayUrl: string,
  plannedPerMinute: number,
  notes: string[],
): Promise<string | undefined> {
  if (!config.gatewayUrl) return undefined;
  const res = await fetch(`${gatewayUrl}/api/v1/catalogue/search?q=${encodeURIComponent('许可')}`);
  await res.arrayBuffer();
  const limit = Number(res.headers.get('x-ratelimit-limit') ?? Number.NaN);
  if (!Number.isFinite(limit) || limit >= plannedPerMinute) return undefined;
  notes.push(`WARNING: gateway rate limit ${limit}/window < planned ${plannedPerMinute}/min: expect 429s`);
  return (
    `WARNING: ${gatewayUrl} allows ${limit} requests per window per IP; the fastest run needs ~${plannedPerMinute}/min. ` +
    `Restart that gateway with RATE_LIMIT_MAX=${plannedPerMinute * 10} (e.g. 'bash deploy/services.sh stop && ` +
    `RATE_LIMIT_MAX=${plannedPerMinute * 10} ...'), or unset BENCH_GATEWAY_URL so the harness starts its own gateway. ` +
    `Expect 429s below.`
  );
}

/**
 * The baseline: bare Fastify routes (baseline-server.ts) in their own process. Started after the scenarios'
 * probes: its search route answers each keyword with the page the gateway answered for it (`searchPages`);
 * `extraEnv` e.g. CASE_FILE for the cases benchmark.
 */
export async function startBaseline(
  started: Started,
  runId: string,
  searchPages: Record<string, unknown> | undefined,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; process: ProcessRef }> {
  const port = await freePort();
  const env: Record<string, string> = { ...extraEnv, PORT: String(port) };
  if (searchPages) {
    const file = path.join(os.tmpdir(), `govhall-bench-${runId}-search-pages.json`);
    fs.writeFileSync(file, JSON.stringify(searchPages));
    started.onStop(() => fs.rmSync(file, { force: true }));
    env.SEARCH_PAGES_FILE = file;
  }
  const baseline = started.add(
    await startProcess({ name: 'bench-baseline', entry: 'loadtests/bench/baseline-server.ts', env, readyPort: port }),
  );
  return { url: `http://127.0.0.1:${port}`, process: { name: 'bench-baseline', pid: baseline.child.pid! } };
}

/**
 * The processes watched for CPU and RSS: the stack's (the stack's own gateway and catalogue renamed "(stack,
 * idle)" when the harness runs its own), the harness's, and the harness itself (autocannon runs in it).
 */
export function watchedProcesses(
  stateDir: string,
  own: { gateway?: ProcessRef; catalogue?: ProcessRef; baseline: ProcessRef },
): () => ProcessRef[] {
  return () => [
    ...stackProcesses(stateDir).map((p) =>
      (p.name === 'gateway' && own.gateway) || (p.name === 'catalogue' && own.catalogue)
        ? { ...p, name: `${p.name} (stack, idle)` }
        : p,
    ),
    ...(own.gateway ? [own.gateway] : []),
    ...(own.catalogue ? [own.catalogue] : []),
    own.baseline,
    // the processes the harness started are its children, watched on their own
    { name: 'harness (autocannon)', pid: process.pid, tree: false },
  ];
}
