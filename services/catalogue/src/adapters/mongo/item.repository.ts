import type { Principal } from '@govhall/auth';
import { isDuplicateKeyError, toDocument, toEntity, type Connection, type Model } from '@govhall/mongo';
import type { Item, ItemEvent } from '../../domain/item';
import type { ItemRepository } from '../../usecases/ports';
import { toOutbox } from '../kafka/item-events';
import { itemSchema, type ItemDocument } from './item.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, idempotencyKey: 0 } as const;

export class MongoItemRepository implements ItemRepository {
  readonly model: Model<ItemDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ItemDocument>('Item', itemSchema);
  }

  async insert(item: Item, events: ItemEvent[], idempotencyKey: string, actor: Principal) {
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      const document = toDocument(item, { idempotencyKey, outbox: toOutbox(events, actor) });
      await this.model.collection.insertOne(document as never);
      return { item, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findByIdempotencyKey(item.tenant, idempotencyKey);
      if (!existing) throw e;
      return { item: existing, created: false };
    }
  }

  async findById(id: string): Promise<Item | null> {
    return toEntity<Item>(await this.model.findById(id, PROJECTION).lean());
  }

  async findByIdempotencyKey(tenant: string, idempotencyKey: string): Promise<Item | null> {
    return toEntity<Item>(await this.model.findOne({ tenant, idempotencyKey }, PROJECTION).lean());
  }
}
