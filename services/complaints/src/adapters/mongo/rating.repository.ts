import { WITHOUT_OUTBOX } from '@govhall/kafka';
import type { Principal } from '@govhall/auth';
import { chinaDate } from '@govhall/identifiers';
import {
  documentKey,
  documentLocks,
  isDuplicateKeyError,
  outboxFields,
  type Connection,
  type FileChunks,
  type Model,
} from '@govhall/mongo';
import type { Rating, RatingChannel, RatingEvent, RatingLevel } from '../../domain/ratings/rating';
import type { RatingFilter, RatingRepository, RatingScans } from '../../usecases/ratings/ports';
import { ratingOutbox } from '../kafka/rating-events';
import { ratingSchema, type RatingDocument } from './rating.schema';

const ratedKey = (r: Pick<Rating, 'subject' | 'caseId' | 'visitId'>) =>
  r.subject === 'case' ? `case:${r.caseId}` : `visit:${r.visitId}`;

export class MongoRatings implements RatingRepository {
  readonly model: Model<RatingDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<RatingDocument>('Rating', ratingSchema);
  }

  async insert(rating: Rating, events: RatingEvent[], actor: Principal | undefined): Promise<boolean> {
    const { id, ...fields } = rating;
    try {
      // The rating and its events in one document write: the outbox relay publishes them afterwards.
      await this.model.collection.insertOne({
        _id: id as never,
        ratedKey: ratedKey(rating),
        ratedDay: chinaDate(rating.ratedAt),
        ...fields,
        // A bad rating waits for its rectification until markRectificationOpened (the sweep finds it otherwise).
        ...(rating.rectificationId ? { rectificationPending: true } : {}),
        ...outboxFields(ratingOutbox(events, actor)),
      });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async find(id: string): Promise<Rating | null> {
    const doc = await this.model.collection.findOne({ _id: id as never }, { projection: WITHOUT_OUTBOX });
    return doc ? toRating(doc as unknown as StoredRating) : null;
  }

  async findByCase(caseId: string): Promise<Rating | null> {
    const doc = await this.model.collection.findOne({ ratedKey: ratedKey({ subject: 'case', caseId, visitId: '' }) });
    return doc ? toRating(doc as unknown as StoredRating) : null;
  }

  async list(filter: RatingFilter, offset: number, limit: number): Promise<{ ratings: Rating[]; total: number }> {
    const query = ratingQuery(filter);
    const [docs, total] = await Promise.all([
      this.model.collection
        .find(query, { projection: WITHOUT_OUTBOX })
        .sort({ ratedAt: -1, _id: 1 })
        .skip(offset)
        .limit(limit)
        .toArray(),
      this.model.collection.countDocuments(query),
    ]);
    return { ratings: docs.map((d) => toRating(d as unknown as StoredRating)), total };
  }

  async pendingRectifications(limit: number): Promise<Rating[]> {
    const docs = await this.model.collection
      .find({ rectificationPending: true }, { projection: WITHOUT_OUTBOX })
      .sort({ ratedAt: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => toRating(d as unknown as StoredRating));
  }

  async markRectificationOpened(id: string): Promise<void> {
    await this.setFlag(id, { $unset: { rectificationPending: '' } });
  }

  async markAppealUpheld(id: string): Promise<void> {
    await this.setFlag(id, { $set: { appealUpheld: true } });
  }

  /** A storage flag of a stored rating, ordered with the relay's writes of the same document (docs/store-rules.md). */
  private async setFlag(id: string, update: Record<string, unknown>): Promise<void> {
    await documentLocks.run(documentKey(this.model.collection.collectionName, id), () =>
      this.model.collection.updateOne({ _id: id as never }, update),
    );
  }

  async tally(filter: RatingFilter): Promise<{ level: RatingLevel; channel: RatingChannel; count: number }[]> {
    const rows = await this.model.collection
      .aggregate<{ _id: { level: RatingLevel; channel: RatingChannel }; count: number }>([
        { $match: { ...ratingQuery(filter), appealUpheld: { $ne: true } } },
        { $group: { _id: { level: '$level', channel: '$channel' }, count: { $sum: 1 } } },
      ])
      .toArray();
    return rows.map((r) => ({ level: r._id.level, channel: r._id.channel, count: r.count }));
  }
}

/** The tenant's period first (index {tenant, ratedDay}), then the narrowing fields, applied to those rows. */
function ratingQuery(f: RatingFilter): Record<string, unknown> {
  return {
    tenant: f.tenant,
    ratedDay: { $gte: f.from, $lte: f.to },
    ...(f.department ? { department: f.department } : {}),
    ...(f.windowId ? { windowId: f.windowId } : {}),
    ...(f.staff ? { 'staff.username': f.staff } : {}),
    ...(f.levels.length > 0 ? { level: { $in: f.levels } } : {}),
    ...(f.channels.length > 0 ? { channel: { $in: f.channels } } : {}),
  };
}

type StoredRating = Omit<Rating, 'id'> & { _id: string };

function toRating(doc: StoredRating): Rating {
  return {
    id: doc._id,
    tenant: doc.tenant,
    subject: doc.subject,
    caseId: doc.caseId,
    caseNumber: doc.caseNumber,
    visitId: doc.visitId,
    itemName: doc.itemName,
    department: doc.department,
    windowId: doc.windowId,
    staff: (doc.staff ?? []).map((s) => ({ username: s.username, department: s.department, part: s.part })),
    level: doc.level,
    reason: doc.reason,
    channel: doc.channel,
    realName: doc.realName,
    raterName: doc.raterName,
    recordedBy: doc.recordedBy,
    ratedAt: doc.ratedAt,
    rectificationId: doc.rectificationId,
    ...(doc.appealUpheld ? { appealUpheld: true } : {}),
    ...(doc.scan ? { scan: { contentType: doc.scan.contentType, size: doc.scan.size } } : {}),
  };
}

/** Suggestion-box slips' scans: @govhall/mongo's chunk store, owner `rating-scan`, file id = the rating's id. */
export class MongoRatingScans implements RatingScans {
  constructor(private readonly chunks: FileChunks) {}

  put(ratingId: string, content: Buffer): Promise<void> {
    return this.chunks.put('rating-scan', ratingId, content);
  }

  get(ratingId: string): Promise<Buffer | null> {
    return this.chunks.get('rating-scan', ratingId);
  }
}
