import type { Principal } from '@govhall/auth';
import type { CalendarOverride } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import { insertNew, outboxFields, updateVersioned, withOutbox, type Connection, type Model } from '@govhall/mongo';
import type { CalendarChangedEvent, CalendarOverrideRepository, TenantOverrides } from '../../usecases/calendar.ports';
import { toOutbox } from '../kafka/calendar-events';
import { calendarSchema, type CalendarDocument } from './calendar.schema';

const PROJECTION = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

export class MongoCalendarOverrideRepository implements CalendarOverrideRepository {
  readonly model: Model<CalendarDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<CalendarDocument>('CalendarOverrides', calendarSchema);
  }

  async find(tenant: string): Promise<TenantOverrides> {
    const doc = await this.model.findById(tenant, PROJECTION).lean();
    if (!doc) return { tenant, overrides: [], version: 0 };
    return {
      tenant,
      overrides: doc.overrides.map(({ date, kind, reason }) => ({ date, kind, reason }) as CalendarOverride),
      version: doc.version,
      updatedAt: doc.updatedAt,
    };
  }

  async save(next: TenantOverrides, events: CalendarChangedEvent[], expectedVersion: number, actor: Principal) {
    // State and events in one document write: the outbox relay publishes them afterwards.
    const outbox = toOutbox(events, actor);
    if (expectedVersion === 0) {
      const document = {
        _id: next.tenant,
        overrides: next.overrides,
        version: next.version,
        updatedAt: next.updatedAt,
      };
      if (!(await insertNew(this.model, { ...document, ...outboxFields(outbox) }))) throw new ConcurrencyError();
      return;
    }
    await updateVersioned(
      this.model,
      next.tenant,
      expectedVersion,
      withOutbox({ $set: { overrides: next.overrides, updatedAt: next.updatedAt } }, outbox),
    );
  }
}
