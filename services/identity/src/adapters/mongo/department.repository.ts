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
} from '@govhall/mongo';
import type { Department, DepartmentEvent } from '../../domain/department';
import type { DepartmentRepository } from '../../usecases/tenancy.ports';
import { toOutbox } from '../kafka/tenancy-events';
import { departmentSchema, type DepartmentDocument } from './department.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

export class MongoDepartmentRepository implements DepartmentRepository {
  readonly model: Model<DepartmentDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<DepartmentDocument>('Department', departmentSchema);
  }

  async insert(department: Department, events: DepartmentEvent[], actor: Principal): Promise<boolean> {
    // State and events in one document write: the outbox relay publishes them afterwards.
    return insertNew(this.model, toDocument(department, outboxFields(toOutbox(events, actor)), 'code'));
  }

  async listByTenant(tenant: string): Promise<Department[]> {
    const docs = await this.model.find({ tenant }, PROJECTION).sort({ _id: 1 }).lean();
    return docs.map((d) => toEntity<Department>(d, 'code'));
  }

  async findByCode(code: string): Promise<Department | null> {
    return toEntity<Department>(await this.model.findById(code, PROJECTION).lean(), 'code');
  }

  async update(department: Department, events: DepartmentEvent[], expectedVersion: number, actor: Principal) {
    const state = { name: department.name };
    await updateVersioned(
      this.model,
      department.code,
      expectedVersion,
      withOutbox({ $set: state }, toOutbox(events, actor)),
    );
  }
}
