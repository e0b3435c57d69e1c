import {
  ensureExpiryDayIndex,
  expiryDay,
  isDuplicateKeyError,
  mongoose,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { BankLedger, BankMessageRecord, BankNonces } from '../../usecases/ports';

/** Collection `bank_nonces`: `_id` "<channel>:<nonce>", expiring by day (kept well past the time window). */
const nonceSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, day: { type: String, required: true } },
  { collection: 'bank_nonces', versionKey: false },
);

/** A nonce is claimed by inserting it: the unique `_id` decides, atomically. */
export class MongoBankNonces implements BankNonces {
  readonly model: Model<{ _id: string; day: string }>;

  constructor(connection: Connection) {
    this.model = connection.model('BankNonce', nonceSchema) as never;
  }

  async ensureIndexes(): Promise<void> {
    await ensureExpiryDayIndex(this.model.collection);
  }

  async claim(channel: string, nonce: string, at: Date): Promise<boolean> {
    try {
      // Expires two days on: the ±300 s window never reaches back that far.
      await this.model.collection.insertOne({
        _id: `${channel}:${nonce}`,
        day: expiryDay(new Date(at.getTime() + 2 * 86_400_000)),
      } as never);
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }
}

/** Collection `bank_messages`: every bank message with its verdict, never its payload. */
const messageSchema = new mongoose.Schema(
  {
    channel: { type: String, required: true },
    type: { type: String, required: true },
    outcome: { type: String, required: true },
    reason: String,
    paymentCode: String,
    noticeId: String,
    at: { type: Date, required: true },
  },
  { collection: 'bank_messages', versionKey: false },
);
// The refusals of a notice, and a channel's messages by time (operations).
messageSchema.index({ noticeId: 1, at: -1 });
messageSchema.index({ channel: 1, at: -1 });

export class MongoBankLedger implements BankLedger {
  readonly model: Model<BankMessageRecord>;

  constructor(connection: Connection) {
    this.model = connection.model<BankMessageRecord>('BankMessage', messageSchema);
  }

  async record(entry: BankMessageRecord): Promise<void> {
    await this.model.collection.insertOne({ ...entry });
  }

  /** A notice's messages, newest first (tests and operations). */
  async ofNotice(noticeId: string): Promise<BankMessageRecord[]> {
    return this.model.find({ noticeId }, { _id: 0 }).sort({ at: -1 }).lean<BankMessageRecord[]>();
  }

  /** A channel's latest messages. */
  async latest(channel: string, limit: number): Promise<BankMessageRecord[]> {
    return this.model.find({ channel }, { _id: 0 }).sort({ at: -1 }).limit(limit).lean<BankMessageRecord[]>();
  }
}
