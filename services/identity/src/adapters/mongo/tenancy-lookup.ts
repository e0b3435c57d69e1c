import type { Connection } from '@govhall/mongo';
import type { TenancyLookup, WindowPosts } from '../../usecases/staff.ports';

/**
 * Read-only lookups into the tenancy collections (tenants, departments, windows — owned by the tenancy
 * repositories in this same service) for the staff rules. Raw collection reads keep the staff code independent
 * of the tenancy models.
 */
export class MongoTenancyLookup implements TenancyLookup, WindowPosts {
  constructor(private readonly connection: Connection) {}

  async tenantExists(code: string) {
    return (await this.connection.collection('tenants').countDocuments({ _id: code as never }, { limit: 1 })) > 0;
  }

  async departmentExists(code: string) {
    return (await this.connection.collection('departments').countDocuments({ _id: code as never }, { limit: 1 })) > 0;
  }

  async heldBy(staffId: string) {
    const windows = await this.connection
      .collection('windows')
      .find(
        { $or: [{ aPostStaffId: staffId }, { bPostStaffId: staffId }] },
        { projection: { number: 1, aPostStaffId: 1 } },
      )
      .toArray();
    return windows.map((w) => ({
      id: String(w._id),
      number: String(w.number),
      post: (w.aPostStaffId === staffId ? 'A' : 'B') as 'A' | 'B',
    }));
  }
}
