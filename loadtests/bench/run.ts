// GovHall benchmark harness (quality.md, "Fast"): fixed-rate autocannon runs against 127.0.0.1 only, reported as
// absolute figures AND as ratios against a baseline measured in the same run (a bare Fastify route, same machine,
// same Node). No timing assertions: it exits non-zero only when the harness itself cannot run.
//
//   pnpm --filter @govhall/loadtests bench     (needs: pnpm build, the local stack; supervision for `write`)
//   BENCH_SCENARIOS=search pnpm --filter @govhall/loadtests bench       (only the public search)
//
// Scenarios (BENCH_SCENARIOS, comma list, run in the order given) [read,search,write]; writes come last by default
// because their outbox backlog keeps FerretDB busy after the run:
// - read:   GET /api/v1/catalogue/items/:id of a draft, a staff read, with a center administrator's token;
// - search: GET /api/v1/catalogue/search?q=<keyword>, public (no token), rotating through SEARCH_QUERIES; the
//           harness's catalogue is seeded first (services/catalogue/dist/seed/run-seed.js on its scratch database),
//           so its in-process search index holds the published seed items when it starts;
// - write:  POST /api/v1/catalogue/items, a new draft per request, and the outbox → Kafka → supervision lag.
// Each is paired, rate by rate, with a bare Fastify route (baseline-server.ts) returning a body of the same shape:
// an item for read and write, the very search page the gateway answered for the same keyword for search.
//
// Processes under test, each its own OS process (@govhall/testing's startProcess, free ports, stopped at the end):
// - its own GATEWAY (gateway/dist/server.js, RATE_LIMIT_MAX=100000000, metrics off): the stack's gateway on :3000
//   keeps its production limit (6000/min per IP, which turns a 1,000 req/s run into 429s after 6 s). To measure a
//   running gateway instead set BENCH_GATEWAY_URL=http://127.0.0.1:3000; it must then have been started with a
//   high RATE_LIMIT_MAX (the harness warns when its x-ratelimit-limit is too low).
// - its own CATALOGUE (services/catalogue/dist/main.js) on a scratch database govhall_catalogue_bench_<run>, dropped
//   at the end: thousands of benchmark drafts do not land in the demo data, and every run starts from the same
//   collection size. Its outbox goes to the real Kafka topic, so the stack's SUPERVISION records the events, and
//   the harness reads their lag from supervision's journal. BENCH_CATALOGUE_ADDR=127.0.0.1:50051 uses the running
//   catalogue (and its database, CATALOGUE_DB [govhall_catalogue]) instead; it is not seeded then.
//
// Before the paced runs of read and search, each is measured UNLOADED too (one connection, one request at a time),
// so a paced run's latency can be split into service time and queueing.
//
// Environment: BENCH_SCENARIOS [read,search,write], BENCH_DURATION_S [15], BENCH_WARMUP_S [3],
// BENCH_READ_RATES [200,500,1000], BENCH_SEARCH_RATES [200,500,1000], BENCH_WRITE_RATES [20,50,100],
// BENCH_GATEWAY_URL [start own], BENCH_CATALOGUE_ADDR [start own], BENCH_LOG_LEVEL [info] (of the processes the
// harness starts), BENCH_USER [yc-admin], BENCH_TENANT [620321], BENCH_DEPARTMENT [620321-SCJG],
// SUPERVISION_DB [govhall_supervision], GOVHALL_STATE [<repo>/.stack],
// MONGODB_URI / KAFKA_BROKERS / KEYCLOAK_URL / KEYCLOAK_REALM as for the tests.
// Results: $GOVHALL_STATE/bench/<timestamp>.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import {
  MongoClient,
  REPO_ROOT,
  freePort,
  portOpen,
  runProcess,
  stack,
  startProcess,
  userToken,
  type RunningProcess,
} from '@govhall/testing';
import {
  CpuMeter,
  RssSampler,
  fmt,
  markdownTable,
  ratio,
  readRss,
  stackProcesses,
  summarize,
  type LatencySummary,
  type ProcessRef,
  type RssReading,
} from './lib.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);

function rates(value: string | undefined, fallback: number[]): number[] {
  if (!value) return fallback;
  const list = value.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 1 || n > 20_000)) throw new Error(`bad rate list: ${value}`);
  return list;
}

function seconds(value: string | undefined, fallback: number, min: number): number {
  const n = value === undefined ? fallback : Number(value);
  // Bounded on purpose: a forgotten variable must not turn into an hour of load on a shared machine.
  if (!Number.isInteger(n) || n < min || n > 60) throw new Error(`bad duration ${value}: ${min}..60 seconds`);
  return n;
}

type Scenario = 'read' | 'search' | 'write';
const SCENARIOS: readonly Scenario[] = ['read', 'search', 'write'];

function scenarios(value: string | undefined): Scenario[] {
  if (!value) return [...SCENARIOS];
  const list = value.split(',').map((s) => s.trim());
  const unknown = list.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length || list.length === 0 || new Set(list).size !== list.length) {
    throw new Error(`bad BENCH_SCENARIOS ${value}: a comma list of distinct ${SCENARIOS.join(', ')}`);
  }
  return list as Scenario[];
}

/**
 * The keywords the search scenario rotates through (each connection sends them in turn): Chinese words that match
 * many seed items (食品, 许可), fewer (营业执照 in the 一件事 items, 个体工商户, 养老, 户口, 排污, 教师资格) and a
 * basic code (000117012000, 食品经营许可 in the seed).
 */
const SEARCH_QUERIES = ['食品', '许可', '营业执照', '个体工商户', '养老', '户口', '000117012000', '排污', '教师资格'];

const env = process.env;
const config = {
  scenarios: scenarios(env.BENCH_SCENARIOS),
  durationS: seconds(env.BENCH_DURATION_S, 15, 1),
  warmupS: seconds(env.BENCH_WARMUP_S, 3, 0),
  readRates: rates(env.BENCH_READ_RATES, [200, 500, 1000]),
  searchRates: rates(env.BENCH_SEARCH_RATES, [200, 500, 1000]),
  writeRates: rates(env.BENCH_WRITE_RATES, [20, 50, 100]),
  searchQueries: SEARCH_QUERIES,
  gatewayUrl: env.BENCH_GATEWAY_URL,
  logLevel: env.BENCH_LOG_LEVEL ?? 'info',
  catalogueAddr: env.BENCH_CATALOGUE_ADDR,
  user: env.BENCH_USER ?? 'yc-admin',
  tenant: env.BENCH_TENANT ?? '620321',
  department: env.BENCH_DEPARTMENT ?? '620321-SCJG',
  supervisionDb: env.SUPERVISION_DB ?? 'govhall_supervision',
  catalogueDb: env.CATALOGUE_DB ?? 'govhall_catalogue',
  stateDir: env.GOVHALL_STATE ?? path.join(REPO_ROOT, '.stack'),
};

type Kind = 'baseline' | Scenario;
const selected = (s: Scenario) => config.scenarios.includes(s);
const ratesOf = (s: Scenario) => ({ read: config.readRates, search: config.searchRates, write: config.writeRates })[s];

/**
 * Connections per target rate. autocannon's overallRate gives each connection a quota of rate/connections requests
 * per wall-clock second, sent back to back, one in flight per connection (docs/benchmarks.md, "How autocannon
 * paces"). So the connections cap concurrency: enough to reach the rate at the expected latency, few enough that
 * the bursts stay small. Reads and searches: ~25 requests/s per connection; writes (slower): ~5. The baseline run of
 * a pair uses the same connections as the scenario it is compared with.
 */
const connectionsFor = (kind: Kind, rate: number) => Math.max(8, Math.ceil(rate / (kind === 'write' ? 5 : 25)));

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new Error(`refusing to load ${url}: the harness only targets this machine (127.0.0.1)`);
  }
}

interface Row {
  scenario: string;
  kind: Kind;
  /** Of a baseline row: the scenario it is the baseline of. */
  baselineOf?: Scenario;
  targetRate: number;
  connections: number;
  durationS: number;
  /** All responses per second. */
  achievedRate: number;
  /** 2xx responses per second. */
  okRate: number;
  /** Latency of 2xx responses, ms, exact percentiles over every sample (not autocannon's integer-ms histogram). */
  latencyMs: LatencySummary;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  baseline?: { achievedRateRatio: number; p99Ratio: number };
  rssPeakMiB: Record<string, number>;
  cpu: { machineBusyPct: number; processPctOfOneCore: Record<string, number>; unattributedPctOfOneCore: number };
  supervision?: SupervisionLag;
  /** Of search runs and their baselines: latency of the 2xx responses per keyword, ms. */
  byKeyword?: Record<string, LatencySummary>;
}

/** Requests of each unloaded latency measurement. */
const UNLOADED_REQUESTS = 300;

interface UnloadedRow {
  scenario: string;
  kind: Kind;
  baselineOf?: Scenario;
  latencyMs: LatencySummary;
  non2xx: number;
}

interface SupervisionLag {
  created: number;
  recorded: number;
  /** recordedAt − occurredAt per event (outbox → Kafka → supervision's journal), ms. */
  lagMs: LatencySummary;
  /** From the end of the write run until supervision had recorded every created item, ms (null: timed out). */
  drainMs: number | null;
}

/** autocannon with a per-response hook; resolves with its result. */
function fire(opts: autocannon.Options, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err as Error) : resolve(result)));
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

async function jsonRequest(url: string, init: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; keep the text for the error message
  }
  return { status: res.status, body, headers: res.headers };
}

const draftBody = (name: string) =>
  JSON.stringify({
    tenant: config.tenant,
    name,
    basicCode: '000172028000',
    kind: '01',
    handlingCategory: 'promised',
    department: config.department,
  });

interface SearchProbe {
  q: string;
  /** Published items matching the keyword. */
  total: number;
  /** Items on the first page (what every request of the run returns). */
  returned: number;
  bytes: number;
  /** Name of the best match. */
  first: string;
}

interface SeedReport {
  database: string;
  /** What the seed printed (its count of published items and departments). */
  output: string;
  ms: number;
  /** Items of status `published` in the scratch database afterwards: what the search index loads at start. */
  published: number;
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

async function main(): Promise<void> {
  const startedAt = new Date();
  const runId = startedAt.getTime().toString(36);
  const children: RunningProcess[] = [];
  const mongo = new MongoClient(stack.mongoUri);
  await mongo.connect();
  let scratchDb: string | undefined;
  let searchPagesFile: string | undefined;
  const cleanup = async () => {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    if (searchPagesFile) fs.rmSync(searchPagesFile, { force: true });
    if (scratchDb)
      await mongo
        .db(scratchDb)
        .dropDatabase()
        .catch(() => undefined);
    await mongo.close().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

  try {
    // ---- preflight: what must already run ---------------------------------------------------------------------
    const stackPids = stackProcesses(config.stateDir);
    if (selected('write') && !stackPids.some((p) => p.name === 'supervision')) {
      throw new Error(
        `supervision is not running (no live ${config.stateDir}/pids/supervision.pid): bash deploy/services.sh start`,
      );
    }
    for (const entry of ['gateway/dist/server.js', 'services/catalogue/dist/main.js']) {
      if (!fs.existsSync(path.join(REPO_ROOT, entry))) throw new Error(`${entry} is missing: run 'pnpm build' first`);
    }
    // Search is public: a search-only run needs no token (nor Keycloak's token endpoint).
    const needsToken = selected('read') || selected('write');
    let token = needsToken ? await userToken(config.user) : '';
    const notes: string[] = [`scenarios: ${config.scenarios.join(', ')}`];
    let seeded: SeedReport | undefined;

    // ---- the catalogue ------------------------------------------------------------------------------------------
    let catalogueAddr: string;
    let catalogueProcess: ProcessRef | undefined;
    if (config.catalogueAddr) {
      catalogueAddr = config.catalogueAddr;
      assertLoopback(`http://${catalogueAddr}`);
      const [host, port] = catalogueAddr.split(':');
      if (!(await portOpen(Number(port), host))) throw new Error(`no catalogue is listening on ${catalogueAddr}`);
      notes.push(
        `used the running catalogue at ${catalogueAddr} (BENCH_CATALOGUE_ADDR), database ${config.catalogueDb}`,
      );
    } else {
      const port = await freePort();
      scratchDb = `govhall_catalogue_bench_${runId}`;
      const catalogue = await startProcess({
        name: 'bench-catalogue',
        entry: 'services/catalogue/dist/main.js',
        env: {
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: String(port),
          METRICS_PORT: '0',
          MONGODB_URI: stack.mongoUri,
          MONGODB_DB: scratchDb,
          KAFKA_BROKERS: stack.kafkaBrokers,
          KEYCLOAK_URL: stack.keycloakUrl,
          KEYCLOAK_REALM: stack.realm,
          LOG_LEVEL: config.logLevel,
        },
        readyPort: port,
      });
      children.push(catalogue);
      catalogueAddr = `127.0.0.1:${port}`;
      catalogueProcess = { name: 'bench-catalogue', pid: catalogue.child.pid! };
      // Seeded through its own API once it runs (the local store allows one writer process per database).
      if (selected('search')) seeded = await seedCatalogue(scratchDb, catalogueAddr, mongo);
      notes.push(
        `started its own catalogue (services/catalogue/dist/main.js, pid ${catalogue.child.pid}, gRPC ${catalogueAddr}, LOG_LEVEL=${config.logLevel}, metrics off) on the scratch database ${scratchDb}, dropped at the end`,
      );
      if (seeded) {
        // The seed's outbox events (drafted, submitted, published …) are relayed by this catalogue now: let that
        // finish so the runs do not measure it.
        const outboxDrainMs = await waitForOutbox(mongo, scratchDb);
        notes.push(
          `seeded ${scratchDb} through its API (services/catalogue/dist/seed/run-seed.js, ${(seeded.ms / 1000).toFixed(1)} s: "${seeded.output}"); ${seeded.published} published items in the database; the seed's outbox ${outboxDrainMs === null ? 'was NOT relayed within 120 s' : `was relayed ${(outboxDrainMs / 1000).toFixed(1)} s after the seed ended`}`,
        );
      }
    }
    const catalogueDb = scratchDb ?? config.catalogueDb;

    // ---- the gateway under test -----------------------------------------------------------------------------------
    let gatewayUrl: string;
    let gatewayProcess: ProcessRef | undefined;
    if (config.gatewayUrl) {
      gatewayUrl = config.gatewayUrl.replace(/\/$/, '');
      assertLoopback(gatewayUrl);
      notes.push(`measured the running gateway at ${gatewayUrl} (BENCH_GATEWAY_URL)`);
    } else {
      const port = await freePort();
      const gateway = await startProcess({
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
          // The benchmark client is one IP; the production limit (6000/min) would answer 429 after 6 s at 1,000/s.
          RATE_LIMIT_MAX: '100000000',
        },
        readyPort: port,
      });
      children.push(gateway);
      gatewayUrl = `http://127.0.0.1:${port}`;
      gatewayProcess = { name: 'bench-gateway', pid: gateway.child.pid! };
      notes.push(
        `started its own gateway (gateway/dist/server.js, pid ${gateway.child.pid}, port ${port}, LOG_LEVEL=${config.logLevel}, RATE_LIMIT_MAX=100000000, metrics off) against catalogue ${catalogueAddr}`,
      );
    }

    // ---- the item every read fetches: created (idempotently) through the gateway --------------------------------
    const itemsUrl = `${gatewayUrl}/api/v1/catalogue/items`;
    const auth = () => ({ authorization: `Bearer ${token}` });
    let itemId: string | undefined;
    let probeHeaders: Headers | undefined;
    if (selected('read')) {
      const created = await jsonRequest(itemsUrl, {
        method: 'POST',
        headers: {
          ...auth(),
          'content-type': 'application/json',
          'idempotency-key': `bench-read-target-${config.tenant}`,
        },
        body: draftBody('基准测试读取事项'),
      });
      if (created.status !== 201) {
        throw new Error(`creating the read target failed: HTTP ${created.status} ${JSON.stringify(created.body)}`);
      }
      itemId = String(created.body.id);
      // GET /items/:id is a staff read (the public reads /published/:id): the read runs send the admin's token.
      const probe = await jsonRequest(`${itemsUrl}/${itemId}`, { headers: auth() });
      if (probe.status !== 200) throw new Error(`reading ${itemId} failed: HTTP ${probe.status}`);
      probeHeaders = probe.headers;
    }

    // ---- what each search keyword finds: one request per keyword, no token ---------------------------------------
    const searchPath = (q: string) => `/api/v1/catalogue/search?q=${encodeURIComponent(q)}`;
    const searchProbes: SearchProbe[] = [];
    const searchPages: Record<string, unknown> = {};
    if (selected('search')) {
      for (const q of config.searchQueries) {
        const res = await jsonRequest(`${gatewayUrl}${searchPath(q)}`, {});
        if (res.status !== 200) {
          throw new Error(`searching ${q} failed: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
        }
        const page = res.body as { items: { name: string }[]; total: number };
        searchPages[q] = page;
        searchProbes.push({
          q,
          total: page.total,
          returned: page.items.length,
          bytes: Buffer.byteLength(JSON.stringify(page)),
          first: page.items[0]?.name ?? '',
        });
        probeHeaders = res.headers;
      }
      const empty = searchProbes.filter((p) => p.total === 0).map((p) => p.q);
      if (empty.length === searchProbes.length) {
        throw new Error('every search keyword found nothing: the search index is empty (was the catalogue seeded?)');
      }
      if (empty.length) notes.push(`WARNING: search keywords with no hit: ${empty.join(', ')}`);
    }
    // a write-only run has made no GET yet: any public request carries the rate-limit headers
    probeHeaders ??= (await jsonRequest(`${gatewayUrl}${searchPath('许可')}`, {})).headers;
    const limit = Number(probeHeaders.get('x-ratelimit-limit') ?? Number.NaN);
    const planned = Math.max(...config.scenarios.flatMap(ratesOf)) * 60;
    if (config.gatewayUrl && Number.isFinite(limit) && limit < planned) {
      out(
        `WARNING: ${gatewayUrl} allows ${limit} requests per window per IP; the fastest run needs ~${planned}/min. ` +
          `Restart that gateway with RATE_LIMIT_MAX=${planned * 10} (e.g. 'bash deploy/services.sh stop && ` +
          `RATE_LIMIT_MAX=${planned * 10} ...'), or unset BENCH_GATEWAY_URL so the harness starts its own gateway. ` +
          `Expect 429s below.`,
      );
      notes.push(`WARNING: gateway rate limit ${limit}/window < planned ${planned}/min: expect 429s`);
    }

    // ---- the baseline: a bare Fastify route in its own process ----------------------------------------------------
    // Started after the probes: its search route answers each keyword with the page the gateway answered for it.
    const baselinePort = await freePort();
    const baselineEnv: Record<string, string> = { PORT: String(baselinePort) };
    if (selected('search')) {
      searchPagesFile = path.join(os.tmpdir(), `govhall-bench-${runId}-search-pages.json`);
      fs.writeFileSync(searchPagesFile, JSON.stringify(searchPages));
      baselineEnv.SEARCH_PAGES_FILE = searchPagesFile;
    }
    const baseline = await startProcess({
      name: 'bench-baseline',
      entry: 'loadtests/bench/baseline-server.ts',
      env: baselineEnv,
      readyPort: baselinePort,
    });
    children.push(baseline);
    const baselineUrl = `http://127.0.0.1:${baselinePort}`;

    // ---- processes watched for RSS and CPU ------------------------------------------------------------------------
    const watched = (): ProcessRef[] => {
      const fromStack = stackProcesses(config.stateDir).map((p) =>
        (p.name === 'gateway' && gatewayProcess) || (p.name === 'catalogue' && catalogueProcess)
          ? { ...p, name: `${p.name} (stack, idle)` }
          : p,
      );
      return [
        ...fromStack,
        ...(gatewayProcess ? [gatewayProcess] : []),
        ...(catalogueProcess ? [catalogueProcess] : []),
        { name: 'bench-baseline', pid: baseline.child.pid! },
        // the processes the harness started are its children, watched on their own
        { name: 'harness (autocannon)', pid: process.pid, tree: false },
      ];
    };
    const rssBefore = watched().map(readRss);
    const loadavgAtStart = os.loadavg();
    if (loadavgAtStart[0]! > os.availableParallelism()) {
      const warning = `WARNING: load average ${loadavgAtStart.map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs before the runs: something else is busy; figures will be disturbed`;
      process.stderr.write(`${warning}\n`);
      notes.push(warning);
    }
    const sampler = new RssSampler(watched);
    const cpu = new CpuMeter(watched);

    // ---- the runs -----------------------------------------------------------------------------------------------
    const journal = mongo.db(config.supervisionDb).collection('recorded_events');
    // FerretDB's SQLite backend scans the collection for most queries: the size matters, and the writes grow it.
    const catalogueItems = mongo.db(catalogueDb).collection('items');
    const itemsBefore = await catalogueItems.countDocuments({});
    let keySeq = 0;

    /**
     * What a GET run requests. Each connection sends the search keywords in turn (autocannon cycles through
     * `requests` per connection); autocannon calls a request's onResponse and then, synchronously, emits the
     * client's 'response' event, so `onKeyword` names the keyword of the response the run's hook is handed next.
     */
    function getTarget(kind: 'baseline' | 'read' | 'search', pair: Scenario, onKeyword: (q: string) => void) {
      const readId = itemId ?? '00000000-0000-4000-8000-000000000000';
      if (kind === 'baseline' && pair === 'search') {
        return {
          url: baselineUrl,
          requests: config.searchQueries.map((q) => ({
            method: 'GET' as const,
            path: `/baseline/search?q=${encodeURIComponent(q)}`,
            onResponse: () => onKeyword(q),
          })),
        };
      }
      if (kind === 'baseline') {
        return {
          url: `${baselineUrl}/baseline/items/${readId}`,
          requests: [{ method: 'GET' as const, path: `/baseline/items/${readId}` }],
        };
      }
      if (kind === 'read') {
        return {
          url: `${itemsUrl}/${readId}`,
          requests: [{ method: 'GET' as const, path: `/api/v1/catalogue/items/${readId}`, headers: auth() }],
        };
      }
      return {
        url: gatewayUrl,
        requests: config.searchQueries.map((q) => ({
          method: 'GET' as const,
          path: searchPath(q),
          onResponse: () => onKeyword(q),
        })),
      };
    }

    /**
     * Latency without load: UNLOADED_REQUESTS requests on one connection, one at a time (after a warm-up of 50),
     * so no request waits behind another. The gap to the paced runs' latency is queueing.
     */
    async function unloaded(kind: 'baseline' | 'read' | 'search', pair: Scenario): Promise<UnloadedRow> {
      if (needsToken) token = await userToken(config.user);
      const { url, requests } = getTarget(kind, pair, () => undefined);
      // no rate: nothing for autocannon's coordinated-omission correction to do (it refuses the option then)
      const base: autocannon.Options = { url, connections: 1, timeout: 10, requests };
      await fire({ ...base, amount: 50 });
      const samples: number[] = [];
      let non2xx = 0;
      await fire({ ...base, amount: UNLOADED_REQUESTS }, (status, ms) => {
        if (status >= 200 && status < 300) samples.push(ms);
        else non2xx++;
      });
      const label = kind === 'baseline' ? `baseline (${pair})` : `gateway ${pair}`;
      return {
        scenario: label,
        kind,
        baselineOf: kind === 'baseline' ? pair : undefined,
        latencyMs: summarize(samples),
        non2xx,
      };
    }

    /** One measured run; `pair` is the scenario a baseline run is compared with (what its route answers). */
    async function measure(kind: Kind, rate: number, connections: number, pair: Scenario): Promise<Row> {
      if (needsToken) token = await userToken(config.user); // tokens live 300 s; each run gets a fresh one
      const createdIds: string[] = [];
      let recording = false; // only the measured run's items are traced to supervision, not the warm-up's
      let requests: autocannon.Request[];
      let url: string;
      let answered = ''; // the keyword of the search response being handed to the hook (see getTarget)
      if (kind !== 'write') {
        ({ url, requests } = getTarget(kind, pair, (q) => (answered = q)));
      } else {
        url = itemsUrl;
        const request: autocannon.Request = {
          method: 'POST',
          path: '/api/v1/catalogue/items',
          headers: { ...auth(), 'content-type': 'application/json' },
          body: draftBody('基准测试事项'),
          // A unique idempotency key per request: every request creates an item (and its outbox event).
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, 'idempotency-key': `bench-${runId}-${(keySeq++).toString(36)}` },
          }),
          onResponse: (status, body) => {
            if (recording && status === 201) createdIds.push(String((JSON.parse(body) as { id: string }).id));
          },
        };
        requests = [request];
      }
      const base: autocannon.Options = {
        url,
        connections,
        overallRate: rate,
        timeout: 10,
        // autocannon's own coordinated-omission correction back-fills with an interval of ceil(1/rate) ms (= 1 ms),
        // which adds ~latency-in-ms synthetic samples per response; the harness keeps exact samples itself.
        ignoreCoordinatedOmission: true,
        requests,
      };
      const label = {
        baseline: pair === 'search' ? 'baseline: bare Fastify search' : 'baseline: bare Fastify GET',
        read: 'gateway GET item',
        search: 'gateway GET search',
        write: 'gateway POST item',
      }[kind];
      process.stderr.write(`  ${label} @ ${rate}/s, ${connections} connections: `);
      if (config.warmupS > 0) {
        await fire({ ...base, duration: config.warmupS });
        process.stderr.write('warmed up, ');
      }
      recording = true;

      const samples: number[] = [];
      const keywordSamples = new Map<string, number[]>();
      const statusCodes: Record<string, number> = {};
      let responses = 0;
      sampler.start();
      cpu.start();
      const result = await fire({ ...base, duration: config.durationS }, (status, ms) => {
        responses++;
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
        if (status >= 200 && status < 300) {
          samples.push(ms);
          if (pair === 'search') {
            const list = keywordSamples.get(answered);
            if (list) list.push(ms);
            else keywordSamples.set(answered, [ms]);
          }
        }
      });
      const cpuUse = cpu.stop();
      const rssPeakMiB = sampler.stop();
      const ended = Date.now();
      const ok = samples.length;
      const row: Row = {
        scenario: label,
        kind,
        ...(kind === 'baseline' ? { baselineOf: pair } : {}),
        targetRate: rate,
        connections,
        durationS: result.duration,
        achievedRate: responses / result.duration,
        okRate: ok / result.duration,
        latencyMs: summarize(samples),
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: responses - ok,
        statusCodes,
        rssPeakMiB,
        cpu: cpuUse,
        ...(pair === 'search'
          ? { byKeyword: Object.fromEntries([...keywordSamples].map(([q, list]) => [q, summarize(list)])) }
          : {}),
      };
      process.stderr.write(
        `${fmt(row.achievedRate)}/s, p99 ${fmt(row.latencyMs.p99, 2)} ms, ${row.errors} errors, ${row.non2xx} non-2xx\n`,
      );
      if (kind === 'write') row.supervision = await supervisionLag(createdIds, ended);
      return row;
    }

    /** Waits (≤ 60 s) until supervision recorded the created items' events and reads their end-to-end lag. */
    async function supervisionLag(ids: string[], ended: number): Promise<SupervisionLag> {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
      const read = async () => {
        const docs: { aggregateId: string; occurredAt: Date; recordedAt: Date }[] = [];
        for (const chunk of chunks) {
          const found = await journal
            .find({ aggregateId: { $in: chunk } }, { projection: { aggregateId: 1, occurredAt: 1, recordedAt: 1 } })
            .toArray();
          docs.push(...(found as unknown as typeof docs));
        }
        return docs;
      };
      let docs = await read();
      let drainMs: number | null = null;
      const deadline = ended + 60_000;
      while (new Set(docs.map((d) => d.aggregateId)).size < ids.length && Date.now() < deadline) {
        await sleep(500);
        docs = await read();
      }
      const recorded = new Set(docs.map((d) => d.aggregateId)).size;
      if (recorded >= ids.length) {
        drainMs = Math.max(0, Math.max(...docs.map((d) => new Date(d.recordedAt).getTime()), ended) - ended);
      }
      const lag = summarize(docs.map((d) => new Date(d.recordedAt).getTime() - new Date(d.occurredAt).getTime()));
      process.stderr.write(
        `    supervision recorded ${recorded}/${ids.length}; lag p99 ${fmt(lag.p99, 0)} ms, drained ${drainMs === null ? 'NOT within 60 s' : `${drainMs} ms after the run`}\n`,
      );
      return { created: ids.length, recorded, lagMs: lag, drainMs };
    }

    const rows: Row[] = [];
    const withBaseline = async (kind: Scenario, rate: number) => {
      const connections = connectionsFor(kind, rate);
      const b = await measure('baseline', rate, connections, kind);
      b.baseline = { achievedRateRatio: 1, p99Ratio: 1 };
      const r = await measure(kind, rate, connections, kind);
      r.baseline = {
        achievedRateRatio: ratio(r.achievedRate, b.achievedRate),
        p99Ratio: ratio(r.latencyMs.p99, b.latencyMs.p99),
      };
      rows.push(b, r);
    };
    process.stderr.write(
      `benchmark ${runId}: ${config.scenarios.join(', ')}; ${config.durationS} s per run after ${config.warmupS} s warm-up${itemId ? `; read target ${itemId}` : ''}\n`,
    );
    const unloadedRows: UnloadedRow[] = [];
    for (const scenario of config.scenarios) {
      if (scenario !== 'write') {
        unloadedRows.push(await unloaded('baseline', scenario), await unloaded(scenario, scenario));
        const [b, r] = unloadedRows.slice(-2);
        process.stderr.write(
          `  unloaded (1 connection, ${UNLOADED_REQUESTS} requests one at a time): ${scenario} p50 ${fmt(r!.latencyMs.p50, 2)} ms, baseline p50 ${fmt(b!.latencyMs.p50, 2)} ms\n`,
        );
      }
      for (const rate of ratesOf(scenario)) await withBaseline(scenario, rate);
    }
    const itemsAfter = await catalogueItems.countDocuments({});
    const rssAfter = watched().map(readRss);

    // ---- report ---------------------------------------------------------------------------------------------------
    const finishedAt = new Date();
    const cpuModel =
      /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
    const memAvailable = /^MemAvailable:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1];
    const machine = {
      nproc: os.availableParallelism(),
      cpuModel,
      memTotalGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      memAvailableGiBAtEnd: memAvailable ? Math.round((Number(memAvailable) / 2 ** 20) * 10) / 10 : null,
      node: process.version,
      kernel: os.release(),
      loadavgAtStart,
      loadavgAtEnd: os.loadavg(),
    };

    out();
    out(`GovHall benchmark ${finishedAt.toISOString()} — ${machine.nproc} CPUs (${cpuModel}), Node ${machine.node}`);
    for (const n of notes) out(`- ${n}`);
    if (selected('read')) out(`- read target: GET /api/v1/catalogue/items/${itemId} as ${config.user}`);
    if (selected('write')) out(`- writes: POST /api/v1/catalogue/items as ${config.user}`);
    if (selected('search')) {
      out(
        `- search: GET /api/v1/catalogue/search?q=<keyword>, no token, each connection cycling through ${config.searchQueries.length} keywords; the baseline answers each keyword with the same page`,
      );
    }
    out(`- catalogue items in ${catalogueDb}.items: ${itemsBefore} before, ${itemsAfter} after`);
    out(`- latency in ms over 2xx responses; ratios against the baseline at the same target rate, same run`);
    out();
    out(
      markdownTable(
        [
          'scenario',
          'target/s',
          'conns',
          'achieved/s',
          'p50',
          'p90',
          'p99',
          'max',
          'errors',
          'non-2xx',
          'rate ×',
          'p99 ×',
        ],
        rows.map((r) => [
          r.scenario,
          String(r.targetRate),
          String(r.connections),
          fmt(r.achievedRate),
          fmt(r.latencyMs.p50, 2),
          fmt(r.latencyMs.p90, 2),
          fmt(r.latencyMs.p99, 2),
          fmt(r.latencyMs.max, 2),
          String(r.errors),
          String(r.non2xx),
          r.kind === 'baseline' ? '1' : fmt(r.baseline?.achievedRateRatio, 2),
          r.kind === 'baseline' ? '1' : fmt(r.baseline?.p99Ratio, 1),
        ]),
      ),
    );
    if (unloadedRows.length) {
      out();
      out(`Unloaded latency (one connection, ${UNLOADED_REQUESTS} requests one at a time, ms):`);
      out();
      out(
        markdownTable(
          ['scenario', 'p50', 'p90', 'p99', 'max', 'non-2xx'],
          unloadedRows.map((r) => [
            r.scenario,
            fmt(r.latencyMs.p50, 2),
            fmt(r.latencyMs.p90, 2),
            fmt(r.latencyMs.p99, 2),
            fmt(r.latencyMs.max, 2),
            String(r.non2xx),
          ]),
        ),
      );
    }
    if (searchProbes.length) {
      out();
      out('Search keywords (what every request of the search runs got back; page size 20):');
      out();
      out(
        markdownTable(
          ['keyword', 'total hits', 'on the page', 'bytes', 'best match'],
          searchProbes.map((p) => [p.q, String(p.total), String(p.returned), String(p.bytes), p.first]),
        ),
      );
    }
    const searches = rows.filter((r) => r.kind === 'search' && r.byKeyword);
    if (searches.length) {
      out();
      out('Gateway search latency per keyword (ms, 2xx responses; p50 / p99 at each target rate):');
      out();
      out(
        markdownTable(
          ['keyword', ...searches.map((r) => `@ ${r.targetRate}/s`)],
          config.searchQueries.map((q) => [
            q,
            ...searches.map((r) => {
              const l = r.byKeyword![q];
              return l ? `${fmt(l.p50, 2)} / ${fmt(l.p99, 2)}` : '—';
            }),
          ]),
        ),
      );
    }
    const writes = rows.filter((r) => r.supervision);
    if (writes.length) {
      out();
      out('Outbox → Kafka → supervision (recordedAt − occurredAt of each created item’s event, ms):');
      out();
      out(
        markdownTable(
          ['write run', 'created', 'recorded', 'lag p50', 'lag p99', 'lag max', 'drained after run'],
          writes.map((r) => [
            `POST @ ${r.targetRate}/s`,
            String(r.supervision!.created),
            String(r.supervision!.recorded),
            fmt(r.supervision!.lagMs.p50, 0),
            fmt(r.supervision!.lagMs.p99, 0),
            fmt(r.supervision!.lagMs.max, 0),
            r.supervision!.drainMs === null ? 'not within 60 s' : `${r.supervision!.drainMs} ms`,
          ]),
        ),
      );
    }
    const cpuNames = [...new Set(rows.flatMap((r) => Object.keys(r.cpu.processPctOfOneCore)))];
    out();
    out(
      'CPU during each measured run (% of one core per process tree; machine = busy % of all cores; unattributed = ' +
        'busy time outside the watched processes, i.e. other work on the machine):',
    );
    out();
    out(
      markdownTable(
        ['run', 'machine', ...cpuNames, 'unattributed'],
        rows.map((r) => [
          `${r.kind === 'baseline' ? `baseline (${r.baselineOf})` : r.kind} @ ${r.targetRate}/s`,
          `${fmt(r.cpu.machineBusyPct, 0)}%`,
          ...cpuNames.map((n) => fmt(r.cpu.processPctOfOneCore[n], 0)),
          fmt(r.cpu.unattributedPctOfOneCore, 0),
        ]),
      ),
    );
    const peak = (name: string) => Math.max(0, ...rows.map((r) => r.rssPeakMiB[name] ?? 0));
    const after = new Map(rssAfter.map((r) => [r.name, r]));
    out();
    out('RSS (MiB; /proc/<pid>/status, process tree; HWM = VmHWM, peak since the process started):');
    out();
    out(
      markdownTable(
        ['process', 'pid', 'before', 'peak sampled', 'after', 'HWM after'],
        rssBefore.map((b: RssReading) => [
          b.name,
          String(b.pid),
          fmt(b.rssMiB),
          fmt(peak(b.name)),
          fmt(after.get(b.name)?.rssMiB),
          fmt(after.get(b.name)?.hwmMiB),
        ]),
      ),
    );

    const dir = path.join(config.stateDir, 'bench');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    const report = {
      startedAt,
      finishedAt,
      command: `${process.argv0} ${process.argv.slice(1).join(' ')}`,
      machine,
      config: {
        ...config,
        connections: 'max(8, ceil(rate / 25)) for reads and searches, max(8, ceil(rate / 5)) for writes',
      },
      notes,
      readTarget: itemId ?? null,
      seed: seeded ?? null,
      searchKeywords: searchProbes,
      catalogueItems: { before: itemsBefore, after: itemsAfter },
      unloaded: unloadedRows,
      results: rows,
      rss: { before: rssBefore, after: rssAfter },
    };
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    out();
    out(`results: ${path.relative(process.cwd(), file) || file}`);
  } finally {
    await cleanup();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nbench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
