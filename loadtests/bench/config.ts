// The harness's settings, read from the environment once (run.ts lists every variable and its default).
import * as path from 'node:path';

export type ScenarioName = 'read' | 'search' | 'write';
export const SCENARIOS: readonly ScenarioName[] = ['read', 'search', 'write'];
/** What a measured run loads: a scenario through the gateway, or the baseline route paired with one. */
export type Kind = 'baseline' | ScenarioName;

/**
 * The keywords the search scenario rotates through (each connection sends them in turn): Chinese words that match
 * many seed items (食品, 许可), fewer (营业执照 in the 一件事 items, 个体工商户, 养老, 户口, 排污, 教师资格) and a
 * basic code (000117012000, 食品经营许可 in the seed).
 */
export const SEARCH_QUERIES = [
  '食品',
  '许可',
  '营业执照',
  '个体工商户',
  '养老',
  '户口',
  '000117012000',
  '排污',
  '教师资格',
];

export interface BenchConfig {
  scenarios: ScenarioName[];
  durationS: number;
  warmupS: number;
  readRates: number[];
  searchRates: number[];
  writeRates: number[];
  searchQueries: string[];
  gatewayUrl: string | undefined;
  logLevel: string;
  catalogueAddr: string | undefined;
  user: string;
  tenant: string;
  department: string;
  supervisionDb: string;
  catalogueDb: string;
  stateDir: string;
  /** The gateway the harness starts introspects user tokens at Keycloak (ADR 0015) unless BENCH_INTROSPECTION=off. */
  introspection: boolean;
}

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

function scenarios(value: string | undefined): ScenarioName[] {
  if (!value) return [...SCENARIOS];
  const list = value.split(',').map((s) => s.trim());
  const unknown = list.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length || list.length === 0 || new Set(list).size !== list.length) {
    throw new Error(`bad BENCH_SCENARIOS ${value}: a comma list of distinct ${SCENARIOS.join(', ')}`);
  }
  return list as ScenarioName[];
}

export function readConfig(env: NodeJS.ProcessEnv, repoRoot: string): BenchConfig {
  return {
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
    stateDir: env.GOVHALL_STATE ?? path.join(repoRoot, '.stack'),
    introspection: env.BENCH_INTROSPECTION !== 'off',
  };
}

export const ratesOf = (config: BenchConfig, s: ScenarioName): number[] =>
  ({ read: config.readRates, search: config.searchRates, write: config.writeRates })[s];

/**
 * Connections per target rate. autocannon's overallRate gives each connection a quota of rate/connections requests
 * per wall-clock second, sent back to back, one in flight per connection (docs/benchmarks.md, "How autocannon
 * paces"). So the connections cap concurrency: enough to reach the rate at the expected latency, few enough that
 * the bursts stay small. Reads and searches: ~25 requests/s per connection; writes (slower): ~5. The baseline run of
 * a pair uses the same connections as the scenario it is compared with.
 */
export const connectionsFor = (scenario: ScenarioName, rate: number): number =>
  Math.max(8, Math.ceil(rate / (scenario === 'write' ? 5 : 25)));
export const CONNECTIONS_RULE = 'max(8, ceil(rate / 25)) for reads and searches, max(8, ceil(rate / 5)) for writes';

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new Error(`refusing to load ${url}: the harness only targets this machine (127.0.0.1)`);
  }
}
