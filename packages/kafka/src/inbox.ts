import type { Collection } from 'mongodb';
import type { Logger } from '@govhall/logging';

/**
 * One idempotency record per handled event id. `day` (UTC `YYYY-MM-DD` of `handledAt`) is what expiry deletes by:
 * the local store serves only top-level equalities from an index (docs/store-rules.md), so the sweep deletes one
 * day at a time, `{ day: '…' }`, never a date range over the whole collection. FerretDB has no TTL indexes.
 */
export interface InboxEntry {
  _id: string;
  type: string;
  handledAt: Date;
  day?: string;
}

/** The sweep's own record in the inbox: the last day it emptied. Never an event id (not a UUID). */
interface SweepState {
  _id: string;
  type: string;
  handledAt: Date;
  sweptThrough: string;
}

export type Inbox = Collection<InboxEntry>;

export const INBOX_SWEEP_STATE_ID = '#inbox-sweep';
const DAY_MS = 86_400_000;

/**
 * How long handled event ids are remembered. It must be longer than any redelivery: Kafka keeps messages 7 days
 * (log.retention.hours=168) and a consumer group whose offsets were lost re-reads what is kept, so the default is
 * 30 days.
 */
export const DEFAULT_INBOX_RETENTION_MS = 30 * DAY_MS;

export function inboxDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function inboxEntry(id: string, type: string, at: Date): InboxEntry {
  return { _id: id, type, handledAt: at, day: inboxDay(at) };
}

/** The index the sweep deletes by. */
export async function ensureInboxIndex(inbox: Inbox): Promise<void> {
  await inbox.createIndex({ day: 1 }, { name: 'day_1' });
}

/**
 * Deletes the entries of every whole UTC day that ended before `now - retentionMs` and has not been swept yet, one
 * indexed equality delete per day, and records how far it got. Entries therefore live between `retentionMs` and
 * `retentionMs` + 1 day. The first sweep of a database (no record yet) deletes by `handledAt` range once, which
 * also removes entries written before `day` existed. Returns the number of entries deleted.
 */
export async function sweepInbox(inbox: Inbox, options: { retentionMs: number; now: Date }): Promise<number> {
  const cutoffDay = inboxDay(new Date(options.now.getTime() - options.retentionMs));
  const lastDay = previousDay(cutoffDay); // the last day wholly older than the retention
  const states = inbox as unknown as Collection<SweepState>;
  const state = await states.findOne({ _id: INBOX_SWEEP_STATE_ID });
  let deleted = 0;
  if (!state) {
    const result = await inbox.deleteMany({
      _id: { $ne: INBOX_SWEEP_STATE_ID },
      handledAt: { $lt: new Date(`${cutoffDay}T00:00:00.000Z`) },
    });
    deleted += result.deletedCount;
  } else {
    for (let day = nextDay(state.sweptThrough); day <= lastDay; day = nextDay(day))
      deleted += (await inbox.deleteMany({ day })).deletedCount;
  }
  if (!state || state.sweptThrough < lastDay)
    await states.updateOne(
      { _id: INBOX_SWEEP_STATE_ID },
      { $set: { type: 'inbox-sweep', handledAt: options.now, sweptThrough: lastDay } },
      { upsert: true },
    );
  return deleted;
}

function nextDay(day: string): string {
  return inboxDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS));
}

function previousDay(day: string): string {
  return inboxDay(new Date(Date.parse(`${day}T00:00:00.000Z`) - DAY_MS));
}

export interface InboxSweeper {
  stop(): void;
}

/** Sweeps at once and then every `intervalMs` (default 1 hour); failures are logged and tried again next time. */
export function startInboxSweeper(options: {
  inbox: Inbox;
  retentionMs: number;
  intervalMs?: number;
  now?: () => Date;
  logger: Logger;
}): InboxSweeper {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    try {
      const deleted = await sweepInbox(options.inbox, { retentionMs: options.retentionMs, now: now() });
      if (deleted) options.logger.info({ deleted, collection: options.inbox.collectionName }, 'inbox entries expired');
    } catch (err) {
      options.logger.warn({ err, collection: options.inbox.collectionName }, 'inbox sweep failed; will retry');
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
