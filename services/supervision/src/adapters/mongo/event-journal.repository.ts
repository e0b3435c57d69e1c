import { insertAllOnce, type Connection, type Model } from '@govhall/mongo';
import type { RecordedEvent } from '../../domain/recorded-event';
import type { EventJournal } from '../../usecases/ports';
import { recordedEventSchema, type RecordedEventDocument } from './recorded-event.schema';

export class MongoEventJournal implements EventJournal {
  readonly model: Model<RecordedEventDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<RecordedEventDocument>('RecordedEvent', recordedEventSchema);
  }

  async record(event: RecordedEvent): Promise<void> {
    await this.recordAll([event]);
  }

  async recordAll(events: readonly RecordedEvent[]): Promise<void> {
    await insertAllOnce(
      this.model.collection,
      events.map(({ eventId, ...rest }) => ({ _id: eventId as never, ...rest })),
    );
  }

  async listByAggregate(aggregateId: string): Promise<RecordedEvent[]> {
    const docs = await this.model.find({ aggregateId }).sort({ aggregateVersion: 1, occurredAt: 1 }).lean();
    return docs.map(({ _id, ...rest }) => ({ eventId: String(_id), ...rest, traceparent: rest.traceparent ?? '' }));
  }
}
