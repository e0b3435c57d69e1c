// Scenario `write`: POST /api/v1/catalogue/items, a new draft per request (a unique idempotency key each), with
// BENCH_USER's token; after each measured run, the outbox → Kafka → supervision lag of the created items, read from
// supervision's journal (the stack's supervision must run). Baseline: a bare Fastify GET of an item of the same
// shape.
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { fmt, summarize } from '../lib.ts';
import type { Load } from '../load.ts';
import type { Row, SupervisionLag } from '../report.ts';
import { baselineItem, draftBody, type Scenario, type ScenarioContext } from './scenario.ts';

/** How long after a write run the harness waits for supervision to record its items. */
const DRAIN_TIMEOUT_MS = 60_000;

export function writeScenario(ctx: ScenarioContext): Scenario {
  const journal = ctx.mongo.db(ctx.config.supervisionDb).collection('recorded_events');
  let keySeq = 0;
  // The items created by the measured run (not the warm-up's): traced to supervision after the run.
  let created: string[] = [];
  return {
    name: 'write',
    label: 'gateway POST item',
    baselineLabel: 'baseline: bare Fastify GET',
    unloaded: false,
    prepare: async () => undefined,

    async gateway(measured): Promise<Load> {
      const authorization = `Bearer ${await ctx.token()}`;
      created = [];
      const request: autocannon.Request = {
        method: 'POST',
        path: '/api/v1/catalogue/items',
        headers: { authorization, 'content-type': 'application/json' },
        body: draftBody(ctx.config, '基准测试事项'),
        // A unique idempotency key per request: every request creates an item (and its outbox event).
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, 'idempotency-key': `bench-${ctx.runId}-${(keySeq++).toString(36)}` },
        }),
        onResponse: (status, body) => {
          if (measured && status === 201) created.push(String((JSON.parse(body) as { id: string }).id));
        },
      };
      return { url: `${ctx.gatewayUrl}/api/v1/catalogue/items`, requests: [request] };
    },

    baseline: (baselineUrl) => baselineItem(baselineUrl),

    async afterRun(row: Row, endedAt: number) {
      row.supervision = await supervisionLag(created, endedAt);
    },
  };

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
    const deadline = ended + DRAIN_TIMEOUT_MS;
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
}
