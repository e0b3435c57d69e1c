import type { Principal } from '@govhall/auth';
import { isDuplicateKeyError, outboxFields, type Connection, type Model } from '@govhall/mongo';
import type { Complaint, ComplaintEvent } from '../../domain/complaint';
import type { ComplaintRepository } from '../../usecases/ports';
import { toOutbox } from '../kafka/complaint-events';
import { complaintSchema, type ComplaintDocument } from './complaint.schema';

export class MongoComplaintRepository implements ComplaintRepository {
  readonly model: Model<ComplaintDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ComplaintDocument>('Complaint', complaintSchema);
  }

  async insert(complaint: Complaint, events: ComplaintEvent[], actor: Principal): Promise<boolean> {
    const { id, ...fields } = complaint;
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
