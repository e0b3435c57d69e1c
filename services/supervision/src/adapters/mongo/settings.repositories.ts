import type { CalendarOverride } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import { isDuplicateKeyError, type Connection, type Model, type mongoose } from '@govhall/mongo';
import type { StaffEntry, WindowEntry } from '../../domain/signals/recipients';
import type { SignalThresholds } from '../../domain/signals/thresholds';
import type { CalendarStore, Directory, ThresholdStore } from '../../usecases/clocks.ports';
import { calendarSchema, staffSchema, thresholdsSchema, windowSchema } from './settings.schemas';

type Doc<S> = mongoose.InferSchemaType<S>;

export class MongoThresholdStore implements ThresholdStore {
  readonly model: Model<Doc<typeof thresholdsSchema>>;

  constructor(connection: Connection) {
    this.model = connection.model<Doc<typeof thresholdsSchema>>('SignalThresholds', thresholdsSchema);
  }

  async get(tenant: string): Promise<SignalThresholds | undefined> {
    const d = await this.model.collection.findOne({ _id: tenant as never });
    if (!d) return undefined;
    const { _id, ...rest } = d as unknown as Omit<SignalThresholds, 'tenant'> & { _id: string };
    return { tenant: _id, ...rest, updatedBy: rest.updatedBy ?? '' };
  }

  async save(t: SignalThresholds, expectedVersion: number): Promise<SignalThresholds> {
    const { tenant, ...rest } = t;
    const saved = { ...rest, version: expectedVersion + 1 };
    try {
      if (expectedVersion === 0) {
        await this.model.collection.insertOne({ _id: tenant as never, ...saved });
      } else {
        const r = await this.model.collection.replaceOne({ _id: tenant as never, version: expectedVersion }, saved);
        if (r.matchedCount === 0) throw new ConcurrencyError('预警规则已被他人修改，请刷新后重试');
      }
    } catch (e) {
      if (isDuplicateKeyError(e)) throw new ConcurrencyError('预警规则已被他人修改，请刷新后重试');
      throw e;
    }
    return { tenant, ...saved };
  }
}

export class MongoCalendarStore implements CalendarStore {
  readonly model: Model<Doc<typeof calendarSchema>>;

  constructor(connection: Connection) {
    this.model = connection.model<Doc<typeof calendarSchema>>('CalendarOverrides', calendarSchema);
  }

  async overrides(tenant: string): Promise<CalendarOverride[]> {
    const d = (await this.model.collection.findOne({ _id: tenant as never })) as {
      overrides?: CalendarOverride[];
    } | null;
    return (d?.overrides ?? []).map((o) => ({ date: o.date, kind: o.kind, reason: o.reason }));
  }

  async set(tenant: string, override: CalendarOverride, present: boolean): Promise<void> {
    const kept = (await this.overrides(tenant)).filter((o) => o.date !== override.date);
    const overrides = present ? [...kept, override].sort((a, b) => a.date.localeCompare(b.date)) : kept;
    await this.model.collection.replaceOne({ _id: tenant as never }, { overrides }, { upsert: true });
  }
}

export class MongoDirectory implements Directory {
  readonly staffModel: Model<Doc<typeof staffSchema>>;
  readonly windowModel: Model<Doc<typeof windowSchema>>;

  constructor(connection: Connection) {
    this.staffModel = connection.model<Doc<typeof staffSchema>>('DirectoryStaff', staffSchema);
    this.windowModel = connection.model<Doc<typeof windowSchema>>('DirectoryWindow', windowSchema);
  }

  async staffOf(tenant: string): Promise<StaffEntry[]> {
    const docs = await this.staffModel.collection.find({ tenant }).toArray();
    return docs.map((d) => {
      const { _id, ...rest } = d as unknown as Omit<StaffEntry, 'id'> & { _id: string };
      return { id: _id, ...rest };
    });
  }

  async window(id: string): Promise<WindowEntry | undefined> {
    const d = (await this.windowModel.collection.findOne({ _id: id as never })) as unknown as
      (Omit<WindowEntry, 'id'> & { _id: string }) | null;
    return d ? { id: d._id, tenant: d.tenant, aPostStaffId: d.aPostStaffId } : undefined;
  }

  async putStaff(s: StaffEntry): Promise<void> {
    const { id, ...rest } = s;
    await this.staffModel.collection.replaceOne({ _id: id as never }, rest, { upsert: true });
  }

  async putWindow(w: WindowEntry): Promise<void> {
    const { id, ...rest } = w;
    await this.windowModel.collection.replaceOne({ _id: id as never }, rest, { upsert: true });
  }
}
