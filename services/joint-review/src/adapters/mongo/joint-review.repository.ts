import type { Principal } from '@govhall/auth';
import { isDuplicateKeyError, outboxFields, type Connection, type Model } from '@govhall/mongo';
import type { JointReview, JointReviewEvent } from '../../domain/joint-review';
import type { JointReviewRepository } from '../../usecases/ports';
import { toOutbox } from '../kafka/joint-review-events';
import { jointReviewSchema, type JointReviewDocument } from './joint-review.schema';

export class MongoJointReviewRepository implements JointReviewRepository {
  readonly model: Model<JointReviewDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<JointReviewDocument>('JointReview', jointReviewSchema);
  }

  async insert(jointReview: JointReview, events: JointReviewEvent[], actor: Principal): Promise<boolean> {
    const { id, ...fields } = jointReview;
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      await this.model.collection.insertOne({ _id: id as never, ...fields, ...outboxFields(toOutbox(events, actor)) });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }
}
