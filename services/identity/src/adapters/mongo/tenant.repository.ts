import type { Principal } from '@govhall/auth';
import { isDuplicateKeyError, updateVersioned, type Connection, type Model } from '@govhall/mongo';
import type { Tenant, TenantEvent } from '../../domain/tenant';
import type { TenantRepository } from '../../usecases/tenancy.ports';
import { toOutbox } from '../kafka/tenancy-events';
import { tenantSchema, type TenantDocument } from './tenant.schema';

const PROJECTION = { outbox: 0, outboxLease: 0 } as const;

export class MongoTenantRepository implements TenantRepository {
  readonly model: Model<TenantDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<TenantDocument>('Tenant', tenantSchema);
  }

  async insert(tenant: Tenant, events: TenantEvent[], actor: Principal): Promise<boolean> {
    const { code, parentCode, ...fields } = tenant;
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      await this.model.collection.insertOne({
        _id: code as never,
        ...fields,
        parentCode: parentCode ?? '',
        outbox: toOutbox(events, actor),
      });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async findByCode(code: string): Promise<Tenant | null> {
    const doc = await this.model.findById(code, PROJECTION).lean();
    return doc ? toTenant(doc) : null;
  }

  async listChildren(parentCode: string | undefined): Promise<Tenant[]> {
    const docs = await this.model
      .find({ parentCode: parentCode ?? '' }, PROJECTION)
      .sort({ _id: 1 })
      .lean();
    return docs.map(toTenant);
  }

  async updateCenter(tenant: Tenant, events: TenantEvent[], expectedVersion: number, actor: Principal) {
    await updateVersioned(this.model, tenant.code, expectedVersion, {
      $set: { center: tenant.center, updatedAt: tenant.updatedAt },
      $push: { outbox: { $each: toOutbox(events, actor) } },
    });
  }
}

function toTenant(doc: Record<string, unknown> & { _id: unknown }): Tenant {
  const { _id, parentCode, ...rest } = doc;
  return {
    code: String(_id),
    ...(rest as Omit<Tenant, 'code' | 'parentCode'>),
    ...(parentCode ? { parentCode: String(parentCode) } : {}),
  };
}
