import { documentKey, documentLocks, outboxFields, withOutbox, type Connection, type Model } from '@govhall/mongo';
import type { Signal } from '../../domain/signals/signal';
import type { SignalStore, TenantSelector } from '../../usecases/clocks.ports';
import type { SignalLevel } from '../../domain/signals/signal-level';
import { signalMessage } from '../kafka/signal-events';
import { SIGNAL_RANK } from './matter-store.repository';
import { signalSchema, type SignalDocument } from './signal.schema';
import { tenantFilter } from './tenant-filter';

interface Doc extends Omit<Signal, 'id'> {
  _id: string;
}

function fromDoc(d: Doc): Signal {
  return {
    id: d._id,
    matterId: d.matterId,
    tenant: d.tenant,
    level: d.level,
    rule: d.rule,
    reason: d.reason,
    raisedAt: d.raisedAt,
    ...(d.clearedAt ? { clearedAt: d.clearedAt } : {}),
    clearedReason: d.clearedReason ?? '',
    caseNumber: d.caseNumber ?? '',
    itemName: d.itemName ?? '',
    department: d.department ?? '',
    windowId: d.windowId ?? '',
    responsible: d.responsible ?? '',
    notified: d.notified ?? [],
    stepIndex: d.stepIndex ?? 0,
  };
}

export class MongoSignalStore implements SignalStore {
  readonly model: Model<SignalDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<SignalDocument>('Signal', signalSchema);
  }

  async history(matterIds: readonly string[]): Promise<Map<string, Signal[]>> {
    // One query per matter, concurrently, each on the matterId index (FerretDB pushes no `$in` down); a matter has
    // a handful of signals, sorted here.
    const lists = await Promise.all(
      matterIds.map((matterId) => this.model.collection.find({ matterId }, { projection: { outbox: 0 } }).toArray()),
    );
    return new Map(
      matterIds.map((id, i) => [
        id,
        lists[i]!.map((d) => fromDoc(d as unknown as Doc)).sort(
          (a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id),
        ),
      ]),
    );
  }

  async raiseAll(signals: readonly Signal[]): Promise<void> {
    if (signals.length === 0) return;
    await this.model.collection.insertMany(
      signals.map((signal) => {
        const { id, ...rest } = signal;
        return {
          _id: id as never,
          ...rest,
          levelRank: SIGNAL_RANK[signal.level],
          active: true,
          ...outboxFields([signalMessage('raised', signal, signal.raisedAt)]),
        };
      }),
      { ordered: false },
    );
  }

  async clear(signal: Signal, at: Date, reason: string): Promise<Signal> {
    const cleared: Signal = { ...signal, clearedAt: at, clearedReason: reason };
    // Under the document's lock like the outbox relay's writes: FerretDB updates a whole document, and an unguarded
    // update racing the relay could resend SignalRaised or lose SignalCleared.
    await documentLocks.run(documentKey(this.model.collection.collectionName, signal.id), () =>
      this.model.collection.updateOne(
        { _id: signal.id as never, active: true },
        withOutbox({ $set: { active: false, clearedAt: at, clearedReason: reason } }, [
          signalMessage('cleared', cleared, at),
        ]),
      ),
    );
    return cleared;
  }

  async list(
    f: TenantSelector & { matterId: string; activeOnly: boolean; minLevel: SignalLevel },
    page: { offset: number; limit: number },
  ): Promise<Signal[]> {
    const filter: Record<string, unknown> = { ...tenantFilter(f) };
    if (f.matterId) filter.matterId = f.matterId;
    if (f.activeOnly) filter.active = true;
    if (f.minLevel !== 'none') filter.levelRank = { $gte: SIGNAL_RANK[f.minLevel] };
    const docs = await this.model.collection
      .find(filter, { projection: { outbox: 0 } })
      .sort({ raisedAt: -1, _id: 1 })
      .skip(page.offset)
      .limit(page.limit)
      .toArray();
    return docs.map((d) => fromDoc(d as unknown as Doc));
  }
}
