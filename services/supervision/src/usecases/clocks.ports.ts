import type { CalendarOverride } from '@govhall/calendar';
import type { HallRows } from '../domain/clocks/hall-today';
import type { Matter } from '../domain/clocks/matter';
import type { MatterClock } from '../domain/clocks/matter-clock';
import type { StaffEntry, WindowEntry } from '../domain/signals/recipients';
import type { Signal } from '../domain/signals/signal';
import type { SignalLevel } from '../domain/signals/signal-level';
import type { SignalThresholds } from '../domain/signals/thresholds';

/** A matter with its clock as last computed. */
export interface StoredMatter {
  matter: Matter;
  clock: MatterClock;
}

/** Which tenants a query covers: one tenant, or a tenant and everything below it (a region-code prefix). */
export interface TenantSelector {
  tenant: string;
  includeSubordinates: boolean;
}

export interface ClockFilter extends TenantSelector {
  minSignal: SignalLevel;
  department: string;
  windowId: string;
  openOnly: boolean;
}

export interface MatterStore {
  get(matterId: string): Promise<StoredMatter | undefined>;
  /** The stored ones among the matters (a batch of case events reads its matters together). */
  getAll(matterIds: readonly string[]): Promise<Map<string, StoredMatter>>;
  /** Writes the matter and its clock (insert or replace). */
  save(stored: StoredMatter): Promise<void>;
  /** `save` for many matters in one write. */
  saveAll(stored: readonly StoredMatter[]): Promise<void>;
  /** Matters whose clock is not stopped; of one tenant when given. */
  listOpen(tenant?: string): Promise<StoredMatter[]>;
  /** Every matter of a tenant (a calendar change recounts them all). */
  listByTenant(tenant: string): Promise<StoredMatter[]>;
  /** Clocks matching the filter, newest acceptance first. */
  query(filter: ClockFilter, page: { offset: number; limit: number }): Promise<MatterClock[]>;
  /** The hall's day (`date`, YYYY-MM-DD): received, accepted and completed that day, and every open matter. */
  hallRows(selector: TenantSelector, date: string): Promise<HallRows>;
}

export interface SignalStore {
  /**
   * Every signal each matter ever had, active and cleared, in the order they were raised (the active ones are those
   * not cleared; the count of a rule's raises gives the next signal's id).
   */
  history(matterIds: readonly string[]): Promise<Map<string, Signal[]>>;
  /** Stores the new signals, each with its SignalRaised event in the same document (outbox). */
  raiseAll(signals: readonly Signal[]): Promise<void>;
  /** Marks the signal cleared with its SignalCleared event in the same write (outbox); the cleared signal. */
  clear(signal: Signal, at: Date, reason: string): Promise<Signal>;
  list(
    filter: TenantSelector & { matterId: string; activeOnly: boolean; minLevel: SignalLevel },
    page: { offset: number; limit: number },
  ): Promise<Signal[]>;
}

export interface ThresholdStore {
  get(tenant: string): Promise<SignalThresholds | undefined>;
  /** Saves version `expectedVersion + 1`; ConcurrencyError when the stored version is not `expectedVersion`. */
  save(thresholds: SignalThresholds, expectedVersion: number): Promise<SignalThresholds>;
}

/** Each tenant's calendar overrides, learned from govhall.catalogue.calendar. */
export interface CalendarStore {
  overrides(tenant: string): Promise<CalendarOverride[]>;
  set(tenant: string, override: CalendarOverride, present: boolean): Promise<void>;
}

/** Staff and windows learned from identity's events (who is told of a signal). */
export interface Directory {
  staffOf(tenant: string): Promise<StaffEntry[]>;
  window(id: string): Promise<WindowEntry | undefined>;
  putStaff(staff: StaffEntry): Promise<void>;
  putWindow(window: WindowEntry): Promise<void>;
}

export type LiveUpdate =
  | { kind: 'clock'; tenant: string; clock: MatterClock }
  | { kind: 'signal_raised'; tenant: string; signal: Signal }
  | { kind: 'signal_cleared'; tenant: string; signal: Signal };

/** In-process fan-out of clock and signal changes to live watchers (WatchLive). */
export interface LiveFeed {
  publish(update: LiveUpdate): void;
  subscribe(listener: (update: LiveUpdate) => void): () => void;
}

/** Observes how long after its event a clock was updated (the lag histogram). */
export type ClockUpdated = (lagMs: number) => void;
