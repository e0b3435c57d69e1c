import type { Principal } from '@govhall/auth';
import {
  findStale,
  insertNew,
  removeIfStill,
  saveVersioned,
  toDocument,
  toEntity,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { ServiceAccount, ServiceAccountEvent } from '../../domain/service-account';
import type { ServiceAccountRepository } from '../../usecases/staff.ports';
import { serviceAccountOutbox } from '../kafka/staff-events';
import { serviceAccountSchema, type ServiceAccountDocument } from './service-account.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

export class MongoServiceAccountRepository implements ServiceAccountRepository {
  readonly model: Model<ServiceAccountDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ServiceAccountDocument>('ServiceAccount', serviceAccountSchema);
  }

  async insert(account: ServiceAccount): Promise<boolean> {
    return insertNew(this.model, toDocument(account, { outbox: [] }));
  }

  async findById(id: string) {
    return toEntity<ServiceAccount>(await this.model.findById(id, PROJECTION).lean());
  }

  async findByClientId(clientId: string) {
    return toEntity<ServiceAccount>(await this.model.findOne({ clientId }, PROJECTION).lean());
  }

  async list(tenant: string) {
    const docs = await this.model.find({ tenant }, PROJECTION).sort({ clientId: 1 }).limit(500).lean();
    return docs.map((d) => toEntity<ServiceAccount>(d));
  }

  async update(next: ServiceAccount, expectedVersion: number, events: ServiceAccountEvent[], actor: Principal) {
    await saveVersioned(this.model, next, expectedVersion, serviceAccountOutbox(events, actor));
  }

  async removeProvisioning(id: string, expectedVersion: number) {
    return removeIfStill(this.model, id, { status: 'provisioning', version: expectedVersion });
  }

  async findProvisioning(updatedBefore: Date) {
    const docs = await findStale(this.model, { status: 'provisioning' }, updatedBefore, PROJECTION);
    return docs.map((d) => toEntity<ServiceAccount>(d));
  }
}
