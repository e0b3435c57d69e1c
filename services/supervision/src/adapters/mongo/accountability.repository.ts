import {
  documentKey,
  documentLocks,
  insertNew,
  outboxFields,
  saveVersioned,
  toDocument,
  toEntity,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import type { Accountability } from '../../domain/accountability/accountability';
import { supervisingTenants } from '../../domain/violations/supervising-tenants';
import type { AccountabilityFilter, AccountabilityStore } from '../../usecases/accountability/accountability.ports';
import { accountabilityDecidedMessage } from '../kafka/violation-events';
import { accountabilitySchema } from './accountability.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, scope: 0, violationsPending: 0 } as const;
const LIST_BATCH = 500;

export class MongoAccountabilityStore implements AccountabilityStore {
  readonly model: Model<any>;

  constructor(
    connection: Connection,
    private readonly afterWrite: () => void = () => {},
  ) {
    this.model = connection.model('Accountability', accountabilitySchema);
  }

  async insertOrGet(a: Accountability): Promise<Accountability> {
    const doc = toDocument(a, { scope: supervisingTenants(a.tenant), violationsPending: true, ...outboxFields([]) });
    if (await insertNew(this.model, doc)) return a;
    return (await this.get(a.id))!;
  }

  async get(id: string): Promise<Accountability | null> {
    return toEntity<Accountability>(await this.model.findById(id, PROJECTION).lean<StoredDocument>());
  }

  async proposedFor(violationIds: string[]): Promise<Accountability[]> {
    const docs = await this.model
      .find({ violationIds: { $in: violationIds }, state: 'proposed' }, PROJECTION)
      .lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Accountability>(d));
  }

  /** The index serves the tenant (or scope) in order; state, target and year are applied while reading. */
  async list(f: AccountabilityFilter, offset: number, limit: number): Promise<Accountability[]> {
    const query = f.includeSubordinates ? { scope: f.tenant } : { tenant: f.tenant };
    const matches = (a: Accountability) =>
      (!f.state || a.state === f.state) && (!f.targetId || a.targetId === f.targetId) && (!f.year || a.year === f.year);
    const found: Accountability[] = [];
    for (let read = 0; found.length < offset + limit; read += LIST_BATCH) {
      const docs = await this.model
        .find(query, PROJECTION)
        .sort({ proposedAt: -1, _id: 1 })
        .skip(read)
        .limit(LIST_BATCH)
        .lean<StoredDocument[]>();
      found.push(...docs.map((d) => toEntity<Accountability>(d)).filter(matches));
      if (docs.length < LIST_BATCH) break;
    }
    return found.slice(offset, offset + limit);
  }

  async saveDecision(next: Accountability, expectedVersion: number): Promise<Accountability> {
    const saved = { ...next, version: expectedVersion + 1 };
    await saveVersioned(this.model, { ...saved, violationsPending: true }, expectedVersion, [
      accountabilityDecidedMessage(saved),
    ]);
    this.afterWrite();
    return saved;
  }

  async pendingViolationSync(limit: number): Promise<Accountability[]> {
    const docs = await this.model.find({ violationsPending: true }, PROJECTION).limit(limit).lean<StoredDocument[]>();
    return docs.map((d) => toEntity<Accountability>(d));
  }

  async markViolationsSynced(id: string): Promise<void> {
    // Under the document's lock like the outbox relay's writes (FerretDB updates a whole document: an unguarded
    // update racing the relay could put a sent AccountabilityDecided back into the outbox).
    await documentLocks.run(documentKey(this.model.collection.collectionName, id), () =>
      this.model.updateOne({ _id: id }, { $unset: { violationsPending: '' } }),
    );
  }
}
