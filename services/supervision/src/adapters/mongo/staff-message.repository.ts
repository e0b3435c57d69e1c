import { metrics } from '@opentelemetry/api';
import { insertNew, toDocument, toEntity, type Connection, type Model, type StoredDocument } from '@govhall/mongo';
import type { StaffMessage } from '../../domain/messages/signal-messages';
import type { StaffMessageStore, StoredStaffMessage } from '../../usecases/messages/messages.ports';
import { staffMessageSchema } from './staff-message.schema';

const PROJECTION = { unread: 0 } as const;
const messagesStored = metrics.getMeter('@govhall/supervision').createCounter('supervision.staff_messages.stored', {
  description: 'Site messages to staff about raised signals, stored (each once), by level',
});

export class MongoStaffMessageStore implements StaffMessageStore {
  readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = connection.model('StaffMessage', staffMessageSchema);
  }

  /** One insert per message (a signal has a handful): the ids already stored (a redelivery) are skipped. */
  async insertNew(messages: StaffMessage[]): Promise<number> {
    let stored = 0;
    for (const m of messages) {
      if (!(await insertNew(this.model, toDocument(m, { unread: true })))) continue;
      stored += 1;
      messagesStored.add(1, { level: m.level });
    }
    return stored;
  }

  async listFor(username: string, unreadOnly: boolean, offset: number, limit: number): Promise<StoredStaffMessage[]> {
    const docs = await this.model
      .find(unreadOnly ? { username, unread: true } : { username }, PROJECTION)
      .sort({ createdAt: -1, _id: 1 })
      .skip(offset)
      .limit(limit)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<StoredStaffMessage>(d));
  }

  async countFor(username: string, unreadOnly: boolean): Promise<number> {
    return this.model.countDocuments(unreadOnly ? { username, unread: true } : { username });
  }

  async get(id: string): Promise<StoredStaffMessage | null> {
    return toEntity<StoredStaffMessage>(await this.model.findById(id, PROJECTION).lean<StoredDocument>());
  }

  async markRead(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id, unread: true }, { $set: { unread: false, readAt: at } });
  }
}
