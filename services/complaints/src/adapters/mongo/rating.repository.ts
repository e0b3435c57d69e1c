import type { Principal } from '@govhall/auth';
import { chinaDate } from '@govhall/identifiers';
import { isDuplicateKeyError, outboxFields, type Connection, type Model } from '@govhall/mongo';
import type { Rating, RatingEvent } from '../../domain/ratings/rating';
import type { RatingRepository } from '../../usecases/ratings/ports';
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
        ...outboxFields(ratingOutbox(events, actor)),
      });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async findByCase(caseId: string): Promise<Rating | null> {
    const doc = await this.model.collection.findOne({ ratedKey: ratedKey({ subject: 'case', caseId, visitId: '' }) });
    return doc ? toRating(doc as unknown as StoredRating) : null;
  }
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
  };
}
