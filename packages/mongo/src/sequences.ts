import mongoose, { type Connection, type Model } from 'mongoose';
import { documentKey, documentLocks } from './document-lock';

const counterSchema = (collection: string) =>
  new mongoose.Schema(
    { _id: { type: String, required: true }, seq: { type: Number, required: true } },
    { collection, versionKey: false },
  );

/**
 * Numbered sequences (case numbers per tenant and day, notice numbers per tenant and year, licence numbers …): one
 * counter document per key in `collection`. `$inc` is atomic on MongoDB; on FerretDB (read-modify-write) the
 * per-document lock of this process, the database's only writer, orders the increments (ADR 0006, ADR 0011). A number
 * drawn for a write that then fails leaves a gap.
 */
export class Sequences {
  readonly model: Model<{ _id: string; seq: number }>;

  constructor(
    connection: Connection,
    modelName: string,
    private readonly collection: string,
  ) {
    this.model = connection.model(modelName, counterSchema(collection)) as never;
  }

  /** The next number of `key`'s sequence: 1, 2, 3 … */
  async next(key: string): Promise<number> {
    const doc = await documentLocks.run(documentKey(this.collection, key), () =>
      this.model
        .findOneAndUpdate({ _id: key }, { $inc: { seq: 1 } }, { upsert: true, new: true })
        .lean<{ seq: number }>(),
    );
    return doc!.seq;
  }
}
