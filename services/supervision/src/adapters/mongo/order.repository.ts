import { metrics } from '@opentelemetry/api';
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
import type { OrderChange, SupervisionOrder } from '../../domain/orders/supervision-order';
import { supervisingTenants } from '../../domain/violations/supervising-tenants';
import type { OrderFilter, OrderStore } from '../../usecases/orders/orders.ports';
import { orderEventMessage } from '../kafka/order-events';
import { orderSchema } from './order.schema';
import { pagedFilter } from './paged-filter';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0, scope: 0, matterPending: 0 } as const;
const orderChanges = metrics.getMeter('@govhall/supervision').createCounter('supervision.orders.changed', {
  description: '督办 order changes stored (each once), by event: issued, replied, returned, closed',
});

export class MongoOrderStore implements OrderStore {
  readonly model: Model<any>;

  constructor(
    connection: Connection,
    private readonly afterWrite: () => void = () => {},
  ) {
    this.model = connection.model('SupervisionOrder', orderSchema);
  }

  async insertOrGet(change: OrderChange): Promise<SupervisionOrder> {
    const o = change.order;
    const doc = toDocument(o, {
      scope: supervisingTenants(o.tenant),
      matterPending: true,
      ...outboxFields([orderEventMessage(change)]),
    });
    if (!(await insertNew(this.model, doc))) return (await this.get(o.id))!;
    orderChanges.add(1, { event: change.event });
    this.afterWrite();
    return o;
  }

  async get(id: string): Promise<SupervisionOrder | null> {
    return toEntity<SupervisionOrder>(await this.model.findById(id, PROJECTION).lean<StoredDocument>());
  }

  async save(change: OrderChange, expectedVersion: number): Promise<SupervisionOrder> {
    const saved = { ...change.order, version: expectedVersion + 1 };
    await saveVersioned(
      this.model,
      { ...saved, matterPending: true },
      expectedVersion,
      [orderEventMessage({ ...change, order: saved })],
      ['closedAt'],
    );
    orderChanges.add(1, { event: change.event });
    this.afterWrite();
    return saved;
  }

  /** The index serves the tenant (or scope) in order; state and department are applied while reading. */
  async list(f: OrderFilter, offset: number, limit: number): Promise<SupervisionOrder[]> {
    const query = f.includeSubordinates ? { scope: f.tenant } : { tenant: f.tenant };
    const matches = (o: SupervisionOrder) =>
      (!f.state || o.state === f.state) &&
      (!f.responsibleDepartment || o.responsibleDepartment === f.responsibleDepartment);
    return pagedFilter(
      this.model,
      { query, projection: PROJECTION, sort: { issuedAt: -1, _id: 1 } },
      matches,
      offset,
      limit,
    );
  }

  async pendingMatters(limit: number): Promise<SupervisionOrder[]> {
    const docs = await this.model.find({ matterPending: true }, PROJECTION).limit(limit).lean<StoredDocument[]>();
    return docs.map((d) => toEntity<SupervisionOrder>(d));
  }

  async markMatterSynced(id: string, version: number): Promise<void> {
    // Under the document's lock like the outbox relay's writes: FerretDB applies an update as read-modify-write of
    // the whole document, so an unguarded one racing the relay's emptying of the outbox put the sent event back
    // (OrderIssued published twice, seen in CI).
    await documentLocks.run(documentKey(this.model.collection.collectionName, id), () =>
      this.model.updateOne({ _id: id, version }, { $unset: { matterPending: '' } }),
    );
  }
}
