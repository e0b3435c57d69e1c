import { bulkUpdate, type Connection, type Model } from '@govhall/mongo';
import { metrics } from '@opentelemetry/api';
import type { KpiCounts, KpiSubjectLevel } from '../../domain/evaluation/kpi';
import type { KpiDayRow } from '../../domain/evaluation/kpi-facts';
import type { TenantSelector } from '../../usecases/clocks.ports';
import type { DirtyDay, DirtyDays, DirtyScope, KpiDayStore } from '../../usecases/evaluation/evaluation.ports';
import { kpiDaySchema, kpiDirtyDaySchema, type KpiDayDocument, type KpiDirtyDayDocument } from './kpi-day.schema';
import { tenantFilter } from './tenant-filter';

interface DayDoc {
  _id: string;
  tenant: string;
  level: KpiSubjectLevel;
  subjectId: string;
  day: string;
  counts: KpiCounts;
}

const recountedDays = metrics.getMeter('@govhall/supervision').createCounter('supervision.kpi.days.recounted', {
  description: 'KPI days (of one tenant) recounted from their facts and stored (ADR 0040)',
});

const idOf = (tenant: string, level: string, subjectId: string, day: string) =>
  `${tenant}|${level}|${subjectId}|${day}`;

export class MongoKpiDayStore implements KpiDayStore {
  readonly model: Model<KpiDayDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<KpiDayDocument>('KpiDay', kpiDaySchema);
  }

  async replaceDay(tenant: string, day: string, rows: KpiDayRow[]): Promise<void> {
    const ids = rows.map((r) => idOf(tenant, r.subject.level, r.subject.id, day));
    for (const [i, r] of rows.entries()) {
      await this.model.collection.replaceOne(
        { _id: ids[i] as never },
        { tenant, level: r.subject.level, subjectId: r.subject.id, day, counts: r.counts },
        { upsert: true },
      );
    }
    await this.model.collection.deleteMany({ tenant, day, _id: { $nin: ids as never[] } });
    recountedDays.add(1);
  }

  async query(
    f: TenantSelector & { level: KpiSubjectLevel; subjectId: string; firstDay: string; lastDay: string },
  ): Promise<KpiDayRow[]> {
    const filter: Record<string, unknown> = {
      ...tenantFilter(f),
      level: f.level,
      day: { $gte: f.firstDay, $lte: f.lastDay },
    };
    const docs = (await this.model.collection.find(filter).toArray()) as unknown as DayDoc[];
    // One subject: narrowed here, the query stays on the (level, tenant, day) range.
    return docs
      .filter((d) => !f.subjectId || d.subjectId === f.subjectId)
      .map((d) => ({ subject: { level: d.level, id: d.subjectId, tenant: d.tenant }, day: d.day, counts: d.counts }));
  }
}

export class MongoDirtyDays implements DirtyDays {
  readonly model: Model<KpiDirtyDayDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<KpiDirtyDayDocument>('KpiDirtyDay', kpiDirtyDaySchema);
  }

  async mark(tenant: string, day: string): Promise<void> {
    await this.model.collection.updateOne(
      { _id: `${tenant}|${day}` as never },
      { $set: { tenant, day }, $inc: { seq: 1 } },
      { upsert: true },
    );
  }

  async markAll(days: readonly { tenant: string; day: string }[]): Promise<void> {
    const keys = [...new Set(days.map((d) => `${d.tenant}|${d.day}`))];
    if (keys.length === 0) return;
    await bulkUpdate(
      this.model.collection,
      keys.map((key) => {
        const [tenant, day] = key.split('|') as [string, string];
        return {
          updateOne: {
            filter: { _id: key as never },
            update: { $set: { tenant, day }, $inc: { seq: 1 } },
            upsert: true,
          },
        };
      }),
    );
  }

  async pending(limit: number, after: string, scope?: DirtyScope): Promise<DirtyDay[]> {
    type Mark = { _id: string; tenant: string; day: string; seq: number };
    const toMark = (d: Mark): DirtyDay => ({ tenant: d.tenant, day: d.day, seq: d.seq });
    if (!scope) {
      const docs = await this.model.collection
        .find({ _id: { $gt: after as never } })
        .sort({ _id: 1 })
        .limit(limit)
        .toArray();
      return (docs as unknown as Mark[]).map(toMark);
    }
    // A read's scope (its tenants, a few months of days) holds few marks: read whole, ordered and paged here.
    const docs = (await this.model.collection
      .find({ ...tenantFilter(scope), day: { $gte: scope.firstDay, $lte: scope.lastDay } })
      .toArray()) as unknown as Mark[];
    return docs
      .filter((d) => d._id > after)
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .slice(0, limit)
      .map(toMark);
  }

  async done(mark: DirtyDay): Promise<void> {
    await this.model.collection.deleteOne({ _id: `${mark.tenant}|${mark.day}` as never, seq: mark.seq });
  }
}
