import type { Principal, Role } from '@govhall/auth';
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
import type { Staff, StaffEvent } from '../../domain/staff';
import type { StaffFact } from '../../usecases/staff-facts.port';
import type { StaffRepository } from '../../usecases/staff.ports';
import { staffOutbox } from '../kafka/staff-events';
import { staffSchema, type StaffDocument } from './staff.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;
/** Optional fields a save removes when the record no longer has them. */
const CLEARABLE: readonly (keyof Staff)[] = ['department', 'subject', 'disabledReason'];

export class MongoStaffRepository implements StaffRepository {
  readonly model: Model<StaffDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<StaffDocument>('Staff', staffSchema);
  }

  async insert(staff: Staff): Promise<boolean> {
    return insertNew(this.model, toDocument(staff, { outbox: [] }));
  }

  async findById(id: string) {
    return toEntity<Staff>(await this.model.findById(id, PROJECTION).lean());
  }

  async findByUsername(username: string) {
    return toEntity<Staff>(await this.model.findOne({ username }, PROJECTION).lean());
  }

  async findBySubject(subject: string) {
    return toEntity<Staff>(await this.model.findOne({ subject }, PROJECTION).lean());
  }

  async list(tenant: string, department: string | undefined, offset: number, limit: number) {
    const filter = { tenant, ...(department ? { department } : {}) };
    const [docs, total] = await Promise.all([
      this.model.find(filter, PROJECTION).sort({ username: 1 }).skip(offset).limit(limit).lean(),
      this.model.countDocuments(filter),
    ]);
    return { staff: docs.map((d) => toEntity<Staff>(d)), total };
  }

  async update(next: Staff, expectedVersion: number, events: StaffEvent[], actor: Principal) {
    await saveVersioned(this.model, next, expectedVersion, staffOutbox(events, actor), CLEARABLE);
  }

  async removeProvisioning(id: string, expectedVersion: number) {
    return removeIfStill(this.model, id, { status: 'provisioning', version: expectedVersion });
  }

  async findProvisioning(updatedBefore: Date) {
    const docs = await findStale(this.model, { status: 'provisioning' }, updatedBefore, PROJECTION);
    return docs.map((d) => toEntity<Staff>(d));
  }

  async findByIds(ids: readonly string[]): Promise<StaffFact[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: [...ids] } }, PROJECTION).lean();
    return docs.map((d) => toEntity<Staff>(d));
  }

  async findActiveWithRole(tenant: string, role: Role, department?: string): Promise<StaffFact[]> {
    // Sorted here, not by the database: the few holders of a role need no index order, and without a sort one
    // index (tenant, roles, status, department) serves the query with and without a department. Usernames are
    // ASCII (validateNewStaff), so this order is MongoDB's.
    const docs = await this.model
      .find({ tenant, status: 'active', roles: role, ...(department ? { department } : {}) }, PROJECTION)
      .lean();
    return docs
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
      .map((d) => toEntity<Staff>(d));
  }
}
