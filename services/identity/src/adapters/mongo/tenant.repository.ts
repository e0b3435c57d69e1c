import type { Principal } from '@govhall/auth';
import {
  insertNew,
  outboxFields,
  toDocument,
  toEntity,
  updateVersioned,
  withOutbox,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import type { Tenant, TenantEvent } from '../../domain/tenant';
import type { TenantRepository } from '../../usecases/tenancy.ports';
import { toOutbox } from '../kafka/tenancy-events';
import { tenantSchema, type TenantDocument } from './tenant.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

export class MongoTenantRepository implements TenantRepository {
  readonly model: Model<TenantDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<TenantDocument>('Tenant', tenantSchema);
  }

  async insert(tenant: Tenant, events: TenantEvent[], actor: Principal): Promise<boolean> {
    // State and events in one document write: the outbox relay publishes them afterwards. A top-level tenant
    // is stored with parentCode '' (listChildren(undefined) looks for it so).
    const stored = { parentCode: tenant.parentCode ?? '', ...outboxFields(toOutbox(events, actor)) };
    return insertNew(this.model, toDocument(tenant, stored, 'code'));
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
    const state = { center: tenant.center, updatedAt: tenant.updatedAt };
    await updateVersioned(
      this.model,
      tenant.code,
      expectedVersion,
      withOutbox({ $set: state }, toOutbox(events, actor)),
    );
  }
}

/** A top-level tenant is stored with parentCode '' and read back without one. */
function toTenant(doc: StoredDocument): Tenant {
  const { parentCode, ...tenant } = toEntity<Tenant>(doc, 'code');
  return parentCode ? { ...tenant, parentCode } : tenant;
}
