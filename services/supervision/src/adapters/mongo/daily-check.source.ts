import type { mongoose } from '@govhall/mongo';
import type { DayViolation, RaisedSignal } from '../../domain/evaluation/daily-check';
import type { SignalLevel } from '../../domain/signals/signal-level';
import type { ViolationKind } from '../../domain/violations/violation';
import type { DailyCheckSource } from '../../usecases/evaluation/evaluation.ports';
import { chinaDayBounds } from './kpi-facts.source';

interface ViolationDoc {
  kind: ViolationKind;
  state: string;
  caseNumber?: string;
  department?: string;
  windowId?: string;
  person?: string;
  summary: string;
}

/**
 * A tenant's day for the daily check: `violations` that happened that day (by `occurredDate`, dismissed ones left
 * out, oldest recorded first) and `signals` raised within the day (China time). Both served by the
 * `{tenant, occurredDate}` and `{tenant, raisedAt}` indexes, as the KPI facts are.
 */
export class MongoDailyCheckSource implements DailyCheckSource {
  constructor(private readonly collections: { signals: mongoose.Collection; violations: mongoose.Collection }) {}

  async day(tenant: string, date: string, limit: number) {
    const { signals, violations } = this.collections;
    const [raised, recorded] = await Promise.all([
      signals.find({ tenant, raisedAt: chinaDayBounds(date) }, { projection: { level: 1, windowId: 1 } }).toArray(),
      violations.find({ tenant, occurredDate: date }).sort({ occurredDate: -1, _id: 1 }).toArray(),
    ]);
    const kept = (recorded as unknown as ViolationDoc[]).filter((v) => v.state !== 'dismissed');
    const listed: DayViolation[] = kept.slice(0, limit).map((v) => ({
      kind: v.kind,
      caseNumber: v.caseNumber ?? '',
      department: v.department ?? '',
      windowId: v.windowId ?? '',
      person: v.person ?? '',
      summary: v.summary,
    }));
    return {
      violations: listed,
      moreViolations: kept.length - listed.length,
      signals: (raised as unknown as { level: SignalLevel; windowId?: string }[]).map((s): RaisedSignal => ({
        level: s.level,
        windowId: s.windowId ?? '',
      })),
    };
  }
}
