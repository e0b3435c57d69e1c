import type { Collection, Document } from 'mongodb';

/*
 * Expiry by day buckets, for stores without TTL indexes (FerretDB has none). Each expiring document carries `day`
 * (the UTC `YYYY-MM-DD` of the instant it expires from) under an index `{ day: 1 }`; the local store serves only
 * top-level equalities from an index (docs/store-rules.md), so a sweep deletes one day at a time, `{ day: '…' }`,
 * never a date range over the whole collection, and records the last day it emptied.
 */

const DAY_MS = 86_400_000;

/** The UTC day of an instant, as the `day` field of an expiring document. */
export function expiryDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The index a day sweep deletes by. */
export async function ensureExpiryDayIndex(collection: Collection<any>): Promise<void> {
  await collection.createIndex({ day: 1 }, { name: 'day_1' });
}

export interface DaySweepOptions {
  retentionMs: number;
  now: Date;
  /** Where the sweep keeps how far it got (`sweptThrough`), as the document `_id: stateId`. */
  state: { collection: Collection<any>; id: string; fields?: Document };
  /**
   * The first sweep of a collection (no state yet): `{ dateField }` deletes by that date field's range once (an
   * unindexed scan, once), which also removes documents written before `day` existed; `{ lookBackDays }` sweeps that
   * many days back from the last expired day, day by day.
   */
  firstSweep: { dateField: string } | { lookBackDays: number };
}

/**
 * Deletes the documents of every whole UTC day that ended before `now - retentionMs` and has not been swept yet,
 * one indexed equality delete per day, and records how far it got. Documents therefore live between `retentionMs`
 * and `retentionMs` + 1 day. Returns the number deleted.
 */
export async function sweepExpiredDays(collection: Collection<any>, options: DaySweepOptions): Promise<number> {
  const cutoffDay = expiryDay(new Date(options.now.getTime() - options.retentionMs));
  const lastDay = previousDay(cutoffDay); // the last day wholly older than the retention
  const { collection: states, id, fields } = options.state;
  const state = (await states.findOne({ _id: id })) as { sweptThrough: string } | null;
  let deleted = 0;
  const first = options.firstSweep;
  if (!state && 'dateField' in first) {
    const result = await collection.deleteMany({
      _id: { $ne: id },
      [first.dateField]: { $lt: new Date(`${cutoffDay}T00:00:00.000Z`) },
    });
    deleted += result.deletedCount;
  } else {
    const from = state
      ? nextDay(state.sweptThrough)
      : expiryDay(
          new Date(
            Date.parse(`${lastDay}T00:00:00.000Z`) - ('lookBackDays' in first ? first.lookBackDays : 0) * DAY_MS,
          ),
        );
    for (let day = from; day <= lastDay; day = nextDay(day))
      deleted += (await collection.deleteMany({ day })).deletedCount;
  }
  if (!state || state.sweptThrough < lastDay)
    await states.updateOne({ _id: id }, { $set: { ...fields, sweptThrough: lastDay } }, { upsert: true });
  return deleted;
}

function nextDay(day: string): string {
  return expiryDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS));
}

function previousDay(day: string): string {
  return expiryDay(new Date(Date.parse(`${day}T00:00:00.000Z`) - DAY_MS));
}

export interface DaySweeper {
  stop(): void;
}

/** Sweeps at once and then every `intervalMs` (default 1 hour); failures are reported and tried again next time. */
export function startDaySweeper(options: {
  sweep: (now: Date) => Promise<number>;
  intervalMs?: number;
  now?: () => Date;
  onSwept: (deleted: number) => void;
  onError: (err: unknown) => void;
}): DaySweeper {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    try {
      const deleted = await options.sweep(now());
      if (deleted) options.onSwept(deleted);
    } catch (err) {
      options.onError(err);
    }
    if (!stopped) timer = setTimeout(() => void run(), options.intervalMs ?? 3_600_000).unref();
  };
  void run();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
