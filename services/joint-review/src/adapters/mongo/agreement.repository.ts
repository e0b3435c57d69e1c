import {
  entityUpdate,
  isDuplicateKeyError,
  toDocument,
  toEntity,
  updateVersioned,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { decodePageToken, encodePageToken } from '@govhall/paging';
import type { Agreement } from '../../domain/delegation/agreement';
import type { AgreementFilter, AgreementRepository } from '../../usecases/delegation/delegation.ports';
import type { Page, PageQuery } from '../../usecases/ports';
import { agreementSchema, type AgreementDocument } from './agreement.schema';

/** Fields that exist only in storage (query copies), never on the entity. */
const PROJECTION = { seriesKeys: 0, listKeys: 0 } as const;

const listKey = (tenant: string, department: string, state: string) => `${tenant}|${department}|${state}`;

/** The query copies of an agreement. */
export function agreementKeys(a: Agreement): { seriesKeys: string[]; listKeys: string[] } {
  return {
    seriesKeys: a.items.map((i) => `${a.tenant}|${i.itemSeriesId}`),
    listKeys: ['', a.department].flatMap((d) => [listKey(a.tenant, d, ''), listKey(a.tenant, d, a.state)]),
  };
}

export class MongoAgreementRepository implements AgreementRepository {
  readonly model: Model<AgreementDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<AgreementDocument>('DelegationAgreement', agreementSchema);
  }

  async insert(agreement: Agreement) {
    try {
      await this.model.collection.insertOne(toDocument(agreement, agreementKeys(agreement)) as never);
      return { agreement, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findByRequest(agreement.tenant, agreement.requestId);
      if (!existing) throw e;
      return { agreement: existing, created: false };
    }
  }

  async findById(id: string): Promise<Agreement | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toEntity<Agreement>(doc) : null;
  }

  async findByRequest(tenant: string, requestId: string): Promise<Agreement | null> {
    const doc = await this.model.findOne({ tenant, requestId }, PROJECTION).lean<StoredDocument>();
    return doc ? toEntity<Agreement>(doc) : null;
  }

  async save(next: Agreement, expectedVersion: number): Promise<Agreement> {
    const stored: Agreement = { ...next, version: expectedVersion + 1 };
    const update = entityUpdate(stored, []);
    const set = (update.$set ?? {}) as Record<string, unknown>;
    await updateVersioned(this.model, stored.id, expectedVersion, {
      ...update,
      $set: { ...set, ...agreementKeys(stored) },
    });
    return stored;
  }

  /** One indexed read of the list key, newest first; the item filter and the page are applied here. */
  async list(filter: AgreementFilter, page: PageQuery): Promise<Page<Agreement>> {
    const key = listKey(filter.tenant, filter.department ?? '', filter.state ?? '');
    const docs = await this.model
      .find({ listKeys: key }, PROJECTION)
      .sort({ createdAt: -1, _id: 1 })
      .lean<StoredDocument[]>();
    const agreements = docs
      .map((d) => toEntity<Agreement>(d))
      .filter((a) => !filter.itemSeriesId || a.items.some((i) => i.itemSeriesId === filter.itemSeriesId));
    const offset = decodePageToken(page.pageToken);
    const end = offset + (page.pageSize > 0 ? page.pageSize : 20);
    return {
      items: agreements.slice(offset, end),
      nextPageToken: end < agreements.length ? encodePageToken(end) : '',
      totalSize: agreements.length,
    };
  }

  async coveringSeries(tenant: string, itemSeriesId: string): Promise<Agreement[]> {
    const docs = await this.model
      .find({ seriesKeys: `${tenant}|${itemSeriesId}` }, PROJECTION)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Agreement>(d));
  }
}
