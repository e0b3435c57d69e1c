// The cases benchmark's report: each paced run summarized (lifecycles per second achieved against offered, latency
// per lifecycle and per request kind, failures), each gateway run paired with the baseline run of the same rate in
// the same phase (ratios), the phase with many stored cases compared with the first (ratios), supervision's lag,
// CPU and RSS; printed as Markdown tables and written as JSON to $GOVHALL_STATE/bench/cases-<timestamp>.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fmt, markdownTable, ratio, summarize, type LatencySummary, type RssReading } from '../lib.ts';
import type { Machine } from '../report.ts';
import { CLOCK_LAG_TARGET_MS, type ClockLag } from './clock-lag.ts';
import type { CasesLag } from './lag.ts';
import type { PacedRaw } from './pace.ts';

export interface CpuReading {
  machineBusyPct: number;
  processPctOfOneCore: Record<string, number>;
  unattributedPctOfOneCore: number;
}

export interface CasesRun {
  /** The phase: e.g. "store: 1,502 cases", "store: 1,000,000 cases (bulk-loaded)". */
  phase: string;
  /** Case documents in the applications database when the run started. */
  storedCases: number;
  kind: 'baseline' | 'gateway';
  rate: number;
  durationS: number;
  offered: number;
  started: number;
  skipped: number;
  ok: number;
  failed: number;
  unfinished: number;
  peakInFlight: number;
  /** Successful lifecycles per second (see achievedRate). */
  achievedPerS: number;
  lifecycleMs: LatencySummary;
  /** HTTP requests of one successful lifecycle. */
  requestsPerLifecycle: number;
  requests: Record<string, { latencyMs: LatencySummary; failures: Record<string, number> }>;
  errors: string[];
  lag?: CasesLag;
  /** Event occurred → its clock updated by supervision (issue 12's target, p99 < 2 s). */
  clockLag?: ClockLag;
  cpu: CpuReading;
  rssPeakMiB: Record<string, number>;
  /** Of a gateway run: against the baseline run of the same rate and phase. */
  baseline?: { achievedRatio: number; lifecycleP99Ratio: number };
}

export interface CasesReport {
  startedAt: string | Date;
  finishedAt: string | Date;
  command: string;
  machine: Machine;
  settings: Record<string, unknown>;
  notes: string[];
  bulk: {
    documents: number;
    perSecond: number;
    seconds: number;
    byStatus: Record<string, number>;
    documentBytes: number;
    /** Written through the store's API (FerretDB), and copied inside PostgreSQL (cases/bulk-sql.ts). */
    throughStore: number;
    copiedInPostgres: number;
    /** From the end of the load until the restarted service (creating its indexes) listened. */
    indexSeconds: number;
  } | null;
  runs: CasesRun[];
  rss: { before: RssReading[]; after: RssReading[] };
}

/**
 * Lifecycles per second a run achieved: its successful lifecycles over the time in which they completed, from the
 * first start to the last completion less the fastest lifecycle (a lifecycle started at the window's end finishes
 * one lifecycle-latency later; without the subtraction an unsaturated run would read below its rate), and never
 * over less than the run's duration. A saturated system completes them later and later: the span grows.
 */
export function achievedRate(raw: Pick<PacedRaw, 'ok' | 'durationS' | 'spanMs' | 'lifecycleMs'>): number {
  if (raw.ok === 0) return 0;
  const fastest = Math.min(...raw.lifecycleMs);
  return raw.ok / Math.max(raw.durationS, (raw.spanMs - fastest) / 1000);
}

/** A paced run's raw observations as a report row. */
export function summarizeRun(
  raw: PacedRaw,
  run: Pick<CasesRun, 'phase' | 'storedCases' | 'kind' | 'cpu' | 'rssPeakMiB'> & {
    lag?: CasesLag;
    clockLag?: ClockLag;
  },
): CasesRun {
  const requests = Object.fromEntries(
    Object.entries(raw.requests).map(([kind, r]) => [kind, { latencyMs: summarize(r.ms), failures: r.failures }]),
  );
  const answered = Object.values(raw.requests).reduce((n, r) => n + r.ms.length, 0);
  return {
    phase: run.phase,
    storedCases: run.storedCases,
    kind: run.kind,
    rate: raw.rate,
    durationS: raw.durationS,
    offered: raw.offered,
    started: raw.started,
    skipped: raw.skipped,
    ok: raw.ok,
    failed: raw.failed,
    unfinished: raw.unfinished,
    peakInFlight: raw.peakInFlight,
    achievedPerS: achievedRate(raw),
    lifecycleMs: summarize(raw.lifecycleMs),
    // 2xx answers per lifecycle that started: the failed ones stop early, so this is exact only without failures
    requestsPerLifecycle: raw.started ? Math.round((answered / raw.started) * 10) / 10 : 0,
    requests,
    errors: raw.errors,
    ...(run.lag ? { lag: run.lag } : {}),
    ...(run.clockLag ? { clockLag: run.clockLag } : {}),
    cpu: run.cpu,
    rssPeakMiB: run.rssPeakMiB,
  };
}

/** The gateway run's ratios against the baseline of the same rate: achieved lifecycles/s and lifecycle p99. */
export function compareWithBaseline(baseline: CasesRun, gateway: CasesRun): CasesRun {
  gateway.baseline = {
    achievedRatio: ratio(gateway.achievedPerS, baseline.achievedPerS),
    lifecycleP99Ratio: ratio(gateway.lifecycleMs.p99, baseline.lifecycleMs.p99),
  };
  return gateway;
}

/**
 * Saturated: it could not keep the offered rate (achieved below 90% of it), lifecycles failed (more than 1%) or
 * were not started or not finished. The harness stops escalating the rate after a saturated gateway run.
 */
export function saturated(run: CasesRun): boolean {
  return run.achievedPerS < 0.9 * run.rate || run.failed > 0.01 * run.offered || run.skipped > 0 || run.unfinished > 0;
}

/** The phase name of the lifecycles run one at a time (not compared between phases). */
export const UNLOADED_PHASE = 'unloaded';

/** A rate as printed: whole numbers as they are, others with two decimals. */
export const rateText = (rate: number): string => (Number.isInteger(rate) ? String(rate) : rate.toFixed(2));

export interface ScaleRow {
  rate: number;
  small: CasesRun;
  large: CasesRun;
  /** large / small of achieved lifecycles/s and of the lifecycle p50 and p99. */
  achievedRatio: number;
  p50Ratio: number;
  p99Ratio: number;
}

/** The gateway runs of the large phase next to those of the first phase at the same rate. */
export function compareScales(runs: readonly CasesRun[]): ScaleRow[] {
  const gateway = runs.filter((r) => r.kind === 'gateway' && !r.phase.startsWith(UNLOADED_PHASE));
  const phases = [...new Set(gateway.map((r) => r.phase))];
  if (phases.length < 2) return [];
  const [first, last] = [phases[0]!, phases[phases.length - 1]!];
  return gateway
    .filter((r) => r.phase === first)
    .flatMap((small) => {
      const large = gateway.find((r) => r.phase === last && r.rate === small.rate);
      return large
        ? [
            {
              rate: small.rate,
              small,
              large,
              achievedRatio: ratio(large.achievedPerS, small.achievedPerS),
              p50Ratio: ratio(large.lifecycleMs.p50, small.lifecycleMs.p50),
              p99Ratio: ratio(large.lifecycleMs.p99, small.lifecycleMs.p99),
            },
          ]
        : [];
    });
}

const failuresText = (f: Record<string, number>) =>
  Object.entries(f)
    .map(([status, n]) => `${n}×${status === '0' ? 'no answer' : status}`)
    .join(' ') || '0';

/** The printed report. */
export function renderCasesReport(report: CasesReport): string {
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  const m = report.machine;
  out();
  out(
    `GovHall cases benchmark ${new Date(report.finishedAt).toISOString()} — ${m.nproc} CPUs (${m.cpuModel}), Node ${m.node}, load average at start ${m.loadavgAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  for (const n of report.notes) out(`- ${n}`);
  if (report.bulk) {
    const b = report.bulk;
    out(
      `- bulk load: ${b.documents.toLocaleString('en')} case documents (~${b.documentBytes.toLocaleString('en')} B each as JSON) in ${fmt(b.seconds, 0)} s, ${fmt(b.perSecond, 0)} documents/s (secondary indexes dropped first; ${b.throughStore.toLocaleString('en')} through the store’s API, ${b.copiedInPostgres.toLocaleString('en')} copied inside PostgreSQL); the service restarted and created its indexes in ${fmt(b.indexSeconds, 0)} s; by status: ${Object.entries(
        b.byStatus,
      )
        .map(([s, n]) => `${s} ${n.toLocaleString('en')}`)
        .join(', ')}`,
    );
  }
  out('- lifecycle latency in ms (first request to last answer, successful lifecycles); ratios against the baseline');
  out('  of the same rate in the same phase (the same requests, one after the other, to a bare Fastify route)');
  out();
  const runs = report.runs;
  out(
    markdownTable(
      [
        'phase',
        'run',
        'offered/s',
        'achieved/s',
        'ok',
        'failed',
        'skipped',
        'in flight max',
        'p50',
        'p90',
        'p99',
        'max',
        'rate ×',
        'p99 ×',
      ],
      runs.map((r) => [
        r.phase,
        `${r.kind} @ ${rateText(r.rate)}/s`,
        rateText(r.rate),
        fmt(r.achievedPerS, 1),
        String(r.ok),
        String(r.failed + r.unfinished),
        String(r.skipped),
        String(r.peakInFlight),
        fmt(r.lifecycleMs.p50, 0),
        fmt(r.lifecycleMs.p90, 0),
        fmt(r.lifecycleMs.p99, 0),
        fmt(r.lifecycleMs.max, 0),
        r.kind === 'baseline' ? '1' : fmt(r.baseline?.achievedRatio, 2),
        r.kind === 'baseline' ? '1' : fmt(r.baseline?.lifecycleP99Ratio, 1),
      ]),
    ),
  );
  const scales = compareScales(runs);
  if (scales.length) {
    out();
    out('Many stored cases against few (gateway runs at the same rate; ratio = large / small):');
    out();
    out(
      markdownTable(
        [
          'rate',
          'achieved/s small → large',
          'p50 ms small → large',
          'p99 ms small → large',
          'achieved ×',
          'p50 ×',
          'p99 ×',
        ],
        scales.map((s) => [
          `${s.rate}/s`,
          `${fmt(s.small.achievedPerS, 1)} → ${fmt(s.large.achievedPerS, 1)}`,
          `${fmt(s.small.lifecycleMs.p50, 0)} → ${fmt(s.large.lifecycleMs.p50, 0)}`,
          `${fmt(s.small.lifecycleMs.p99, 0)} → ${fmt(s.large.lifecycleMs.p99, 0)}`,
          fmt(s.achievedRatio, 2),
          fmt(s.p50Ratio, 2),
          fmt(s.p99Ratio, 2),
        ]),
      ),
    );
  }
  const gatewayRuns = runs.filter((r) => r.kind === 'gateway');
  const kinds = [...new Set(gatewayRuns.flatMap((r) => Object.keys(r.requests)))];
  if (gatewayRuns.length) {
    out();
    out('Gateway latency per request kind (ms over 2xx answers, p50 / p99; failures by status):');
    out();
    out(
      markdownTable(
        ['request', ...gatewayRuns.map((r) => `${r.phase.split(':')[0]} @ ${rateText(r.rate)}/s`)],
        kinds.map((k) => [
          k,
          ...gatewayRuns.map((r) => {
            const q = r.requests[k];
            if (!q) return '—';
            const failed = failuresText(q.failures);
            return `${fmt(q.latencyMs.p50, 0)} / ${fmt(q.latencyMs.p99, 0)}${failed === '0' ? '' : ` (${failed})`}`;
          }),
        ]),
      ),
    );
    const lags = gatewayRuns.filter((r) => r.lag);
    if (lags.length) {
      out();
      out('Outbox → Kafka → supervision (recordedAt − occurredAt of every event of the run’s cases, ms):');
      out();
      out(
        markdownTable(
          ['run', 'cases', 'complete in journal', 'events', 'lag p50', 'lag p99', 'lag max', 'drained after run'],
          lags.map((r) => [
            `${r.phase} @ ${rateText(r.rate)}/s`,
            String(r.lag!.cases),
            String(r.lag!.complete),
            String(r.lag!.events),
            fmt(r.lag!.lagMs.p50, 0),
            fmt(r.lag!.lagMs.p99, 0),
            fmt(r.lag!.lagMs.max, 0),
            r.lag!.drainMs === null ? 'not within 60 s' : `${r.lag!.drainMs} ms`,
          ]),
        ),
      );
    }
    const clocks = gatewayRuns.filter((r) => r.clockLag);
    if (clocks.length) {
      out();
      out(
        `Supervision's clock lag, event occurred → clock updated (target p99 < ${CLOCK_LAG_TARGET_MS / 1000} s): from its`,
      );
      out(
        'metrics endpoint (histogram govhall_supervision_clock_lag, the run’s share; percentiles interpolated inside',
      );
      out(
        `buckets …500, 1000, 2000, 5000… ms; PASS = ≥ 99% of samples ≤ ${CLOCK_LAG_TARGET_MS} ms, exact at that bound), and`,
      );
      out(
        'from the store for each case’s last event (matter updatedAt − lastEventAt, exact); lifecycle ratios as above:',
      );
      out();
      out(
        markdownTable(
          [
            'run',
            'samples',
            'p50',
            'p95',
            'p99',
            `≤ ${CLOCK_LAG_TARGET_MS} ms`,
            'target',
            'last events p50 / p99 / max (cases)',
            'rate ×',
            'p99 ×',
          ],
          clocks.map((r) => {
            const c = r.clockLag!;
            const m = c.metrics;
            const ms = (n: number | undefined) => (n === Infinity ? `> ${60_000}` : fmt(n, 0));
            return [
              `${r.phase} @ ${rateText(r.rate)}/s`,
              String(m?.samples ?? 0),
              ms(m?.p50Ms),
              ms(m?.p95Ms),
              ms(m?.p99Ms),
              m ? `${fmt(m.withinTargetPct, 1)}%` : '—',
              m ? (m.pass ? 'PASS' : 'FAIL') : 'no samples',
              `${fmt(c.store.lagMs.p50, 0)} / ${fmt(c.store.lagMs.p99, 0)} / ${fmt(c.store.lagMs.max, 0)} (${c.store.cases})`,
              r.kind === 'baseline' || !r.baseline ? '—' : fmt(r.baseline.achievedRatio, 2),
              r.kind === 'baseline' || !r.baseline ? '—' : fmt(r.baseline.lifecycleP99Ratio, 1),
            ];
          }),
        ),
      );
    }
    const errors = gatewayRuns.filter((r) => r.errors.length);
    if (errors.length) {
      out();
      out('First failures:');
      for (const r of errors) for (const e of r.errors.slice(0, 3)) out(`- ${r.phase} @ ${rateText(r.rate)}/s: ${e}`);
    }
  }
  const cpuNames = [...new Set(runs.flatMap((r) => Object.keys(r.cpu.processPctOfOneCore)))];
  out();
  out(
    'CPU during each run (% of one core per process tree; machine = busy % of all cores; unattributed = other work):',
  );
  out();
  out(
    markdownTable(
      ['run', 'machine', ...cpuNames, 'unattributed'],
      runs.map((r) => [
        `${r.phase.split(':')[0]} ${r.kind} @ ${rateText(r.rate)}/s`,
        `${fmt(r.cpu.machineBusyPct, 0)}%`,
        ...cpuNames.map((n) => fmt(r.cpu.processPctOfOneCore[n], 0)),
        fmt(r.cpu.unattributedPctOfOneCore, 0),
      ]),
    ),
  );
  const peak = (name: string) => Math.max(0, ...runs.map((r) => r.rssPeakMiB[name] ?? 0));
  const after = new Map(report.rss.after.map((r) => [r.name, r]));
  out();
  out('RSS (MiB; process tree; peak sampled every second during the runs; HWM = VmHWM since the process started):');
  out();
  out(
    markdownTable(
      ['process', 'before', 'peak sampled', 'after', 'HWM after'],
      report.rss.before.map((b) => [
        b.name,
        fmt(b.rssMiB),
        fmt(peak(b.name)),
        fmt(after.get(b.name)?.rssMiB),
        fmt(after.get(b.name)?.hwmMiB),
      ]),
    ),
  );
  return lines.join('\n');
}

/** Writes the report to <stateDir>/bench/cases-<startedAt>.json; returns the file's path. */
export function writeCasesReport(report: CasesReport, stateDir: string): string {
  const dir = path.join(stateDir, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `cases-${new Date(report.startedAt).toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
