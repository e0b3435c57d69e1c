import { bulkUpdate, type Connection, type Model } from '@govhall/mongo';
import type { HallRows } from '../../domain/clocks/hall-today';
import type { Matter } from '../../domain/clocks/matter';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import type { MatterKind } from '../../domain/clocks/matter-kind';
import type { SignalLevel } from '../../domain/signals/signal-level';
import type { ClockFilter, MatterStore, StoredMatter, TenantSelector } from '../../usecases/clocks.ports';
import { matterSchema, type MatterDocument } from './matter.schema';
import { tenantFilter } from './tenant-filter';

export const SIGNAL_RANK: Record<SignalLevel, number> = { none: 0, warning: 1, yellow: 2, red: 3 };
const LEVEL_OF_RANK: SignalLevel[] = ['none', 'warning', 'yellow', 'red'];
const OPEN_STATES = ['not_started', 'running', 'paused'];

interface Doc {
  _id: string;
  matter: Matter;
  clock: MatterClock;
}

/** A stored matter with the fields added since it was written at their defaults (`acceptedBy`: ADR 0051). */
export const storedMatter = (m: Matter): Matter => ({ ...m, acceptedBy: m.acceptedBy ?? '' });

const fromDoc = (d: Doc): StoredMatter => ({ matter: storedMatter(d.matter), clock: d.clock });

export class MongoMatterStore implements MatterStore {
  readonly model: Model<MatterDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<MatterDocument>('Matter', matterSchema);
  }

  async get(matterId: string): Promise<StoredMatter | undefined> {
    const d = await this.model.collection.findOne({ _id: matterId as never });
    return d ? fromDoc(d as unknown as Doc) : undefined;
  }

  async getAll(matterIds: readonly string[]): Promise<Map<string, StoredMatter>> {
    // Point reads, concurrently: FerretDB serves `_id` equality from its index but pushes no `$in` down.
    const docs = await Promise.all(matterIds.map((id) => this.model.collection.findOne({ _id: id as never })));
    return new Map(
      docs.flatMap((d) => (d ? [[d._id as unknown as string, fromDoc(d as unknown as Doc)] as const] : [])),
    );
  }

  async save(stored: StoredMatter): Promise<void> {
    await this.saveAll([stored]);
  }

  async saveAll(stored: readonly StoredMatter[]): Promise<void> {
    if (stored.length === 0) return;
    const updatedAt = new Date();
    await bulkUpdate(
      this.model.collection,
      stored.map(({ matter, clock }) => ({
        replaceOne: {
          filter: { _id: matter.matterId as never },
          replacement: {
            tenant: matter.tenant,
            state: clock.state,
            signalRank: SIGNAL_RANK[clock.signal],
            department: matter.department,
            windowId: matter.windowId,
            acceptedDate: matter.acceptedDate,
            receivedDate: clock.receivedDate,
            endedDate: clock.endedDate,
            onTime: clock.onTime,
            overdue: clock.state !== 'stopped' && clock.promised.remainingWorkingDays < 0,
            matter,
            clock,
            updatedAt,
          },
          upsert: true,
        },
      })),
    );
  }

  async hallRows(selector: TenantSelector, date: string): Promise<HallRows> {
    const tenant = tenantFilter(selector);
    const c = this.model.collection;
    // Each query leads with a top-level equality (a day, or one open state: FerretDB pushes no `$in` down), the
    // tenant after it (a region's prefix is matched in memory among that day's or that state's matters).
    // Every kind of matter is read with its kind (a matter written before kinds existed is a case); the hall's rule
    // picks its cases (isHallCase).
    const kind = { 'matter.kind': 1 };
    const [received, accepted, completed, ...openByState] = await Promise.all([
      c.find({ receivedDate: date, ...tenant }, { projection: kind }).toArray(),
      c.find({ acceptedDate: date, ...tenant }, { projection: kind }).toArray(),
      c.find({ endedDate: date, ...tenant }, { projection: { onTime: 1, ...kind } }).toArray(),
      ...OPEN_STATES.map((state) =>
        c.find({ state, ...tenant }, { projection: { windowId: 1, signalRank: 1, overdue: 1, ...kind } }).toArray(),
      ),
    ]);
    const open = openByState.flat();
    const kindOf = (d: Record<string, unknown>): MatterKind =>
      (d.matter as { kind?: MatterKind } | undefined)?.kind ?? 'case';
    return {
      received: received.map((d) => ({ kind: kindOf(d) })),
      accepted: accepted.map((d) => ({ kind: kindOf(d) })),
      completed: completed.map((d) => ({ kind: kindOf(d), onTime: d.onTime !== false })),
      open: open.map((d) => ({
        kind: kindOf(d),
        windowId: (d.windowId as string | undefined) ?? '',
        signal: LEVEL_OF_RANK[(d.signalRank as number | undefined) ?? 0] ?? 'none',
        overdue: d.overdue === true,
      })),
    };
  }

  async listOpen(tenant?: string): Promise<StoredMatter[]> {
    const filter = tenant ? { tenant, state: { $ne: 'stopped' } } : { state: { $in: OPEN_STATES } };
    const docs = await this.model.collection.find(filter).toArray();
    return docs.map((d) => fromDoc(d as unknown as Doc));
  }

  async listByTenant(tenant: string): Promise<StoredMatter[]> {
    const docs = await this.model.collection.find({ tenant }).toArray();
    return docs.map((d) => fromDoc(d as unknown as Doc));
  }

  async query(f: ClockFilter, page: { offset: number; limit: number }): Promise<MatterClock[]> {
    const filter: Record<string, unknown> = { ...tenantFilter(f) };
    if (f.openOnly) filter.state = { $ne: 'stopped' };
    if (f.minSignal !== 'none') filter.signalRank = { $gte: SIGNAL_RANK[f.minSignal] };
    if (f.department) filter.department = f.department;
    if (f.windowId) filter.windowId = f.windowId;
    const docs = await this.model.collection
      .find(filter, { projection: { clock: 1 } })
      .sort({ acceptedDate: -1, _id: 1 })
      .skip(page.offset)
      .limit(page.limit)
      .toArray();
    return docs.map((d) => (d as unknown as Doc).clock);
  }
}
