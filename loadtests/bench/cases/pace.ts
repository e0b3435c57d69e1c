// Lifecycles at a fixed rate: one starts every 1/rate s for the run's duration, whatever is still in flight (an
// open model: a slow system gets more lifecycles in flight, not fewer starts), up to a cap of lifecycles in flight
// (a start that would exceed it is counted as skipped). Each lifecycle sends its requests one after the other; the
// run ends when every started lifecycle has finished, or after the drain timeout.
import { setTimeout as sleep } from 'node:timers/promises';
import type { LifecycleResult, Recorder } from './lifecycle.ts';

export interface PaceOptions {
  rate: number;
  durationS: number;
  maxInFlight: number;
  drainTimeoutMs: number;
  lifecycle: (n: number, record: Recorder) => Promise<LifecycleResult>;
  /** The first lifecycle's number (unique across runs: it picks the applicant and names the shop). */
  firstN?: number;
}

/** What a paced run observed, raw (report.ts summarizes it). */
export interface PacedRaw {
  rate: number;
  durationS: number;
  /** Lifecycles the schedule asked for (rate × duration). */
  offered: number;
  started: number;
  /** Not started: that many were already in flight (maxInFlight). */
  skipped: number;
  ok: number;
  failed: number;
  /** Still running when the drain timeout ended the run. */
  unfinished: number;
  /** ms from the first start to the last completion of a successful lifecycle. */
  spanMs: number;
  /** Latency of each successful lifecycle, first request sent to last answer received, ms. */
  lifecycleMs: number[];
  /** Per request kind: latency of the 2xx answers, and the other answers by status (0: no answer). */
  requests: Record<string, { ms: number[]; failures: Record<string, number> }>;
  /** The first few failures, as messages. */
  errors: string[];
  /** The successful lifecycles' cases and their last versions (for the supervision lag). */
  cases: { caseId: string; version: number }[];
  /** Most lifecycles in flight at once. */
  peakInFlight: number;
}

export async function runPaced(options: PaceOptions): Promise<PacedRaw> {
  const offered = Math.round(options.rate * options.durationS);
  const intervalMs = 1000 / options.rate;
  const raw: PacedRaw = {
    rate: options.rate,
    durationS: options.durationS,
    offered,
    started: 0,
    skipped: 0,
    ok: 0,
    failed: 0,
    unfinished: 0,
    spanMs: 0,
    lifecycleMs: [],
    requests: {},
    errors: [],
    cases: [],
    peakInFlight: 0,
  };
  const record: Recorder = (kind, ms, status) => {
    const r = (raw.requests[kind] ??= { ms: [], failures: {} });
    if (status >= 200 && status < 300) r.ms.push(ms);
    else r.failures[status] = (r.failures[status] ?? 0) + 1;
  };
  const running = new Set<Promise<void>>();
  const t0 = performance.now();
  let lastOk = t0;
  for (let i = 0; i < offered; i++) {
    const wait = t0 + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    if (running.size >= options.maxInFlight) {
      raw.skipped++;
      continue;
    }
    raw.started++;
    const started = performance.now();
    const p: Promise<void> = options
      .lifecycle((options.firstN ?? 0) + i, record)
      .then((r) => {
        raw.ok++;
        lastOk = performance.now();
        raw.lifecycleMs.push(lastOk - started);
        raw.cases.push({ caseId: r.caseId, version: r.version });
      })
      .catch((e: unknown) => {
        raw.failed++;
        if (raw.errors.length < 10) raw.errors.push(e instanceof Error ? e.message : String(e));
      })
      .finally(() => running.delete(p));
    running.add(p);
    raw.peakInFlight = Math.max(raw.peakInFlight, running.size);
  }
  const drained = Promise.all([...running]).then(() => true);
  const done = await Promise.race([drained, sleep(options.drainTimeoutMs).then(() => false)]);
  if (!done) raw.unfinished = running.size;
  raw.spanMs = lastOk - t0;
  return raw;
}
