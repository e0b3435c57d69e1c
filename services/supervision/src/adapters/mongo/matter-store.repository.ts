import type { Connection, Model } from '@govhall/mongo';
import type { Matter } from '../../domain/clocks/matter';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import type { SignalLevel } from '../../domain/signals/signal-level';
import type { ClockFilter, MatterStore, StoredMatter } from '../../usecases/clocks.ports';
import { matterSchema, type MatterDocument } from './matter.schema';
import { tenantFilter } from './tenant-filter';

export const SIGNAL_RANK: Record<SignalLevel, number> = { none: 0, warning: 1, yellow: 2, red: 3 };

interface Doc {
  _id: string;
  matter: Matter;
  clock: MatterClock;
}

const fromDoc = (d: Doc): StoredMatter => ({ matter: d.matter, clock: d.clock });

export class MongoMatterStore implements MatterStore {
  readonly model: Model<MatterDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<MatterDocument>('Matter', matterSchema);
  }

  async get(matterId: string): Promise<StoredMatter | undefined> {
    const d = await this.model.collection.findOne({ _id: matterId as never });
    return d ? fromDoc(d as unknown as Doc) : undefined;
  }

  async save({ matter, clock }: StoredMatter): Promise<void> {
    await this.model.collection.replaceOne(
      { _id: matter.matterId as never },
      {
        tenant: matter.tenant,
        state: clock.state,
        signalRank: SIGNAL_RANK[clock.signal],
        department: matter.department,
        windowId: matter.windowId,
        acceptedDate: matter.acceptedDate,
        endedDate: matter.endedDate,
        matter,
        clock,
        updatedAt: new Date(),
      },
      { upsert: true },
    );
  }

  async listOpen(tenant?: string): Promise<StoredMatter[]> {
    const filter = tenant
      ? { tenant, state: { $ne: 'stopped' } }
      : { state: { $in: ['not_started', 'running', 'paused'] } };
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
