import type { mongoose } from '@govhall/mongo';
import type { Matter } from '../../domain/clocks/matter';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import type { KpiDayFacts } from '../../domain/evaluation/kpi-facts';
import type { BulletinCard, BulletinViolation } from '../../domain/evaluation/monthly-bulletin';
import type { SignalLevel } from '../../domain/signals/signal-level';
import type { ViolationKind } from '../../domain/violations/violation';
import type {
  BulletinDetails,
  BulletinDetailsSource,
  KpiFactsSource,
} from '../../usecases/evaluation/evaluation.ports';
import { storedMatter } from './matter-store.repository';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The instants a China calendar day (or range of days) covers: [first day 00:00 CST, day after the last). */
export function chinaDayBounds(firstDay: string, lastDay = firstDay): { $gte: Date; $lt: Date } {
  const start = Date.parse(`${firstDay}T00:00:00Z`) - CHINA_OFFSET_MS;
  const end = Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000 - CHINA_OFFSET_MS;
  return { $gte: new Date(start), $lt: new Date(end) };
}

const chinaDay = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

interface MatterDoc {
  matter: Matter;
  clock: MatterClock;
}

interface SignalDoc {
  tenant: string;
  level: SignalLevel;
  raisedAt: Date;
  caseNumber?: string;
  itemName?: string;
  department?: string;
  windowId?: string;
  responsible?: string;
  reason: string;
}

interface ViolationDoc {
  tenant: string;
  kind: ViolationKind;
  occurredDate: string;
  caseNumber?: string;
  department?: string;
  windowId?: string;
  person?: string;
  summary: string;
}

/**
 * A tenant's day read from supervision's own collections (`matters` by acceptance and end day, `signals` by the
 * instant raised, `violations` by the day they happened, dismissed ones left out), and a month's cards and
 * violations for the bulletin. Every query is served by a declared index.
 */
export class MongoKpiFactsSource implements KpiFactsSource, BulletinDetailsSource {
  constructor(
    private readonly collections: {
      matters: mongoose.Collection;
      signals: mongoose.Collection;
      violations: mongoose.Collection;
    },
  ) {}

  async dayFacts(tenant: string, day: string): Promise<KpiDayFacts> {
    const { matters, signals, violations } = this.collections;
    const [accepted, ended, raised, recorded] = await Promise.all([
      matters.find({ tenant, acceptedDate: day }, { projection: { matter: 1 } }).toArray(),
      matters.find({ tenant, endedDate: day }, { projection: { matter: 1, clock: 1 } }).toArray(),
      signals.find({ tenant, raisedAt: chinaDayBounds(day) }).toArray(),
      violations.find({ tenant, occurredDate: day }).toArray(),
    ]);
    return {
      tenant,
      day,
      accepted: (accepted as unknown as MatterDoc[]).map((d) => ({ matter: storedMatter(d.matter) })),
      ended: (ended as unknown as MatterDoc[]).map((d) => ({ matter: storedMatter(d.matter), clock: d.clock })),
      signals: (raised as unknown as SignalDoc[]).map((s) => ({
        tenant: s.tenant,
        department: s.department ?? '',
        windowId: s.windowId ?? '',
        person: s.responsible ?? '',
        level: s.level,
      })),
      violations: (recorded as unknown as (ViolationDoc & { state: string })[])
        .filter((v) => v.state !== 'dismissed')
        .map((v) => ({
          tenant: v.tenant,
          department: v.department ?? '',
          windowId: v.windowId ?? '',
          person: v.person ?? '',
        })),
    };
  }

  async details(tenant: string, firstDay: string, lastDay: string, limit: number): Promise<BulletinDetails> {
    const { signals, violations } = this.collections;
    const raisedAt = chinaDayBounds(firstDay, lastDay);
    const [yellow, red, violationDocs] = await Promise.all([
      signals.find({ tenant, level: 'yellow', raisedAt }).sort({ raisedAt: 1, _id: 1 }).toArray(),
      signals.find({ tenant, level: 'red', raisedAt }).sort({ raisedAt: 1, _id: 1 }).toArray(),
      violations
        .find({ tenant, occurredDate: { $gte: firstDay, $lte: lastDay } })
        .sort({ occurredDate: -1, _id: 1 })
        .toArray(),
    ]);
    // A month's cards and violations of one tenant are few enough to order and filter here.
    const cardDocs = ([...yellow, ...red] as unknown as (SignalDoc & { _id: string })[]).sort(
      (x, y) => x.raisedAt.getTime() - y.raisedAt.getTime() || x._id.localeCompare(y._id),
    );
    const kept = (violationDocs as unknown as (ViolationDoc & { state: string })[])
      .filter((v) => v.state !== 'dismissed')
      .reverse();
    const cards: BulletinCard[] = cardDocs.slice(0, limit).map((s) => ({
      day: chinaDay(s.raisedAt),
      level: s.level as BulletinCard['level'],
      caseNumber: s.caseNumber ?? '',
      itemName: s.itemName ?? '',
      department: s.department ?? '',
      person: s.responsible ?? '',
      reason: s.reason,
    }));
    const listed: BulletinViolation[] = kept.slice(0, limit).map((v) => ({
      day: v.occurredDate,
      kind: v.kind,
      caseNumber: v.caseNumber ?? '',
      department: v.department ?? '',
      person: v.person ?? '',
      summary: v.summary,
    }));
    return {
      cards,
      moreCards: cardDocs.length - cards.length,
      violations: listed,
      moreViolations: kept.length - listed.length,
    };
  }
}
