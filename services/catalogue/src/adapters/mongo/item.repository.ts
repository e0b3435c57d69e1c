import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ConflictError } from '@govhall/errors';
import {
  isDuplicateKeyError,
  outboxFields,
  saveVersioned,
  toDocument,
  toEntity,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { BasicCodeTakenError } from '../../domain/basic-code-taken';
import type { Item, ItemEvent, ItemStatus } from '../../domain/item';
import { emptyContent } from '../../domain/item-content';
import type { ItemRepository } from '../../usecases/ports';
import { toOutbox } from '../kafka/item-events';
import { itemSchema, type ItemDocument } from './item.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, idempotencyKey: 0 } as const;
/** Optional fields a save removes when the item no longer has them (a rejected submission clears its submitter). */
const CLEARABLE: readonly (keyof Item)[] = ['submittedAt', 'submittedBy', 'publishedAt', 'retiredReason'];

/** Items stored before editions existed (the foundation's drafts) read as edition 1 of their own series. */
function toItem(doc: StoredDocument): Item {
  const item = toEntity<Item>(doc);
  return {
    ...item,
    seriesId: item.seriesId ?? item.id,
    edition: item.edition ?? 1,
    previousId: item.previousId ?? '',
    content: item.content ?? emptyContent(),
    reviews: item.reviews ?? [],
    // Stored before editors were recorded: the creator is the one author known.
    editedBy: item.editedBy ?? [item.createdBy],
  };
}

/** A keyword as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when another series of the tenant holds the item's basic code (its edition of the same number). */
async function basicCodeTakenByAnotherSeries(model: Model<ItemDocument>, item: Item): Promise<boolean> {
  const { tenant, basicCode, edition } = item;
  const doc = await model.findOne({ tenant, basicCode, edition }, { seriesId: 1 }).lean<StoredDocument>();
  return doc !== null && (doc.seriesId ?? String(doc._id)) !== item.seriesId;
}

export class MongoItemRepository implements ItemRepository {
  readonly model: Model<ItemDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ItemDocument>('Item', itemSchema);
  }

  async insert(item: Item, events: ItemEvent[], idempotencyKey: string, actor: Principal) {
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      const document = toDocument(item, { idempotencyKey, ...outboxFields(toOutbox(events, actor)) });
      await this.model.collection.insertOne(document as never);
      return { item, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findByIdempotencyKey(item.tenant, idempotencyKey);
      if (existing) return { item: existing, created: false };
      if (await basicCodeTakenByAnotherSeries(this.model, item)) throw new BasicCodeTakenError(item.basicCode);
      // Not the key: another request created this edition of the series first.
      throw new ConflictError('EDITION_IN_PROGRESS', `该事项的第${item.edition}版已由他人创建，请刷新后查看`);
    }
  }

  async findById(id: string): Promise<Item | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toItem(doc) : null;
  }

  async findByIdempotencyKey(tenant: string, idempotencyKey: string): Promise<Item | null> {
    const doc = await this.model.findOne({ tenant, idempotencyKey }, PROJECTION).lean<StoredDocument>();
    return doc ? toItem(doc) : null;
  }

  async update(next: Item, expectedVersion: number, events: ItemEvent[], actor: Principal): Promise<void> {
    try {
      await saveVersioned(this.model, next, expectedVersion, toOutbox(events, actor), CLEARABLE);
    } catch (e) {
      // The only unique key an update can break: a draft renamed to a basic code another series holds.
      if (isDuplicateKeyError(e)) throw new BasicCodeTakenError(next.basicCode);
      throw e;
    }
  }

  async remove(item: Item, expectedVersion: number): Promise<void> {
    const res = await this.model.deleteOne({ _id: item.id, version: expectedVersion, status: 'draft' } as never);
    if (res.deletedCount !== 1) throw new ConcurrencyError();
  }

  async findInSeries(seriesId: string, statuses: readonly ItemStatus[]): Promise<Item[]> {
    const docs = await this.model
      .find({ seriesId, status: { $in: [...statuses] } }, PROJECTION)
      .sort({ edition: 1 })
      .lean<StoredDocument[]>();
    return docs.map(toItem);
  }

  async list(tenant: string, status: ItemStatus | undefined, offset: number, limit: number, keyword?: string) {
    const words = keyword ? escapeRegExp(keyword) : '';
    const filter = {
      tenant,
      ...(status ? { status } : {}),
      ...(words ? { $or: [{ name: { $regex: words } }, { basicCode: { $regex: `^${words.toUpperCase()}` } }] } : {}),
    };
    const [docs, total] = await Promise.all([
      this.model
        .find(filter, PROJECTION)
        .sort({ basicCode: 1, edition: 1, _id: 1 })
        .skip(offset)
        .limit(limit)
        .lean<StoredDocument[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(toItem), total };
  }
}
