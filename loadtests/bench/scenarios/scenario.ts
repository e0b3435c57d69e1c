// What a benchmark scenario is: what it prepares before the runs, what it requests from the gateway and from the
// baseline (a bare Fastify route answering a body of the same shape), and what it measures after a run.
import type { MongoClient } from '@govhall/testing';
import type { BenchConfig, ScenarioName } from '../config.ts';
import type { Load } from '../load.ts';
import type { Row } from '../report.ts';

/** What the scenarios share: the settings, the gateway under test, a staff token, the store. */
export interface ScenarioContext {
  config: BenchConfig;
  runId: string;
  gatewayUrl: string;
  /** A fresh token of BENCH_USER (tokens live 300 s: each run gets its own). */
  token: () => Promise<string>;
  mongo: MongoClient;
  /** Lines for the report's notes. */
  notes: string[];
}

export interface Scenario {
  name: ScenarioName;
  /** The report's name of its gateway runs and of their baseline runs. */
  label: string;
  baselineLabel: string;
  /** Also measured unloaded (one connection, one request at a time) before its paced runs. */
  unloaded: boolean;
  /** Before the baseline server starts: creates what the runs read, probes what they get. */
  prepare(): Promise<void>;
  /** What the baseline server answers this scenario's keywords with (search: the gateway's pages). */
  baselinePages?(): Record<string, unknown>;
  /** The gateway load of a run; `measured` is false for its warm-up. */
  gateway(measured: boolean): Promise<Load>;
  /** The baseline load paired with it. */
  baseline(baselineUrl: string): Load;
  /** After a measured gateway run (write: supervision's lag). */
  afterRun?(row: Row, endedAt: number): Promise<void>;
}

/** The draft every read and write creates (POST /api/v1/catalogue/items). */
export const draftBody = (config: BenchConfig, name: string): string =>
  JSON.stringify({
    tenant: config.tenant,
    name,
    basicCode: '000172028000',
    kind: '01',
    handlingCategory: 'promised',
    department: config.department,
  });

/** The baseline's item route: an item of the same shape and size as the gateway's (baseline-server.ts). */
export function baselineItem(baselineUrl: string, id = '00000000-0000-4000-8000-000000000000'): Load {
  return {
    url: `${baselineUrl}/baseline/items/${id}`,
    requests: [{ method: 'GET', path: `/baseline/items/${id}` }],
  };
}
