import type { Connection } from '@govhall/mongo';
import type { Item } from '../../domain/item';
import { emptyContent } from '../../domain/item-content';
import type { PublishedItemsSource } from '../search/search-index-refresher';
import type { PublishedItems } from '../../usecases/public.ports';

const PUBLIC_STATUSES = ['published', 'superseded'];
/** Fields only the store keeps. */
const OMIT = { outbox: 0, outboxLease: 0, outboxPending: 0, idempotencyKey: 0 } as const;
const BATCH = 500;

/** A raw document of collection `items` (ids are UUID strings). */
type Document = { _id: string } & Record<string, any>;

/**
 * A stored item document (the domain Item with `_id`) back to the domain shape. Read raw rather than through the
 * write side's mongoose model, so reading never depends on (or registers) that model; fields a document written
 * before the catalogue issue lacks get their defaults.
 */
export function toItem(doc: Document): Item {
  const id = String(doc._id);
  const item: Item = {
    id,
    seriesId: doc.seriesId ?? id,
    edition: doc.edition ?? 1,
    previousId: doc.previousId ?? '',
    tenant: doc.tenant,
    name: doc.name,
    basicCode: doc.basicCode,
    kind: doc.kind,
    handlingCategory: doc.handlingCategory,
    department: doc.department,
    status: doc.status,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    createdBy: doc.createdBy,
    editedBy: doc.editedBy ?? [doc.createdBy],
    content: { ...emptyContent(), ...doc.content },
    reviews: doc.reviews ?? [],
  };
  if (doc.submittedAt) item.submittedAt = doc.submittedAt;
  if (doc.publishedAt) item.publishedAt = doc.publishedAt;
  if (doc.retiredReason) item.retiredReason = doc.retiredReason;
  return item;
}

/** Read-only queries of collection `items` for the public side: published and superseded editions only. */
export class MongoPublishedItemsQuery implements PublishedItems, PublishedItemsSource {
  constructor(private readonly connection: Connection) {}

  private get items() {
    return this.connection.db!.collection<Document>('items');
  }

  async findPublic(id: string): Promise<Item | null> {
    const doc = await this.items.findOne(
      { _id: id, status: { $in: PUBLIC_STATUSES } },
      {
        projection: OMIT,
      },
    );
    return doc ? toItem(doc) : null;
  }

  async isFileReferenced(tenant: string, fileId: string): Promise<boolean> {
    const filter = {
      tenant,
      status: { $in: PUBLIC_STATUSES },
      $or: [{ 'content.materials.blankFormFileId': fileId }, { 'content.materials.sampleFileId': fileId }],
    };
    return (await this.items.findOne(filter, { projection: { _id: 1 } })) !== null;
  }

  async publishedBasicCodes(tenant: string, basicCodes: readonly string[]): Promise<string[]> {
    const docs = await this.items
      .find(
        { tenant, status: 'published', basicCode: { $in: [...basicCodes] } },
        { projection: { _id: 0, basicCode: 1 } },
      )
      .toArray();
    return [...new Set(docs.map((d) => String(d.basicCode)))];
  }

  async publishedVersions(): Promise<Map<string, number>> {
    const docs = await this.items.find({ status: 'published' }, { projection: { _id: 1, version: 1 } }).toArray();
    return new Map(docs.map((d) => [String(d._id), Number(d.version)]));
  }

  async findByIds(ids: readonly string[]): Promise<Item[]> {
    const out: Item[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const docs = await this.items.find({ _id: { $in: batch } }, { projection: OMIT }).toArray();
      out.push(...docs.map(toItem));
    }
    return out;
  }
}
