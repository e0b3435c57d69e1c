import type { Principal } from '@govhall/auth';
import {
  insertNew,
  isDuplicateKeyError,
  outboxFields,
  toDocument,
  toEntity,
  updateVersioned,
  withOutbox,
  type Connection,
  type Model,
} from '@govhall/mongo';
import type { Window, WindowEvent } from '../../domain/window';
import type { WindowRepository } from '../../usecases/tenancy.ports';
import { toOutbox } from '../kafka/tenancy-events';
import { windowSchema, type WindowDocument } from './window.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

export class MongoWindowRepository implements WindowRepository {
  readonly model: Model<WindowDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<WindowDocument>('Window', windowSchema);
  }

  async insert(window: Window, events: WindowEvent[], actor: Principal): Promise<boolean> {
    // State and events in one document write; the unique (tenant, number) index refuses a taken number.
    return insertNew(this.model, toDocument(window, outboxFields(toOutbox(events, actor))));
  }

  async findById(id: string): Promise<Window | null> {
    return toEntity<Window>(await this.model.findById(id, PROJECTION).lean());
  }

  async listByTenant(tenant: string): Promise<Window[]> {
    const docs = await this.model.find({ tenant }, PROJECTION).sort({ number: 1 }).lean();
    return docs.map((d) => toEntity<Window>(d));
  }

  async updatePosts(window: Window, events: WindowEvent[], expectedVersion: number, actor: Principal) {
    const state = { aPostStaffId: window.aPostStaffId, bPostStaffId: window.bPostStaffId, updatedAt: window.updatedAt };
    await updateVersioned(this.model, window.id, expectedVersion, withOutbox({ $set: state }, toOutbox(events, actor)));
  }

  async update(window: Window, events: WindowEvent[], expectedVersion: number, actor: Principal): Promise<boolean> {
    const state = {
      number: window.number,
      name: window.name,
      kind: window.kind,
      department: window.department,
      servesDepartments: window.servesDepartments,
      location: window.location,
      updatedAt: window.updatedAt,
    };
    try {
      await updateVersioned(
        this.model,
        window.id,
        expectedVersion,
        withOutbox({ $set: state }, toOutbox(events, actor)),
      );
      return true;
    } catch (e) {
      // The unique (tenant, number) index refuses another window's number.
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }
}
