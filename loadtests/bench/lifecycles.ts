// The cases benchmark (issue 10, "Done when"): full case lifecycles through the gateway — open → upload the required
// materials (small real PDFs) → upload complete → submit → accept → 审查 → decision → result → electronic delivery —
// of the seed's 食品经营许可 (workflow 受理/window_clerk → 审查/reviewer → 决定/approver → 制证送达/window_clerk), each
// request with its actor's own token, started at fixed rates of lifecycles per second with many in flight; every
// event consumed by supervision. Each gateway run is paired with a baseline run at the same rate in the same phase:
// the same requests per lifecycle, one after the other, against a bare Fastify route. Then 1,000,000 real case
// documents are bulk-loaded into the cases database, the applications process restarted, and the same rates run
// again. No timing assertions: it exits non-zero only when it cannot run.
//
//   pnpm --filter @govhall/loadtests bench:cases      (needs: pnpm build, the local stack; nothing else running)
//
// Everything under test is started by the harness, each its own OS process on a free port and a scratch database
// dropped at the end (cases/stack.ts): identity (tenant tree seeded; clerk, reviewer, approver, a window with the
// clerk at its A post, and applicants, all through its API), the catalogue (食品经营许可 published through its
// review), supervision and applications (consumer groups starting at the topics' end), and a gateway.
//
// Environment: CASES_RATES [5,10,20,50] lifecycles/s, escalated in order and stopped after the first saturated run
// (CASES_ALL_RATES=1 runs them all); CASES_DURATION_S [30] per run; CASES_BULK [1000000] cases bulk-loaded before
// the second phase (0: no second phase); CASES_BULK_SQL [1]: beyond the first 18,000, PostgreSQL copies the bulk
// cases (cases/bulk-sql.ts; FERRETDB_POSTGRESQL_URL [postgres://postgres@127.0.0.1:55432/ferretdb]);
// CASES_APPLICANTS [20] registered applicants taking turns;
// CASES_MAX_IN_FLIGHT [600] lifecycles; BENCH_INTROSPECTION [on] and BENCH_INTROSPECTION_CACHE_MS [0] (the
// gateway's token introspection, ADR 0015); BENCH_LOG_LEVEL [warn] of the processes the harness starts;
// CASES_CPU_PROFILE_DIR [none]: applications and the gateway write V8 CPU profiles (--cpu-prof) there when they stop
// (applications also when it is restarted before the second phase);
// GOVHALL_STATE [<repo>/.stack]; BENCH_STACK_STATE [GOVHALL_STATE]: where the stack's pid files are (CPU and RSS),
// when the stack was started from another clone; MONGODB_URI / KAFKA_BROKERS / KEYCLOAK_URL as for the tests.
// Results: $GOVHALL_STATE/bench/cases-<timestamp>.json. Supervision's clock lag (event occurred → clock updated,
// issue 12's target p99 < 2 s) is read from its metrics endpoint around each gateway run (cases/clock-lag.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MongoClient, REPO_ROOT, stack } from '@govhall/testing';
import { ferretdbPostgresUrl, loadBulkCases, readTemplates } from './cases/bulk.ts';
import { histogramDelta, scrapeClockLag, storeClockLag, summarizeClockLag, type ClockLag } from './cases/clock-lag.ts';
import { supervisionLag } from './cases/lag.ts';
import {
  TokenCache,
  baselineLifecycle,
  gatewayLifecycle,
  lifecycleKinds,
  preparedLifecycle,
  type LifecycleContext,
  type StopAfter,
} from './cases/lifecycle.ts';
import { runPaced, type PaceOptions } from './cases/pace.ts';
import {
  compareWithBaseline,
  renderCasesReport,
  UNLOADED_PHASE,
  saturated,
  summarizeRun,
  writeCasesReport,
  type CasesReport,
  type CasesRun,
} from './cases/report.ts';
import { startCasesStack } from './cases/stack.ts';
import { CpuMeter, RssSampler, fmt, intEnv, readRss, stackProcesses, type ProcessRef } from './lib.ts';
import { Started, startBaseline } from './processes.ts';
import { machineInfo } from './report.ts';

/** The unloaded run: 5 lifecycles, one every 6 s (a lifecycle takes ~1–3 s alone). */
const UNLOADED = { rate: 1 / 6, durationS: 30 };

const log = (line: string) => process.stderr.write(`${line}\n`);

function readSettings(env: NodeJS.ProcessEnv) {
  const rates = (env.CASES_RATES ?? '5,10,20,50').split(',').map((s) => Number(s.trim()));
  if (rates.some((r) => !Number.isInteger(r) || r < 1 || r > 500))
    throw new Error(`bad CASES_RATES ${env.CASES_RATES}`);
  return {
    rates,
    allRates: env.CASES_ALL_RATES === '1',
    durationS: intEnv('CASES_DURATION_S', 30, 5, 120),
    bulk: intEnv('CASES_BULK', 1_000_000, 0, 2_000_000),
    // On the local store the bulk cases beyond the first 18,000 are copied inside PostgreSQL (cases/bulk-sql.ts).
    bulkSql: env.CASES_BULK_SQL !== '0',
    applicants: intEnv('CASES_APPLICANTS', 20, 1, 200),
    maxInFlight: intEnv('CASES_MAX_IN_FLIGHT', 600, 1, 5_000),
    introspection: env.BENCH_INTROSPECTION !== 'off',
    introspectionCacheMs: String(intEnv('BENCH_INTROSPECTION_CACHE_MS', 0, 0, 60_000)),
    logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
    cpuProfileDir: env.CASES_CPU_PROFILE_DIR || undefined,
    stateDir: env.GOVHALL_STATE ?? path.join(REPO_ROOT, '.stack'),
    // The stack's pid files, when it was started from another clone (a worktree sharing the local stack).
    stackStateDir: env.BENCH_STACK_STATE || (env.GOVHALL_STATE ?? path.join(REPO_ROOT, '.stack')),
  };
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const startedAt = new Date();
  const runId = startedAt.getTime().toString(36);
  const started = new Started();
  const mongo = new MongoClient(stack.mongoUri);
  await mongo.connect();
  started.onStop(() => mongo.close());
  // An interrupted run stops its bulk load first, so the scratch database it drops is not made again by a batch.
  const interrupted = new AbortController();
  const stop = (code: number) => {
    interrupted.abort();
    void started.stopAll().then(() => process.exit(code));
  };
  process.once('SIGINT', () => stop(130));
  process.once('SIGTERM', () => stop(143));
  for (const entry of [
    'gateway/dist/server.js',
    'services/applications/dist/main.js',
    'services/catalogue/dist/main.js',
    'services/identity/dist/main.js',
    'services/supervision/dist/main.js',
  ]) {
    if (!fs.existsSync(path.join(REPO_ROOT, entry))) throw new Error(`${entry} is missing: run 'pnpm build' first`);
  }

  try {
    // ---- the processes and what they need ---------------------------------------------------------------------
    const cases = await startCasesStack({ ...settings, runId }, mongo, started);
    const notes = [...cases.notes];
    const tokens = new TokenCache();
    const ctx: LifecycleContext = {
      base: cases.gatewayUrl,
      itemId: cases.itemId,
      materials: cases.requiredMaterials,
      tokens,
      applicants: cases.applicants,
      clerk: cases.clerk,
      reviewer: cases.reviewer,
      approver: cases.approver,
      runId,
    };
    // Cases stored, counted once while the collection is small, then kept by the harness: FerretDB 1.x answers a
    // count by decoding every document (a minute at 20,000 cases, on the database the runs measure).
    const countCases = () => mongo.db(cases.databases.applications).collection('cases').countDocuments({});

    // ---- the probe: one lifecycle, and the templates of the bulk load (a case stopped in each state) ----------
    log('probe lifecycle …');
    const probe = await preparedLifecycle(ctx, 0);
    const caseFile = path.join(os.tmpdir(), `govhall-cbench-${runId}-case.json`);
    fs.writeFileSync(caseFile, JSON.stringify(probe.last));
    started.onStop(() => fs.rmSync(caseFile, { force: true }));
    const templateIds: Record<string, string> = { delivered: probe.caseId };
    const stops: [string, StopAfter][] = [
      ['draft', 'open'],
      ['pre_review', 'submit'],
      ['processing', 'accept'],
      ['approved', 'decision'],
      ['completed', 'result'],
    ];
    for (const [status, stopAfter] of stops) {
      templateIds[status] = (await preparedLifecycle(ctx, 1, stopAfter)).caseId;
    }
    const kinds = lifecycleKinds(cases.requiredMaterials);
    notes.push(
      `a lifecycle: ${kinds.length} requests (${kinds.join(', ')}); ${cases.requiredMaterials.length} required materials (${cases.requiredMaterials.join(', ')}), one small real PDF each; ${cases.applicants.length} applicants take turns; tokens fetched again after 240 s`,
    );

    const baseline = await startBaseline(started, runId, undefined, { CASE_FILE: caseFile });
    const baselineToken = await tokens.get(cases.applicants[0]!);

    // ---- watched processes --------------------------------------------------------------------------------------
    const watched = (): ProcessRef[] => [
      ...stackProcesses(settings.stackStateDir),
      ...Object.entries(cases.pids()).map(([name, pid]) => ({ name, pid })),
      baseline.process,
      { name: 'harness (load)', pid: process.pid, tree: false },
    ];
    const rssBefore = watched().map(readRss);
    const loadavg = os.loadavg();
    if (loadavg[0]! > os.availableParallelism()) {
      const busy = `WARNING: load average ${loadavg.map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs before the runs: something else is busy; figures will be disturbed`;
      log(busy);
      notes.push(busy);
    }
    const meters = { rss: new RssSampler(watched), cpu: new CpuMeter(watched) };
    const runs: CasesRun[] = [];
    let nextN = 10;
    let stored = await countCases();

    const paced = async (
      phase: string,
      kind: 'baseline' | 'gateway',
      rate: number,
      lifecycle: PaceOptions['lifecycle'],
      durationS = settings.durationS,
    ): Promise<CasesRun> => {
      const storedCases = stored;
      process.stderr.write(`  ${phase}: ${kind} @ ${rate} lifecycles/s for ${durationS} s … `);
      const clockBefore = kind === 'gateway' ? await scrapeClockLag(cases.supervisionMetricsUrl) : null;
      meters.rss.start();
      meters.cpu.start();
      const raw = await runPaced({
        rate,
        durationS,
        maxInFlight: settings.maxInFlight,
        drainTimeoutMs: 120_000,
        lifecycle,
        firstN: nextN,
      });
      nextN += raw.offered;
      if (kind === 'gateway') stored += raw.started;
      const cpu = meters.cpu.stop();
      const rssPeakMiB = meters.rss.stop();
      const endedAt = Date.now();
      const lag =
        kind === 'gateway' ? await supervisionLag(mongo, cases.databases.supervision, raw.cases, endedAt) : undefined;
      let clockLag: ClockLag | undefined;
      if (kind === 'gateway') {
        // the matters of the run's cases at their last version first, so the scrape holds every event of the run
        const store = await storeClockLag(mongo, cases.databases.supervision, raw.cases);
        const after = await scrapeClockLag(cases.supervisionMetricsUrl);
        clockLag = { metrics: summarizeClockLag(after ? histogramDelta(after, clockBefore) : null), store };
      }
      const run = summarizeRun(raw, {
        phase,
        storedCases,
        kind,
        cpu,
        rssPeakMiB,
        ...(lag ? { lag } : {}),
        ...(clockLag ? { clockLag } : {}),
      });
      process.stderr.write(
        `${fmt(run.achievedPerS, 1)}/s achieved, ${run.ok} ok, ${run.failed} failed, lifecycle p50 ${fmt(run.lifecycleMs.p50, 0)} ms p99 ${fmt(run.lifecycleMs.p99, 0)} ms${lag ? `; supervision lag p99 ${fmt(lag.lagMs.p99, 0)} ms (${lag.complete}/${lag.cases} complete)` : ''}${clockLag?.metrics ? `; clock lag p99 ${fmt(clockLag.metrics.p99Ms, 0)} ms ${clockLag.metrics.pass ? 'PASS' : 'FAIL'}` : ''}\n`,
      );
      if (run.errors.length) log(`    first failure: ${run.errors[0]}`);
      return run;
    };

    const phaseRuns = async (phase: string, rates: number[]): Promise<number[]> => {
      // warm-up: a few lifecycles at 2/s (JIT, connection pools, token fetches), not measured
      await runPaced({
        rate: 2,
        durationS: 5,
        maxInFlight: 50,
        drainTimeoutMs: 60_000,
        lifecycle: (n, r) => gatewayLifecycle(ctx, n, r),
        firstN: nextN,
      });
      nextN += 10;
      const ran: number[] = [];
      for (const rate of rates) {
        const b = await paced(phase, 'baseline', rate, (n, r) =>
          baselineLifecycle({ ...ctx, baselineUrl: baseline.url, token: baselineToken }, n, r),
        );
        const g = await paced(phase, 'gateway', rate, (n, r) => gatewayLifecycle(ctx, n, r));
        runs.push(b, compareWithBaseline(b, g));
        ran.push(rate);
        if (!settings.allRates && saturated(g)) {
          log(`  saturated at ${rate}/s: not escalating further`);
          break;
        }
      }
      return ran;
    };

    // ---- unloaded: lifecycles one at a time (every 6 s), so each request's latency is its service time -------------
    const unloaded = await paced(
      `${UNLOADED_PHASE}: one lifecycle at a time`,
      'gateway',
      UNLOADED.rate,
      (n, r) => gatewayLifecycle(ctx, n, r),
      UNLOADED.durationS,
    );
    runs.push(unloaded);

    // ---- phase 1: the cases this run made ----------------------------------------------------------------------
    const ran = await phaseRuns(`store: ${stored.toLocaleString('en')} cases`, settings.rates);

    // ---- phase 2: 1,000,000 cases bulk-loaded, applications restarted --------------------------------------------
    let bulk = null as CasesReport['bulk'];
    if (settings.bulk > 0) {
      log(`bulk-loading ${settings.bulk.toLocaleString('en')} cases into ${cases.databases.applications} …`);
      const templates = await readTemplates(mongo, cases.databases.applications, templateIds);
      const indexing = { seconds: 0 };
      await cases.withApplicationsStopped(async () => {
        const loaded = await loadBulkCases(mongo, cases.databases.applications, templates, settings.bulk, runId, {
          signal: interrupted.signal,
          postgresUrl: settings.bulkSql ? ferretdbPostgresUrl() : undefined,
        });
        bulk = { documents: settings.bulk, ...loaded, indexSeconds: 0 };
        log(
          `  ${fmt(loaded.perSecond, 0)} documents/s, ${fmt(loaded.seconds, 0)} s; starting applications (it creates its indexes) …`,
        );
        indexing.seconds = performance.now();
      });
      bulk!.indexSeconds = (performance.now() - indexing.seconds) / 1000;
      log(`  applications up again after ${fmt(bulk!.indexSeconds, 0)} s`);
      stored += settings.bulk;
      await phaseRuns(`store: ${stored.toLocaleString('en')} cases (bulk-loaded)`, ran);
    }

    // ---- the report ---------------------------------------------------------------------------------------------
    const report: CasesReport = {
      startedAt,
      finishedAt: new Date(),
      command: `${process.argv0} ${process.argv.slice(1).join(' ')}`,
      machine: machineInfo(loadavg),
      settings,
      notes,
      bulk,
      runs,
      rss: { before: rssBefore, after: watched().map(readRss) },
    };
    process.stdout.write(`${renderCasesReport(report)}\n`);
    const file = writeCasesReport(report, settings.stateDir);
    process.stdout.write(`\nresults: ${path.relative(process.cwd(), file) || file}\n`);
  } finally {
    log('stopping the processes and dropping the scratch databases …');
    await started.stopAll();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nbench:cases: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
