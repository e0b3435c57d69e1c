import { chinaToday } from '@govhall/calendar';
import type { Connection } from '@govhall/mongo';
import type { Sanction } from '../../domain/accountability/accountability';
import type { KpiPeriod, KpiSubjectLevel } from '../../domain/evaluation/kpi';
import { periodRange } from '../../domain/evaluation/kpi-period';
import type { SubjectConduct } from '../../domain/evaluation/scoring/score-subject';
import type { ViolationKind } from '../../domain/violations/violation';
import type { ConductSource } from '../../usecases/scoring/scoring.ports';
import { staffIdsByUsername, subjectKey } from './scoring-subject-keys';

interface ViolationRow {
  _id: string;
  tenant: string;
  kind: ViolationKind;
  department: string;
  windowId: string;
  person: string;
}

interface AccountabilityRow {
  tenant: string;
  violationIds: string[];
  targetKind: 'person' | 'window';
  targetId: string;
  sanctions: Sanction[];
  decidedAt?: Date;
  year: number;
}

/**
 * A subject's violations (recorded in the period, not dismissed) and sanctions (decided in the period; for a year,
 * those counting in that year) from supervision's own violation and accountability collections. A sanction counts
 * for its target (person or window) and for the department and tenant of the violations it rests on.
 */
export class MongoConductSource implements ConductSource {
  constructor(private readonly connection: Connection) {}

  async conduct(tenant: string, level: KpiSubjectLevel, period: KpiPeriod): Promise<Map<string, SubjectConduct>> {
    const range = periodRange(period);
    const result = new Map<string, SubjectConduct>();
    if (!range) return result;
    const staffIds = await staffIdsByUsername(this.connection, tenant);
    const entry = (id: string) => {
      const c = result.get(id) ?? { violations: [], sanctions: [] };
      result.set(id, c);
      return c;
    };
    const violations = (await this.connection
      .collection('violations')
      .find({ tenant, occurredDate: { $gte: range.firstDay, $lte: range.lastDay }, state: { $ne: 'dismissed' } })
      .toArray()) as unknown as ViolationRow[];
    for (const v of violations) {
      const id = subjectKey(level, { ...v, username: v.person }, staffIds);
      if (id) entry(id).violations.push(v.kind);
    }
    const decided = (await this.connection
      .collection('accountabilities')
      .find({ tenant, state: 'decided' })
      .toArray()) as unknown as AccountabilityRow[];
    const inPeriod = decided.filter((a) =>
      period.kind === 'year'
        ? String(a.year) === period.key
        : a.decidedAt !== undefined &&
          chinaToday(a.decidedAt) >= range.firstDay &&
          chinaToday(a.decidedAt) <= range.lastDay,
    );
    if (inPeriod.length === 0) return result;
    const cited = new Map(
      (
        (await this.connection
          .collection('violations')
          .find({ _id: { $in: inPeriod.flatMap((a) => a.violationIds) as never[] } })
          .toArray()) as unknown as ViolationRow[]
      ).map((v) => [v._id, v]),
    );
    for (const a of inPeriod) {
      const id = this.sanctionedSubject(level, a, cited, staffIds);
      if (id) entry(id).sanctions.push(...a.sanctions);
    }
    return result;
  }

  private sanctionedSubject(
    level: KpiSubjectLevel,
    a: AccountabilityRow,
    cited: Map<string, ViolationRow>,
    staffIds: Map<string, string>,
  ): string {
    if (level === 'tenant') return a.tenant;
    if (level === 'person') return a.targetKind === 'person' ? (staffIds.get(a.targetId) ?? a.targetId) : '';
    if (level === 'window') return a.targetKind === 'window' ? a.targetId : '';
    const first = a.violationIds.map((id) => cited.get(id)).find((v) => v?.department);
    return first?.department ?? '';
  }
}
