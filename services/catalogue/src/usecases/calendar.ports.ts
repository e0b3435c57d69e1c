import type { Authorizer, Principal } from '@govhall/auth';
import type { CalendarOverride, WorkingCalendar } from '@govhall/calendar';
import type { Clock } from './ports';

/** A tenant's local changes to the national calendar: one stored document per tenant. */
export interface TenantOverrides {
  tenant: string;
  /** Ordered by date, at most one per date. */
  overrides: CalendarOverride[];
  /** 0 while nothing is stored for the tenant (it has never set an override); every write adds 1. */
  version: number;
  updatedAt?: Date;
}

/** An override was set (or replaced) or removed: CalendarChanged on govhall.catalogue.calendar, key = tenant. */
export interface CalendarChangedEvent {
  type: 'CalendarChanged';
  tenant: string;
  /** The override as set, or the one removed. */
  override: CalendarOverride;
  /** false when the override was removed. */
  set: boolean;
  /** The document's version after the change. */
  version: number;
  occurredAt: Date;
}

export interface CalendarOverrideRepository {
  /** The tenant's overrides; none, version 0, when nothing is stored for it. */
  find(tenant: string): Promise<TenantOverrides>;
  /**
   * Stores `next` (version `expectedVersion + 1`) and the events' outbox messages in one document write, if the
   * stored version is still `expectedVersion` (0: nothing stored yet). ConcurrencyError when another write came first.
   */
  save(next: TenantOverrides, events: CalendarChangedEvent[], expectedVersion: number, actor: Principal): Promise<void>;
}

/** A tenant's overrides and the working calendar built from them. */
export interface TenantCalendar {
  overrides: TenantOverrides;
  calendar: WorkingCalendar;
}

/** The tenants' working calendars, kept in process (see createTenantCalendars). */
export interface TenantCalendars {
  get(tenant: string): Promise<TenantCalendar>;
  /** Takes the overrides this process has just written, so its next answers use them at once. */
  remember(overrides: TenantOverrides): TenantCalendar;
}

/** What the calendar use cases are built over. */
export interface CalendarDeps {
  overrides: CalendarOverrideRepository;
  authorizer: Authorizer;
  clock: Clock;
  /** GOVHALL_TENANTS: the tenants this deployment serves; empty means any. */
  hostedTenants?: readonly string[];
  /**
   * How long a cached tenant calendar is trusted before it is read again (default 60 s): a change written by
   * another replica reaches this one within that time; this process's own changes apply at once.
   */
  cacheTtlMs?: number;
}
