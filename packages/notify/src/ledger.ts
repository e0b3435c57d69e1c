import { insertNew, mongoose, sweepExpiredDays, updateVersioned, type Connection, type Model } from '@govhall/mongo';
import type { NotificationKind } from './templates';

export type NotificationChannel = 'email' | 'sms';

/**
 * - `pending`: waiting for its next attempt (`nextAttemptAt`);
 * - `sending`: an attempt is under way (leased until `leaseUntil`);
 * - `sent`: the server / provider accepted it;
 * - `failed`: refused for good, or retried `maxAttempts` times, each time provably not sent;
 * - `uncertain`: an attempt ended without knowing whether it went out (a crash while `sending`, a connection lost
 *   after the message started). Never sent again by itself: an operator decides (`resolveUncertain`).
 */
export type NotificationState = 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain';

/** What a caller asks to be sent. `id` is unique: enqueueing the same id again changes nothing. */
export interface NewNotification {
  /** Unique and stable, e.g. `<event id>:email`: derived from what caused it, so a redelivery maps to it again. */
  id: string;
  channel: NotificationChannel;
  /** E-mail address or mobile number. Stored (it is needed to send); never logged unmasked. */
  to: string;
  /** E-mail only. */
  subject?: string;
  text: string;
  kind?: NotificationKind;
  tenant?: string;
  caseNumber?: string;
}

export interface LedgerEntry extends NewNotification {
  version: number;
  state: NotificationState;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil?: Date;
  lastError?: string;
  lastAttemptAt?: Date;
  response?: string;
  messageId?: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt?: Date;
  /** Who resolved an uncertain entry, and how. */
  resolvedBy?: string;
  /** UTC day of `createdAt`: what expiry deletes by (one indexed equality per day). */
  day: string;
}

/**
 * Collection `notifications` (name configurable): one document per notification, `_id` = its id, versioned.
 * Personal data: `to` (an address or number) and the text, which names the applicant.
 */
export const notificationSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    channel: { type: String, enum: ['email', 'sms'], required: true },
    to: { type: String, required: true },
    subject: { type: String },
    text: { type: String, required: true },
    kind: { type: String },
    tenant: { type: String },
    caseNumber: { type: String },
    state: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'uncertain'], required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date },
    lastError: { type: String },
    lastAttemptAt: { type: Date },
    response: { type: String },
    messageId: { type: String },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    sentAt: { type: Date },
    resolvedBy: { type: String },
    day: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);

// Serves the dispatcher's due entries ({state: 'pending', nextAttemptAt: {$lte: now}} sorted by nextAttemptAt),
// its recovery of abandoned attempts ({state: 'sending', leaseUntil: {$lt: now}} sorted by nextAttemptAt), and
// operators' lists by state (listByState).
notificationSchema.index(
  { state: 1, nextAttemptAt: 1, leaseUntil: 1 },
  { name: 'state_1_nextAttemptAt_1_leaseUntil_1' },
);
// Serves the notifications of one case (listForCase: {caseNumber}, sorted by createdAt).
notificationSchema.index({ caseNumber: 1, createdAt: 1 }, { name: 'caseNumber_1_createdAt_1' });
// Serves expiry: one {day: 'YYYY-MM-DD'} delete per day (sweep).
notificationSchema.index({ day: 1 }, { name: 'day_1' });

const SWEEP_STATE_ID = '#notification-sweep';
const DAY_MS = 86_400_000;
const FIRST_SWEEP_DAYS = 60;
/** How long entries are kept: well beyond any redelivery of the events that cause them (Kafka keeps 7 days). */
export const DEFAULT_NOTIFICATION_RETENTION_MS = 180 * DAY_MS;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

type StoredEntry = Omit<LedgerEntry, 'id'> & { _id: string };

function toEntry(doc: StoredEntry | null): LedgerEntry | null {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

/** The ledger of one service's notifications, in its own database. */
export class NotificationLedger {
  readonly model: Model<any>;

  constructor(
    connection: Connection,
    private readonly options: { collection?: string; now?: () => Date } = {},
  ) {
    const name = options.collection ?? 'notifications';
    this.model =
      (connection.models[name] as Model<any> | undefined) ??
      (connection.model(name, notificationSchema, name) as unknown as Model<any>);
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Records a notification to send. `false` when its id is already there (it is not sent again). */
  async enqueue(notification: NewNotification): Promise<boolean> {
    const now = this.now();
    const { id, ...fields } = notification;
    return insertNew(this.model, {
      _id: id,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      version: 1,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
      day: utcDay(now),
    });
  }

  async get(id: string): Promise<LedgerEntry | null> {
    return toEntry((await this.model.findOne({ _id: id }).lean()) as StoredEntry | null);
  }

  /** Entries in one state, oldest next attempt first (e.g. `uncertain` for an operator). */
  async listByState(state: NotificationState, limit = 100): Promise<LedgerEntry[]> {
    const docs = (await this.model
      .find({ state })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean()) as unknown as StoredEntry[];
    return docs.map((d) => toEntry(d)!);
  }

  /** The notifications of one case, oldest first. */
  async listForCase(caseNumber: string, limit = 200): Promise<LedgerEntry[]> {
    const docs = (await this.model
      .find({ caseNumber })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean()) as unknown as StoredEntry[];
    return docs.map((d) => toEntry(d)!);
  }

  /** Pending entries due now, oldest first. */
  async due(now: Date, limit: number): Promise<LedgerEntry[]> {
    const docs = (await this.model
      .find({ state: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean()) as unknown as StoredEntry[];
    return docs.map((d) => toEntry(d)!);
  }

  /** Attempts whose lease ran out: the process sending them died (or stalled beyond the lease). */
  async abandoned(now: Date, limit: number): Promise<LedgerEntry[]> {
    const docs = (await this.model
      .find({ state: 'sending', leaseUntil: { $lt: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean()) as unknown as StoredEntry[];
    return docs.map((d) => toEntry(d)!);
  }

  /** One versioned change of an entry (throws ConcurrencyError when it changed since `version`). */
  async update(id: string, version: number, set: Partial<LedgerEntry>, unset: (keyof LedgerEntry)[] = []) {
    await updateVersioned(this.model, id, version, {
      $set: { ...set, updatedAt: this.now() },
      ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, ''])) } : {}),
    });
  }

  /**
   * An operator's decision on an `uncertain` entry: `sent` (it was found delivered — e.g. in the mail server or
   * the provider's console) or `resend` (it was not; back to `pending`, sent again with the same Message-ID).
   * False when the entry is not uncertain (any more).
   */
  async resolveUncertain(id: string, resolution: 'sent' | 'resend', by: string): Promise<boolean> {
    const entry = await this.get(id);
    if (!entry || entry.state !== 'uncertain') return false;
    const now = this.now();
    await this.update(
      id,
      entry.version,
      resolution === 'sent'
        ? { state: 'sent', sentAt: now, resolvedBy: `${by}: confirmed sent` }
        : { state: 'pending', nextAttemptAt: now, resolvedBy: `${by}: resend` },
    );
    return true;
  }

  /**
   * Deletes the entries of every whole UTC day older than `retentionMs`, one `{day}` delete per day since the last
   * sweep (recorded in the collection under `#notification-sweep`). The first sweep of a collection looks back
   * FIRST_SWEEP_DAYS days from its last day. Returns the number deleted.
   */
  async sweep(options: { retentionMs?: number; now?: Date } = {}): Promise<number> {
    return sweepExpiredDays(this.model.collection, {
      retentionMs: options.retentionMs ?? DEFAULT_NOTIFICATION_RETENTION_MS,
      now: options.now ?? this.now(),
      state: { collection: this.model.collection, id: SWEEP_STATE_ID },
      // A first sweep looks back FIRST_SWEEP_DAYS days (no unindexed scan for the oldest entry).
      firstSweep: { lookBackDays: FIRST_SWEEP_DAYS },
    });
  }
}
