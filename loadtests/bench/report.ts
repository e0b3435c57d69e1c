// The benchmark's report: every run paired with the baseline measured just before it in the same go (ratios),
// printed as Markdown tables and written as JSON to $GOVHALL_STATE/bench/<timestamp>.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchConfig, Kind, ScenarioName } from './config.ts';
import { fmt, markdownTable, ratio, type LatencySummary, type RssReading } from './lib.ts';

export interface CpuUse {
  machineBusyPct: number;
  processPctOfOneCore: Record<string, number>;
  unattributedPctOfOneCore: number;
}

export interface SupervisionLag {
  created: number;
  recorded: number;
  /** recordedAt − occurredAt per event (outbox → Kafka → supervision's journal), ms. */
  lagMs: LatencySummary;
  /** From the end of the write run until supervision had recorded every created item, ms (null: timed out). */
  drainMs: number | null;
}

/** One paced run (autocannon at a fixed rate). */
export interface Row {
  scenario: string;
  kind: Kind;
  /** Of a baseline row: the scenario it is the baseline of. */
  baselineOf?: ScenarioName;
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
  cpu: CpuUse;
  supervision?: SupervisionLag;
  /** Of search runs and their baselines: latency of the 2xx responses per keyword, ms. */
  byKeyword?: Record<string, LatencySummary>;
}

/** Requests of each unloaded latency measurement. */
export const UNLOADED_REQUESTS = 300;

/** Latency without load: one connection, one request at a time. */
export interface UnloadedRow {
  scenario: string;
  kind: Kind;
  baselineOf?: ScenarioName;
  latencyMs: LatencySummary;
  non2xx: number;
}

export interface SearchProbe {
  q: string;
  /** Published items matching the keyword. */
  total: number;
  /** Items on the first page (what every request of the run returns). */
  returned: number;
  bytes: number;
  /** Name of the best match. */
  first: string;
}

export interface SeedReport {
  database: string;
  /** What the seed printed (its count of published items and departments). */
  output: string;
  ms: number;
  /** Items of status `published` in the scratch database afterwards: what the search index loads at start. */
  published: number;
}

export interface Machine {
  nproc: number;
  cpuModel: string | undefined;
  memTotalGiB: number;
  memAvailableGiBAtEnd: number | null;
  node: string;
  kernel: string;
  loadavgAtStart: number[];
  loadavgAtEnd: number[];
}

/** What a run writes to its JSON file, and all the printed report is made of. */
export interface BenchReport {
  startedAt: Date | string;
  finishedAt: Date | string;
  command: string;
  machine: Machine;
  config: BenchConfig & { connections: string };
  notes: string[];
  readTarget: string | null;
  seed: SeedReport | null;
  searchKeywords: SearchProbe[];
  /** Items in the catalogue database the runs used (`database`: absent in files written before it was recorded). */
  catalogueItems: { database?: string; before: number; after: number };
  unloaded: UnloadedRow[];
  results: Row[];
  rss: { before: RssReading[]; after: RssReading[] };
}

/**
 * Compares a scenario's run with the baseline run at the same target rate in the same go: the achieved-rate ratio
 * (how much of the bare route's throughput the gateway reached) and the p99 ratio. Sets both rows' `baseline`.
 */
export function compareWithBaseline(baseline: Row, row: Row): [Row, Row] {
  baseline.baseline = { achievedRateRatio: 1, p99Ratio: 1 };
  row.baseline = {
    achievedRateRatio: ratio(row.achievedRate, baseline.achievedRate),
    p99Ratio: ratio(row.latencyMs.p99, baseline.latencyMs.p99),
  };
  return [baseline, row];
}

/** The machine the run was on (Linux: /proc/cpuinfo and /proc/meminfo). */
export function machineInfo(loadavgAtStart: number[]): Machine {
  const cpuModel =
    /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  const memAvailable = /^MemAvailable:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1];
  return {
    nproc: os.availableParallelism(),
    cpuModel,
    memTotalGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    memAvailableGiBAtEnd: memAvailable ? Math.round((Number(memAvailable) / 2 ** 20) * 10) / 10 : null,
    node: process.version,
    kernel: os.release(),
    loadavgAtStart,
    loadavgAtEnd: os.loadavg(),
  };
}

const latencyCells = (l: LatencySummary) => [fmt(l.p50, 2), fmt(l.p90, 2), fmt(l.p99, 2), fmt(l.max, 2)];

/** The printed report: the runs against their baselines, then the tables of each measurement that was made. */
export function renderReport(report: BenchReport): string {
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  const { config, machine } = report;
  const selected = (s: ScenarioName) => config.scenarios.includes(s);
  const rows = report.results;

  out();
  out(
    `GovHall benchmark ${new Date(report.finishedAt).toISOString()} — ${machine.nproc} CPUs (${machine.cpuModel}), Node ${machine.node}`,
  );
  for (const n of report.notes) out(`- ${n}`);
  if (selected('read')) out(`- read target: GET /api/v1/catalogue/items/${report.readTarget} as ${config.user}`);
  if (selected('write')) out(`- writes: POST /api/v1/catalogue/items as ${config.user}`);
  if (selected('search')) {
    out(
      `- search: GET /api/v1/catalogue/search?q=<keyword>, no token, each connection cycling through ${config.searchQueries.length} keywords; the baseline answers each keyword with the same page`,
    );
  }
  const database = report.catalogueItems.database ?? config.catalogueDb;
  out(
    `- catalogue items in ${database}.items: ${report.catalogueItems.before} before, ${report.catalogueItems.after} after`,
  );
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
        ...latencyCells(r.latencyMs),
        String(r.errors),
        String(r.non2xx),
        r.kind === 'baseline' ? '1' : fmt(r.baseline?.achievedRateRatio, 2),
        r.kind === 'baseline' ? '1' : fmt(r.baseline?.p99Ratio, 1),
      ]),
    ),
  );
  if (report.unloaded.length) {
    out();
    out(`Unloaded latency (one connection, ${UNLOADED_REQUESTS} requests one at a time, ms):`);
    out();
    out(
      markdownTable(
        ['scenario', 'p50', 'p90', 'p99', 'max', 'non-2xx'],
        report.unloaded.map((r) => [r.scenario, ...latencyCells(r.latencyMs), String(r.non2xx)]),
      ),
    );
  }
  if (report.searchKeywords.length) {
    out();
    out('Search keywords (what every request of the search runs got back; page size 20):');
    out();
    out(
      markdownTable(
        ['keyword', 'total hits', 'on the page', 'bytes', 'best match'],
        report.searchKeywords.map((p) => [p.q, String(p.total), String(p.returned), String(p.bytes), p.first]),
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
  const after = new Map(report.rss.after.map((r) => [r.name, r]));
  out();
  out('RSS (MiB; /proc/<pid>/status, process tree; HWM = VmHWM, peak since the process started):');
  out();
  out(
    markdownTable(
      ['process', 'pid', 'before', 'peak sampled', 'after', 'HWM after'],
      report.rss.before.map((b) => [
        b.name,
        String(b.pid),
        fmt(b.rssMiB),
        fmt(peak(b.name)),
        fmt(after.get(b.name)?.rssMiB),
        fmt(after.get(b.name)?.hwmMiB),
      ]),
    ),
  );
  return lines.join('\n');
}

/** Writes the report to <stateDir>/bench/<startedAt>.json; returns the file's path. */
export function writeReport(report: BenchReport): string {
  const dir = path.join(report.config.stateDir, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date(report.startedAt).toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
