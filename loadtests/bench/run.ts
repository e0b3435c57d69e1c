// GovHall benchmark harness (quality.md, "Fast"): fixed-rate autocannon runs against 127.0.0.1 only, reported as
// absolute figures AND as ratios against a baseline measured in the same run (a bare Fastify route, same machine,
// same Node). No timing assertions: it exits non-zero only when the harness itself cannot run.
//
//   pnpm --filter @govhall/loadtests bench     (needs: pnpm build, the local stack; supervision for `write`)
//   BENCH_SCENARIOS=search pnpm --filter @govhall/loadtests bench       (only the public search)
//
// The modules: config.ts (this environment), processes.ts (what must run, what the harness starts and stops),
// scenarios/ (read.ts, search.ts, write.ts: what each prepares and requests, and its baseline), load.ts (paced and
// unloaded autocannon runs, CPU and RSS metered), report.ts (ratios against the baseline, the printed tables, the
// JSON file), lib.ts (percentiles, /proc readings, Markdown tables). This file runs them in order.
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
// SUPERVISION_DB [govhall_supervision], GOVHALL_STATE [<repo>/.stack], BENCH_INTROSPECTION [on] (off: the
// harness's gateway does not introspect user tokens at Keycloak, to measure what ADR 0015's check costs),
// BENCH_INTROSPECTION_CACHE_MS [0] (the gateway's KEYCLOAK_INTROSPECTION_CACHE_MS),
// MONGODB_URI / KAFKA_BROKERS / KEYCLOAK_URL / KEYCLOAK_REALM as for the tests.
// Results: $GOVHALL_STATE/bench/<timestamp>.json.
import * as os from 'node:os';
import * as path from 'node:path';
import { MongoClient, REPO_ROOT, stack, userToken } from '@govhall/testing';
import { CONNECTIONS_RULE, connectionsFor, ratesOf, readConfig, type ScenarioName } from './config.ts';
import { CpuMeter, RssSampler, fmt, readRss } from './lib.ts';
import { pacedRun, unloadedRun } from './load.ts';
import {
  Started,
  catalogueUnderTest,
  checkRateLimit,
  gatewayUnderTest,
  preflight,
  startBaseline,
  watchedProcesses,
} from './processes.ts';
import {
  UNLOADED_REQUESTS,
  compareWithBaseline,
  machineInfo,
  renderReport,
  writeReport,
  type Row,
  type UnloadedRow,
} from './report.ts';
import { readScenario } from './scenarios/read.ts';
import type { Scenario, ScenarioContext } from './scenarios/scenario.ts';
import { searchScenario } from './scenarios/search.ts';
import { writeScenario } from './scenarios/write.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = readConfig(process.env, REPO_ROOT);
  const selected = (s: ScenarioName) => config.scenarios.includes(s);
  const startedAt = new Date();
  const runId = startedAt.getTime().toString(36);
  const started = new Started();
  const mongo = new MongoClient(stack.mongoUri);
  await mongo.connect();
  started.onStop(() => mongo.close());
  process.once('SIGINT', () => void started.stopAll().then(() => process.exit(130)));
  process.once('SIGTERM', () => void started.stopAll().then(() => process.exit(143)));

  try {
    // ---- the processes: what must run, what the harness starts --------------------------------------------------
    preflight(config);
    const notes: string[] = [`scenarios: ${config.scenarios.join(', ')}`];
    const catalogue = await catalogueUnderTest(config, runId, mongo, started, notes, { seed: selected('search') });
    const gateway = await gatewayUnderTest(config, catalogue.addr, started, notes);

    // ---- the scenarios: prepared (read target, search probes) before the baseline starts ------------------------
    // Search is public: a search-only run needs no token (nor Keycloak's token endpoint).
    const token = async () => userToken(config.user);
    const ctx: ScenarioContext = { config, runId, gatewayUrl: gateway.url, token, mongo, notes };
    const read = selected('read') ? readScenario(ctx) : undefined;
    const search = selected('search') ? searchScenario(ctx) : undefined;
    const byName: Record<ScenarioName, () => Scenario> = {
      read: () => read!,
      search: () => search!,
      write: () => writeScenario(ctx),
    };
    const scenarios = config.scenarios.map((name) => byName[name]());
    for (const s of scenarios) await s.prepare();
    const planned = Math.max(...config.scenarios.flatMap((s) => ratesOf(config, s))) * 60;
    const warning = await checkRateLimit(config, gateway.url, planned, notes);
    if (warning) out(warning);

    const baseline = await startBaseline(started, runId, search?.baselinePages?.());

    // ---- processes watched for RSS and CPU ----------------------------------------------------------------------
    const watched = watchedProcesses(config.stateDir, {
      gateway: gateway.process,
      catalogue: catalogue.process,
      baseline: baseline.process,
    });
    const rssBefore = watched().map(readRss);
    const loadavgAtStart = os.loadavg();
    if (loadavgAtStart[0]! > os.availableParallelism()) {
      const busy = `WARNING: load average ${loadavgAtStart.map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs before the runs: something else is busy; figures will be disturbed`;
      process.stderr.write(`${busy}\n`);
      notes.push(busy);
    }
    const meters = { rss: new RssSampler(watched), cpu: new CpuMeter(watched) };

    // ---- the runs: per scenario, unloaded first (read, search), then baseline and gateway at each rate ----------
    // FerretDB's SQLite backend scanned the collection for most queries: the size matters, and the writes grow it.
    const catalogueItems = mongo.db(catalogue.database).collection('items');
    const itemsBefore = await catalogueItems.countDocuments({});
    const target = read?.target();
    process.stderr.write(
      `benchmark ${runId}: ${config.scenarios.join(', ')}; ${config.durationS} s per run after ${config.warmupS} s warm-up${target ? `; read target ${target}` : ''}\n`,
    );
    const durations = { durationS: config.durationS, warmupS: config.warmupS };
    const unloadedRows: UnloadedRow[] = [];
    const rows: Row[] = [];
    for (const s of scenarios) {
      if (s.unloaded) {
        const b = await unloadedRun(`baseline (${s.name})`, 'baseline', s.name, s.baseline(baseline.url));
        const r = await unloadedRun(`gateway ${s.name}`, s.name, s.name, await s.gateway(false));
        unloadedRows.push(b, r);
        process.stderr.write(
          `  unloaded (1 connection, ${UNLOADED_REQUESTS} requests one at a time): ${s.name} p50 ${fmt(r.latencyMs.p50, 2)} ms, baseline p50 ${fmt(b.latencyMs.p50, 2)} ms\n`,
        );
      }
      for (const rate of ratesOf(config, s.name)) {
        const pace = { rate, connections: connectionsFor(s.name, rate), pair: s.name, ...durations };
        const b = await pacedRun(
          { ...pace, scenario: s.baselineLabel, kind: 'baseline', load: () => s.baseline(baseline.url) },
          meters,
        );
        const r = await pacedRun({ ...pace, scenario: s.label, kind: s.name, load: (m) => s.gateway(m) }, meters);
        if (s.afterRun) await s.afterRun(r.row, r.endedAt);
        rows.push(...compareWithBaseline(b.row, r.row));
      }
    }
    const itemsAfter = await catalogueItems.countDocuments({});
    const rssAfter = watched().map(readRss);

    // ---- the report ---------------------------------------------------------------------------------------------
    const report = {
      startedAt,
      finishedAt: new Date(),
      command: `${process.argv0} ${process.argv.slice(1).join(' ')}`,
      machine: machineInfo(loadavgAtStart),
      config: { ...config, connections: CONNECTIONS_RULE },
      notes,
      readTarget: target ?? null,
      seed: catalogue.seed ?? null,
      searchKeywords: search?.probes() ?? [],
      catalogueItems: { database: catalogue.database, before: itemsBefore, after: itemsAfter },
      unloaded: unloadedRows,
      results: rows,
      rss: { before: rssBefore, after: rssAfter },
    };
    out(renderReport(report));
    const file = writeReport(report);
    out();
    out(`results: ${path.relative(process.cwd(), file) || file}`);
  } finally {
    await started.stopAll();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nbench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
