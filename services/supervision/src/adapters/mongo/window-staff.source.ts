import type { Connection } from '@govhall/mongo';
import type { WindowStaffMember, WindowStaffSource } from '../../usecases/scoring/scoring.ports';

/** The A-post persons of a tenant's windows (directory_windows, learned from govhall.identity.tenant), each once. */
export class MongoWindowStaffSource implements WindowStaffSource {
  constructor(private readonly connection: Connection) {}

  async aPostStaff(tenant: string): Promise<WindowStaffMember[]> {
    const windows = await this.connection.collection('directory_windows').find({ tenant }).toArray();
    const ids = [...new Set(windows.map((w) => String(w.aPostStaffId ?? '')).filter(Boolean))];
    if (ids.length === 0) return [];
    const staff = await this.connection
      .collection('directory_staff')
      .find({ _id: { $in: ids as never[] }, active: true })
      .toArray();
    return staff
      .map((s) => ({ personId: String(s._id), department: String(s.department ?? '') }))
      .sort((a, b) => a.personId.localeCompare(b.personId));
  }
}
