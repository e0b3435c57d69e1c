// Supervision's lag for a run's cases: every transition after submission is a CaseTransitioned event (outbox →
// Kafka → supervision's journal). After a run the harness waits (≤ 60 s) until the journal holds, for every case,
// the event of its last version, then reads recordedAt − occurredAt of all the cases' events.
import { setTimeout as sleep } from 'node:timers/promises';
import type { MongoClient } from '@govhall/testing';
import { summarize, type LatencySummary } from '../lib.ts';

export interface CasesLag {
  cases: number;
  /** Cases whose last event the journal holds. */
  complete: number;
  events: number;
  lagMs: LatencySummary;
  /** ms after the run's end until the last case was complete; null when not within the timeout. */
  drainMs: number | null;
}

const DRAIN_TIMEOUT_MS = 60_000;

interface Recorded {
  aggregateId: string;
  aggregateVersion: number;
  occurredAt: Date;
  recordedAt: Date;
}

export async function supervisionLag(
  mongo: MongoClient,
  database: string,
  cases: readonly { caseId: string; version: number }[],
  endedAt: number,
): Promise<CasesLag> {
  const journal = mongo.db(database).collection('recorded_events');
  const last = new Map(cases.map((c) => [c.caseId, c.version]));
  const ids = [...last.keys()];
  const read = async () => {
    const docs: Recorded[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const found = await journal
        .find(
          { aggregateId: { $in: ids.slice(i, i + 500) } },
          { projection: { aggregateId: 1, aggregateVersion: 1, occurredAt: 1, recordedAt: 1 } },
        )
        .toArray();
      docs.push(...(found as unknown as Recorded[]));
    }
    return docs;
  };
  const completeOf = (docs: Recorded[]) =>
    new Set(docs.filter((d) => d.aggregateVersion >= (last.get(d.aggregateId) ?? Infinity)).map((d) => d.aggregateId))
      .size;
  let docs = await read();
  while (completeOf(docs) < ids.length && Date.now() < endedAt + DRAIN_TIMEOUT_MS) {
    await sleep(500);
    docs = await read();
  }
  const complete = completeOf(docs);
  const drainMs =
    complete >= ids.length && docs.length
      ? Math.max(0, Math.max(...docs.map((d) => new Date(d.recordedAt).getTime())) - endedAt)
      : complete >= ids.length
        ? 0
        : null;
  return {
    cases: ids.length,
    complete,
    events: docs.length,
    lagMs: summarize(docs.map((d) => new Date(d.recordedAt).getTime() - new Date(d.occurredAt).getTime())),
    drainMs,
  };
}
