import type { Principal, Role } from '@govhall/auth';
import { isDuplicateKeyError, updateVersioned, type Connection, type Model } from '@govhall/mongo';
import type { Staff, StaffEvent } from '../../domain/staff';
import type { StaffFact } from '../../usecases/staff-facts.port';
import type { StaffRepository } from '../../usecases/staff.ports';
import { staffOutbox } from '../kafka/staff-events';
import { staffSchema, type StaffDocument } from './staff.schema';

const PROJECTION = { outbox: 0, outboxLease: 0 } as const;

export class MongoStaffRepository implements StaffRepository {
  readonly model: Model<StaffDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<StaffDocument>('Staff', staffSchema);
  }

  async insert(staff: Staff): Promise<boolean> {
    const { id, ...fields } = staff;
    try {
      await this.model.collection.insertOne({ _id: id as never, ...fields, outbox: [] });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async findById(id: string) {
    return toStaff(await this.model.findById(id, PROJECTION).lean());
  }

  async findByUsername(username: string) {
    return toStaff(await this.model.findOne({ username }, PROJECTION).lean());
  }

  async findBySubject(subject: string) {
    return toStaff(await this.model.findOne({ subject }, PROJECTION).lean());
  }

  async list(tenant: string, department: string | undefined, offset: number, limit: number) {
    const filter = { tenant, ...(department ? { department } : {}) };
    const [docs, total] = await Promise.all([
      this.model.find(filter, PROJECTION).sort({ username: 1 }).skip(offset).limit(limit).lean(),
      this.model.countDocuments(filter),
    ]);
    return { staff: docs.map((d) => toStaff(d)!), total };
  }

  async update(next: Staff, expectedVersion: number, events: StaffEvent[], actor: Principal) {
    const { id, version: _version, ...fields } = next;
    const unset = (['department', 'subject', 'disabledReason'] as const).filter((k) => next[k] === undefined);
    await updateVersioned(this.model, id, expectedVersion, {
      $set: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, ''])) } : {}),
      ...(events.length ? { $push: { outbox: { $each: staffOutbox(events, actor) } } } : {}),
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
    return docs.map((d) => toStaff(d)!);
  }

  async findByIds(ids: readonly string[]): Promise<StaffFact[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: [...ids] } }, PROJECTION).lean();
    return docs.map((d) => toStaff(d)!);
  }

  async findActiveWithRole(tenant: string, role: Role, department?: string): Promise<StaffFact[]> {
    const docs = await this.model
      .find({ tenant, status: 'active', roles: role, ...(department ? { department } : {}) }, PROJECTION)
      .sort({ username: 1 })
      .lean();
    return docs.map((d) => toStaff(d)!);
  }
}

function toStaff(doc: (Record<string, unknown> & { _id: unknown }) | null): Staff | null {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { id: String(_id), ...(rest as Omit<Staff, 'id'>) };
}
