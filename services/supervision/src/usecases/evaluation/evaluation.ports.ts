import type { KpiSubjectLevel } from '../../domain/evaluation/kpi';
import type { KpiDayFacts, KpiDayRow } from '../../domain/evaluation/kpi-facts';
import type { DailyCheck, DayViolation, RaisedSignal } from '../../domain/evaluation/daily-check';
import type { DisplayNameEntry } from '../../domain/evaluation/display-names';
import type { MonthlyBulletin } from '../../domain/evaluation/monthly-bulletin';
import type { TenantSelector } from '../clocks.ports';

/** The KPI projection: one document per tenant, subject and day, replaced as a whole when the day is recounted. */
export interface KpiDayStore {
  /** Makes the tenant's stored rows of `day` exactly `rows` (rows of subjects no longer there are removed). */
  replaceDay(tenant: string, day: string, rows: KpiDayRow[]): Promise<void>;
  /** The rows of the level (and subject) of the selected tenants between two days, inclusive. */
  query(
    filter: TenantSelector & { level: KpiSubjectLevel; subjectId: string; firstDay: string; lastDay: string },
  ): Promise<KpiDayRow[]>;
}

/** A day of a tenant whose facts changed since it was last counted; `seq` tells a later change apart. */
export interface DirtyDay {
  tenant: string;
  day: string;
  seq: number;
}

/** Which marked days a recount takes: the tenants of a selector between two days (a read's own), or all. */
export type DirtyScope = TenantSelector & { firstDay: string; lastDay: string };

/** Days to recount, persisted so a restart loses none (marked when a matter, signal or violation is written). */
export interface DirtyDays {
  mark(tenant: string, day: string): Promise<void>;
  /** `mark` for many days in one write (a day given twice is marked once). */
  markAll(days: readonly { tenant: string; day: string }[]): Promise<void>;
  /** Up to `limit` marks in `<tenant>|<day>` order after `after` (exclusive; '' from the start), within `scope`. */
  pending(limit: number, after: string, scope?: DirtyScope): Promise<DirtyDay[]>;
  /** Forgets the mark unless the day was marked again since `seq` was read. */
  done(mark: DirtyDay): Promise<void>;
}

/** Reads one day's facts from supervision's read side (matters, signals, violations). */
export interface KpiFactsSource {
  dayFacts(tenant: string, day: string): Promise<KpiDayFacts>;
}

/** What the bulletin lists beside the figures: the month's red and yellow cards and violations of the tenant. */
export type BulletinDetails = Pick<MonthlyBulletin, 'cards' | 'moreCards' | 'violations' | 'moreViolations'>;

export interface BulletinDetailsSource {
  details(tenant: string, firstDay: string, lastDay: string, limit: number): Promise<BulletinDetails>;
}

/** Lays the bulletin out as a PDF. */
export interface BulletinRenderer {
  render(bulletin: MonthlyBulletin): Promise<{ pdf: Buffer; contentHash: string }>;
}

/** The day's violations (dismissed ones left out; up to `limit` listed, the rest counted) and raised signals. */
export interface DailyCheckSource {
  day(
    tenant: string,
    date: string,
    limit: number,
  ): Promise<{ violations: DayViolation[]; moreViolations: number; signals: RaisedSignal[] }>;
}

/** Lays the daily check sheet out as a PDF. */
export interface DailyCheckRenderer {
  render(sheet: DailyCheck): Promise<{ pdf: Buffer; contentHash: string }>;
}

/** Department and window names learned from identity's events, printed by the reports in place of codes. */
export interface DisplayNameStore {
  /** Keeps `entry` unless a later version of the same department or window is stored. */
  put(entry: DisplayNameEntry): Promise<void>;
  /** The tenant's stored names. */
  ofTenant(tenant: string): Promise<DisplayNameEntry[]>;
}
