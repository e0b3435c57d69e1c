import type { Principal } from '@govhall/auth';
import { isDuplicateKeyError, type Connection, type Model } from '@govhall/mongo';
import type { Department, DepartmentEvent } from '../../domain/department';
import type { DepartmentRepository } from '../../usecases/tenancy.ports';
import { toOutbox } from '../kafka/tenancy-events';
import { departmentSchema, type DepartmentDocument } from './department.schema';

const PROJECTION = { outbox: 0, outboxLease: 0 } as const;

export class MongoDepartmentRepository implements DepartmentRepository {
  readonly model: Model<DepartmentDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<DepartmentDocument>('Department', departmentSchema);
  }

  async insert(department: Department, events: DepartmentEvent[], actor: Principal): Promise<boolean> {
    const { code, ...fields } = department;
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      await this.model.collection.insertOne({ _id: code as never, ...fields, outbox: toOutbox(events, actor) });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async listByTenant(tenant: string): Promise<Department[]> {
    const docs = await this.model.find({ tenant }, PROJECTION).sort({ _id: 1 }).lean();
    return docs.map(toDepartment);
  }
}

function toDepartment(doc: Record<string, unknown> & { _id: unknown }): Department {
  const { _id, ...rest } = doc;
  return { code: String(_id), ...(rest as Omit<Department, 'code'>) };
}
