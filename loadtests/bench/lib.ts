// Small helpers of the benchmark harness: percentiles, RSS sampling from /proc, the printed table.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Exact percentile (nearest rank) of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export interface ProcessRef {
  name: string;
  pid: number;
  /** Count the process's descendants too [true]; false for a process whose children are watched on their own. */
  tree?: boolean;
}

export interface RssReading {
  name: string;
  pid: number;
  /** Resident set size now, MiB; null when the process is gone. */
  rssMiB: number | null;
  /** Peak resident set size since the process started (VmHWM), MiB. */
  hwmMiB: number | null;
}

function statusField(status: string, field: string): number | null {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
}

/** A process and its descendants (a launcher script such as Keycloak's kc.sh runs the JVM as a child). */
export function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${pids[i]}/task/${tid}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return pids;
}

/** RSS of a process and its descendants (summed; VmHWM summed too, an upper bound of the tree's peak). */
export function readRss(p: ProcessRef): RssReading {
  let rss: number | null = null;
  let hwm: number | null = null;
  for (const pid of p.tree === false ? [p.pid] : processTree(p.pid)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      rss = (rss ?? 0) + (statusField(status, 'VmRSS') ?? 0);
      hwm = (hwm ?? 0) + (statusField(status, 'VmHWM') ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return { ...p, rssMiB: round(rss), hwmMiB: round(hwm) };
}

/** The local stack's processes from $GOVHALL_STATE/pids/*.pid (deploy/services.sh, deploy/stack), live ones only. */
export function stackProcesses(stateDir: string): ProcessRef[] {
  const dir = path.join(stateDir, 'pids');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pid'))
    .map((f) => ({ name: f.slice(0, -4), pid: Number(fs.readFileSync(path.join(dir, f), 'utf8').trim()) }))
    .filter((p) => Number.isInteger(p.pid) && p.pid > 0 && fs.existsSync(`/proc/${p.pid}/status`))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Samples RSS of a set of processes every second and keeps the peak seen per process. */
export class RssSampler {
  private readonly peaks = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private readonly processes: () => ProcessRef[];

  constructor(processes: () => ProcessRef[]) {
    this.processes = processes;
  }

  start(): void {
    this.peaks.clear();
    this.sample();
    this.timer = setInterval(() => this.sample(), 1_000);
  }

  /** Stops and returns the peak RSS (MiB) per process name observed since start(). */
  stop(): Record<string, number> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return Object.fromEntries(this.peaks);
  }

  private sample(): void {
    for (const r of this.processes().map(readRss)) {
      if (r.rssMiB !== null) this.peaks.set(r.name, Math.max(this.peaks.get(r.name) ?? 0, r.rssMiB));
    }
  }
}

/** Formats rows as a Markdown table (readable in a terminal, pasteable into docs/benchmarks.md). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const fmt = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits);

export const ratio = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? a / b : Number.NaN);

/** CPU time (user + system, with ended children) a process tree has used so far, in clock ticks (USER_HZ); null when gone. */
export function processTicks(pid: number, tree = true): number | null {
  let ticks: number | null = null;
  for (const p of tree ? processTree(pid) : [pid]) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime, and cutime + cstime: the CPU of children that ended and were waited for (a PostgreSQL
      // backend FerretDB closed), which would otherwise leave the tree's total and make a run's delta negative.
      ticks = (ticks ?? 0) + Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** Machine-wide CPU ticks from /proc/stat: busy (all but idle and iowait) and total, summed over all cores. */
export function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

/** Measures CPU use between start() and stop(): per process in % of one core, and the machine's busy %. */
export class CpuMeter {
  private startTicks = new Map<string, number>();
  private startMachine = machineTicks();
  private startedAt = 0;
  private readonly processes: () => ProcessRef[];
  /** USER_HZ: 100 on Linux (`getconf CLK_TCK`). */
  private readonly ticksPerSecond: number;
  /** Cores /proc/stat sums over. */
  private readonly cores: number;

  constructor(processes: () => ProcessRef[], ticksPerSecond = 100, cores = os.availableParallelism()) {
    this.processes = processes;
    this.ticksPerSecond = ticksPerSecond;
    this.cores = cores;
  }

  start(): void {
    this.startedAt = performance.now();
    this.startMachine = machineTicks();
    this.startTicks = new Map(
      this.processes()
        .map((p) => [p.name, processTicks(p.pid, p.tree !== false)] as const)
        .filter((e): e is readonly [string, number] => e[1] !== null),
    );
  }

  /**
   * `unattributedPctOfOneCore`: the machine's busy time not spent in the watched processes, in % of one core: other
   * work on a shared machine (another session's tests, the kernel), which disturbs the run.
   */
  stop(): { machineBusyPct: number; processPctOfOneCore: Record<string, number>; unattributedPctOfOneCore: number } {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const m = machineTicks();
    const perProcess: Record<string, number> = {};
    for (const p of this.processes()) {
      const before = this.startTicks.get(p.name);
      const now = processTicks(p.pid, p.tree !== false);
      if (before === undefined || now === null || seconds <= 0) continue;
      // Still ≥ 0 if a child ended unwaited between the readings (its time is then lost, not subtracted twice).
      perProcess[p.name] = Math.max(0, Math.round(((now - before) / this.ticksPerSecond / seconds) * 1000) / 10);
    }
    const busy =
      m.total > this.startMachine.total ? (m.busy - this.startMachine.busy) / (m.total - this.startMachine.total) : 0;
    const cores = this.cores;
    const attributed = Object.values(perProcess).reduce((a, b) => a + b, 0);
    const unattributed = Math.max(0, Math.round((busy * 100 * cores - attributed) * 10) / 10);
    return {
      machineBusyPct: Math.round(busy * 1000) / 10,
      processPctOfOneCore: perProcess,
      unattributedPctOfOneCore: unattributed,
    };
  }
}

/** An integer setting from the environment, within bounds (a benchmark's rates, sizes and durations). */
export function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  // Bounded on purpose: a forgotten variable must not turn into an hour of load on a shared machine.
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in ${min}..${max}`);
  return n;
}
