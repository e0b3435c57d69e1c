import type { Collection } from 'mongodb';
import type { Logger } from '@govhall/logging';
import { ensureExpiryDayIndex, expiryDay, startDaySweeper, sweepExpiredDays } from '@govhall/mongo';

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

/** The sweep keeps its own record in the inbox (`_id` INBOX_SWEEP_STATE_ID): the last day it emptied. */
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
  return expiryDay(at);
}

export function inboxEntry(id: string, type: string, at: Date): InboxEntry {
  return { _id: id, type, handledAt: at, day: inboxDay(at) };
}

/** The index the sweep deletes by. */
export async function ensureInboxIndex(inbox: Inbox): Promise<void> {
  await ensureExpiryDayIndex(inbox);
}

/**
 * Deletes the entries of every whole UTC day that ended before `now - retentionMs` and has not been swept yet, one
 * indexed equality delete per day, and records how far it got. Entries therefore live between `retentionMs` and
 * `retentionMs` + 1 day. The first sweep of a database (no record yet) deletes by `handledAt` range once, which
 * also removes entries written before `day` existed. Returns the number of entries deleted.
 */
export async function sweepInbox(inbox: Inbox, options: { retentionMs: number; now: Date }): Promise<number> {
  return sweepExpiredDays(inbox, {
    retentionMs: options.retentionMs,
    now: options.now,
    firstSweep: { dateField: 'handledAt' },
    state: { collection: inbox, id: INBOX_SWEEP_STATE_ID, fields: { type: 'inbox-sweep', handledAt: options.now } },
  });
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
  const collection = options.inbox.collectionName;
  return startDaySweeper({
    sweep: (now) => sweepInbox(options.inbox, { retentionMs: options.retentionMs, now }),
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    onSwept: (deleted) => options.logger.info({ deleted, collection }, 'inbox entries expired'),
    onError: (err) => options.logger.warn({ err, collection }, 'inbox sweep failed; will retry'),
  });
}
