import type { Principal } from '@govhall/auth';
import { isDuplicateKeyError, updateVersioned, type Connection, type Model } from '@govhall/mongo';
import type { ServiceAccount, ServiceAccountEvent } from '../../domain/service-account';
import type { ServiceAccountRepository } from '../../usecases/staff.ports';
import { serviceAccountOutbox } from '../kafka/staff-events';
import { serviceAccountSchema, type ServiceAccountDocument } from './service-account.schema';

const PROJECTION = { outbox: 0, outboxLease: 0 } as const;

export class MongoServiceAccountRepository implements ServiceAccountRepository {
  readonly model: Model<ServiceAccountDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ServiceAccountDocument>('ServiceAccount', serviceAccountSchema);
  }

  async insert(account: ServiceAccount): Promise<boolean> {
    const { id, ...fields } = account;
    try {
      await this.model.collection.insertOne({ _id: id as never, ...fields, outbox: [] });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async findById(id: string) {
    return toAccount(await this.model.findById(id, PROJECTION).lean());
  }

  async findByClientId(clientId: string) {
    return toAccount(await this.model.findOne({ clientId }, PROJECTION).lean());
  }

  async list(tenant: string) {
    const docs = await this.model.find({ tenant }, PROJECTION).sort({ clientId: 1 }).limit(500).lean();
    return docs.map((d) => toAccount(d)!);
  }

  async update(next: ServiceAccount, expectedVersion: number, events: ServiceAccountEvent[], actor: Principal) {
    const { id, version: _version, ...fields } = next;
    await updateVersioned(this.model, id, expectedVersion, {
      $set: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(events.length ? { $push: { outbox: { $each: serviceAccountOutbox(events, actor) } } } : {}),
    });
  }

  async removeProvisioning(id: string) {
    await this.model.deleteOne({ _id: id, status: 'provisioning' });
  }

  async findProvisioning(updatedBefore: Date) {
    const docs = await this.model
      .find({ status: 'provisioning', updatedAt: { $lt: updatedBefore } }, PROJECTION)
      .limit(100)
      .lean();
    return docs.map((d) => toAccount(d)!);
  }
}

function toAccount(doc: (Record<string, unknown> & { _id: unknown }) | null): ServiceAccount | null {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: String(_id), ...(rest as Omit<ServiceAccount, 'id'>) };
}
