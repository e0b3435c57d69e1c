import type { Connection } from '@govhall/mongo';
import type { Matter } from '../../domain/clocks/matter';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import {
  emptyCounts,
  ratesOf,
  type KpiCounts,
  type KpiFigures,
  type KpiPeriod,
  type KpiSubjectLevel,
} from '../../domain/evaluation/kpi';
import { periodRange } from '../../domain/evaluation/scoring/period-range';
import type { KpiSource } from '../../usecases/scoring/scoring.ports';
import { staffIdsByUsername, subjectKey } from './scoring-subject-keys';

/** Statuses of a case that ended by being completed (办结), as against not accepted, voided or withdrawn. */
const COMPLETED = new Set(['completed', 'delivered', 'archived']);

/**
 * INTERIM KPI SOURCE, until the evaluation projection (ListKpis, issue 12 §4) lands: the counts the scoring needs,
 * computed on each request from the matter store (`matters`) and the signals (`signals`) of one tenant. A person is
 * the matter's responsible staff member when it ended. Replace by an adapter over the KPI projection; the port
 * (`KpiSource`) stays. Ratings and complaints do not exist yet: their counts stay 0 (rates "no data").
 */
export class InterimMatterKpiSource implements KpiSource {
  constructor(private readonly connection: Connection) {}

  async figures(tenant: string, level: KpiSubjectLevel, period: KpiPeriod): Promise<KpiFigures[]> {
    const range = periodRange(period);
    if (!range) return [];
    const staffIds = await staffIdsByUsername(this.connection, tenant);
    const bySubject = new Map<string, KpiCounts>();
    const counts = (id: string) => {
      const c = bySubject.get(id) ?? emptyCounts();
      bySubject.set(id, c);
      return c;
    };
    const within = (day: string) => day >= range.first && day <= range.last;
    const docs = (await this.connection
      .collection('matters')
      .find({
        tenant,
        $or: [
          { acceptedDate: { $gte: range.first, $lte: range.last } },
          { 'matter.endedDate': { $gte: range.first, $lte: range.last } },
        ],
      })
      .toArray()) as unknown as { matter: Matter; clock: MatterClock }[];
    for (const { matter: m, clock } of docs) {
      const id = subjectKey(level, { ...m, username: m.responsible }, staffIds);
      if (!id) continue;
      const c = counts(id);
      if (within(m.acceptedDate)) c.accepted += 1;
      if (!within(m.endedDate) || !COMPLETED.has(m.status)) continue;
      c.completed += 1;
      if (clock.onTime) c.onTime += 1;
      if (clock.promised.remainingWorkingDays >= 1) c.early += 1;
      c.workingDaysUsed += clock.promised.elapsedWorkingDays;
      c.promisedWorkingDays += m.promisedLimitWorkingDays + m.extensionWorkingDays;
      c.statutoryWorkingDays += m.statutoryLimitWorkingDays;
      if (m.promisedLimitWorkingDays === 0) c.immediate += 1;
      if (m.channel === 'online') c.online += 1;
    }
    const signals = await this.connection
      .collection('signals')
      .find({
        tenant,
        raisedAt: {
          $gte: new Date(`${range.first}T00:00:00+08:00`),
          $lte: new Date(`${range.last}T23:59:59.999+08:00`),
        },
      })
      .toArray();
    for (const s of signals) {
      const id = subjectKey(
        level,
        { tenant, department: s.department, windowId: s.windowId, username: s.responsible },
        staffIds,
      );
      if (!id) continue;
      const c = counts(id);
      if (s.level === 'warning') c.warnings += 1;
      if (s.level === 'yellow') c.yellowCards += 1;
      if (s.level === 'red') c.redCards += 1;
    }
    return [...bySubject].map(([id, c]) => ({ subject: { tenant, level, id }, period, counts: c, rates: ratesOf(c) }));
  }
}
