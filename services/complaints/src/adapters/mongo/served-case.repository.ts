import { documentKey, documentLocks, type Connection, type Model } from '@govhall/mongo';
import { chinaDate } from '@govhall/identifiers';
import type { Rating } from '../../domain/ratings/rating';
import type { ServedCase } from '../../domain/ratings/served-case';
import type { RatingFilter, ServedCaseRepository } from '../../usecases/ratings/ports';
import { servedCaseSchema, type ServedCaseDocument } from './served-case.schema';

type Stored = Omit<ServedCase, 'caseId'> & { _id: string };

function toServedCase(doc: Stored): ServedCase {
  return {
    tenant: doc.tenant,
    caseId: doc._id,
    caseNumber: doc.caseNumber,
    itemName: doc.itemName,
    department: doc.department,
    windowId: doc.windowId,
    staff: (doc.staff ?? []).map((s) => ({ username: s.username, department: s.department, part: s.part })),
    applicantName: doc.applicantName,
    ...(doc.completedAt ? { completedAt: doc.completedAt } : {}),
    ...(doc.defaultOn ? { defaultOn: doc.defaultOn } : {}),
    ratingId: doc.ratingId ?? '',
    ...(doc.ratedChannel ? { ratedChannel: doc.ratedChannel } : {}),
    appliedEventIds: doc.appliedEventIds ?? [],
  };
}

/**
 * The served cases. Written by the case stream's consumer (one message of a case at a time, in order) and by
 * markRated, which sets one field the consumer never writes.
 */
export class MongoServedCases implements ServedCaseRepository {
  readonly model: Model<ServedCaseDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ServedCaseDocument>('ServedCase', servedCaseSchema);
  }

  async find(caseId: string): Promise<ServedCase | null> {
    const doc = await this.model.collection.findOne({ _id: caseId as never });
    return doc ? toServedCase(doc as unknown as Stored) : null;
  }

  async findByNumber(caseNumber: string): Promise<ServedCase | null> {
    const doc = await this.model.collection.findOne({ caseNumber });
    return doc ? toServedCase(doc as unknown as Stored) : null;
  }

  async put(c: ServedCase): Promise<void> {
    const { caseId, ratingId: _rating, ratedChannel: _channel, ...fields } = c;
    // ratingId and ratedChannel are markRated's: the consumer's write leaves them as they are. completedDay (China)
    // is what the coverage counts by.
    const completedDay = c.completedAt ? chinaDate(c.completedAt) : '';
    await this.locked(caseId, () =>
      this.model.collection.updateOne(
        { _id: caseId as never },
        { $set: { ...fields, completedDay }, $setOnInsert: { ratingId: '', ratedChannel: '' } },
        { upsert: true },
      ),
    );
  }

  async markRated(caseId: string, rating: Pick<Rating, 'id' | 'channel'>): Promise<void> {
    await this.locked(caseId, () =>
      this.model.collection.updateOne(
        { _id: caseId as never },
        { $set: { ratingId: rating.id, ratedChannel: rating.channel } },
      ),
    );
  }

  async coverage(f: RatingFilter): Promise<{ completed: number; ratedByPerson: number }> {
    const query = {
      tenant: f.tenant,
      completedDay: { $gte: f.from, $lte: f.to },
      ...(f.department ? { department: f.department } : {}),
      ...(f.windowId ? { windowId: f.windowId } : {}),
      ...(f.staff ? { 'staff.username': f.staff } : {}),
    };
    const [completed, ratedByPerson] = await Promise.all([
      this.model.collection.countDocuments(query),
      this.model.collection.countDocuments({ ...query, ratingId: { $ne: '' }, ratedChannel: { $ne: 'default' } }),
    ]);
    return { completed, ratedByPerson };
  }

  /** FerretDB updates by read-modify-write: the consumer's and markRated's writes of one case go one at a time. */
  private locked<T>(caseId: string, work: () => Promise<T>): Promise<T> {
    return documentLocks.run(documentKey(this.model.collection.collectionName, caseId), work);
  }

  async dueForDefault(today: string, limit: number): Promise<ServedCase[]> {
    const docs = await this.model.collection
      .find({ ratingId: '', defaultOn: { $lte: today } })
      .sort({ defaultOn: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => toServedCase(d as unknown as Stored));
  }
}
