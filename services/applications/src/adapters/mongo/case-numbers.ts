import { documentKey, documentLocks, mongoose, type Connection, type Model } from '@govhall/mongo';
import type { CaseNumbers } from '../../usecases/ports';

/** Collection `case_number_days`: one counter per tenant and day of receipt. */
const counterSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'case_number_days', versionKey: false },
);

/**
 * Case numbers (办件编号): region code + YYYYMMDD + a 5-digit sequence of that tenant and day, e.g.
 * 6203212026030200001. `$inc` is atomic on MongoDB; on FerretDB (read-modify-write) the per-document lock of this
 * process, the database's only writer, orders the increments (ADR 0006, ADR 0011).
 */
export class MongoCaseNumbers implements CaseNumbers {
  readonly model: Model<{ _id: string; seq: number }>;

  constructor(connection: Connection) {
    this.model = connection.model('CaseNumberDay', counterSchema) as never;
  }

  async next(tenant: string, date: string): Promise<string> {
    const day = date.replaceAll('-', '');
    const id = `${tenant}-${day}`;
    const doc = await documentLocks.run(documentKey('case_number_days', id), () =>
      this.model
        .findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { upsert: true, new: true })
        .lean<{ seq: number }>(),
    );
    return `${tenant}${day}${String(doc!.seq).padStart(5, '0')}`;
  }
}
