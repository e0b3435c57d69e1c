import { documentKey, documentLocks, mongoose, type Connection, type Model } from '@govhall/mongo';
import type { NoticeNumbers } from '../../usecases/ports';

/** Collection `notice_number_years`: one counter per tenant and year. */
const counterSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'notice_number_years', versionKey: false },
);

/**
 * 通知书编号 sequences. `$inc` is atomic on MongoDB; on FerretDB the per-document lock of this process, the
 * database's only writer, orders the increments (ADR 0006, ADR 0011). A notice whose write then loses a race leaves
 * a gap in the sequence.
 */
export class MongoNoticeNumbers implements NoticeNumbers {
  readonly model: Model<{ _id: string; seq: number }>;

  constructor(connection: Connection) {
    this.model = connection.model('NoticeNumberYear', counterSchema) as never;
  }

  async next(tenant: string, year: number): Promise<number> {
    const id = `${tenant}-${year}`;
    const doc = await documentLocks.run(documentKey('notice_number_years', id), () =>
      this.model
        .findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { upsert: true, new: true })
        .lean<{ seq: number }>(),
    );
    return doc!.seq;
  }
}
