// Putting load on a target with autocannon: a paced run (fixed rate, warm-up first, every 2xx latency kept, CPU and
// RSS metered) and an unloaded run (one connection, one request at a time). Scenarios say WHAT is requested (a
// Load); this module says HOW it is measured, the same way for the gateway and for the baseline.
import autocannon from 'autocannon';
import type { Kind, ScenarioName } from './config.ts';
import { fmt, summarize, type CpuMeter, type RssSampler } from './lib.ts';
import { UNLOADED_REQUESTS, type Row, type UnloadedRow } from './report.ts';

/** What a run requests: autocannon cycles through `requests` on each connection. */
export interface Load {
  url: string;
  requests: autocannon.Request[];
  /**
   * The key (search: the keyword) of the response autocannon hands to the run's hook next, for latency per key:
   * autocannon calls a request's onResponse and then, synchronously, emits the client's 'response' event.
   */
  key?: () => string;
}

/** autocannon with a per-response hook; resolves with its result. */
export function fire(
  opts: autocannon.Options,
  onResponse?: (status: number, ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err as Error) : resolve(result)));
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

/** One request outside the load (preparing, probing); the body parsed when it is JSON. */
export async function jsonRequest(
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: any; headers: Headers }> {
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

/**
 * Latency without load: UNLOADED_REQUESTS requests on one connection, one at a time (after a warm-up of 50), so no
 * request waits behind another. The gap to the paced runs' latency is queueing.
 */
export async function unloadedRun(scenario: string, kind: Kind, pair: ScenarioName, load: Load): Promise<UnloadedRow> {
  // no rate: nothing for autocannon's coordinated-omission correction to do (it refuses the option then)
  const base: autocannon.Options = { url: load.url, connections: 1, timeout: 10, requests: load.requests };
  await fire({ ...base, amount: 50 });
  const samples: number[] = [];
  let non2xx = 0;
  await fire({ ...base, amount: UNLOADED_REQUESTS }, (status, ms) => {
    if (status >= 200 && status < 300) samples.push(ms);
    else non2xx++;
  });
  return {
    scenario,
    kind,
    ...(kind === 'baseline' ? { baselineOf: pair } : {}),
    latencyMs: summarize(samples),
    non2xx,
  };
}

export interface PacedRun {
  /** The row's name in the report, e.g. "gateway GET item". */
  scenario: string;
  kind: Kind;
  /** The scenario this run belongs to (of a baseline run: the one it is the baseline of). */
  pair: ScenarioName;
  rate: number;
  connections: number;
  durationS: number;
  warmupS: number;
  /** The load of the warm-up (`measured` false) and of the measured run. */
  load: (measured: boolean) => Load | Promise<Load>;
}

/** A fixed-rate run after a warm-up; CPU and RSS of the watched processes are metered during the measured part. */
export async function pacedRun(
  run: PacedRun,
  meters: { cpu: CpuMeter; rss: RssSampler },
): Promise<{ row: Row; endedAt: number }> {
  const options = (load: Load): autocannon.Options => ({
    url: load.url,
    connections: run.connections,
    overallRate: run.rate,
    timeout: 10,
    // autocannon's own coordinated-omission correction back-fills with an interval of ceil(1/rate) ms (= 1 ms),
    // which adds ~latency-in-ms synthetic samples per response; the harness keeps exact samples itself.
    ignoreCoordinatedOmission: true,
    requests: load.requests,
  });
  process.stderr.write(`  ${run.scenario} @ ${run.rate}/s, ${run.connections} connections: `);
  if (run.warmupS > 0) {
    await fire({ ...options(await run.load(false)), duration: run.warmupS });
    process.stderr.write('warmed up, ');
  }
  const load = await run.load(true);
  const samples: number[] = [];
  const keySamples = new Map<string, number[]>();
  const statusCodes: Record<string, number> = {};
  let responses = 0;
  meters.rss.start();
  meters.cpu.start();
  const result = await fire({ ...options(load), duration: run.durationS }, (status, ms) => {
    responses++;
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      samples.push(ms);
      if (load.key) {
        const key = load.key();
        const list = keySamples.get(key);
        if (list) list.push(ms);
        else keySamples.set(key, [ms]);
      }
    }
  });
  const cpu = meters.cpu.stop();
  const rssPeakMiB = meters.rss.stop();
  const endedAt = Date.now();
  const ok = samples.length;
  const row: Row = {
    scenario: run.scenario,
    kind: run.kind,
    ...(run.kind === 'baseline' ? { baselineOf: run.pair } : {}),
    targetRate: run.rate,
    connections: run.connections,
    durationS: result.duration,
    achievedRate: responses / result.duration,
    okRate: ok / result.duration,
    latencyMs: summarize(samples),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: responses - ok,
    statusCodes,
    rssPeakMiB,
    cpu,
    ...(load.key ? { byKeyword: Object.fromEntries([...keySamples].map(([q, list]) => [q, summarize(list)])) } : {}),
  };
  process.stderr.write(
    `${fmt(row.achievedRate)}/s, p99 ${fmt(row.latencyMs.p99, 2)} ms, ${row.errors} errors, ${row.non2xx} non-2xx\n`,
  );
  return { row, endedAt };
}
