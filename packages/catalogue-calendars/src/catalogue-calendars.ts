import { createWorkingCalendar, type CalendarOverride, type WorkingCalendar } from '@govhall/calendar';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { status } from '@grpc/grpc-js';
import { catalogueV1 } from '@govhall/proto';

/** The time the cache and the years to read are counted from; a service passes its own clock. */
export interface Clock {
  now(): Date;
}

/** A tenant's working calendar; a service's own `Calendars` port has this shape. */
export interface Calendars {
  forTenant(tenant: string): Promise<WorkingCalendar>;
}

interface Entry {
  calendar: WorkingCalendar;
  loadedAt: number;
}

/**
 * Each tenant's working calendar: the statutory days of @govhall/calendar plus the tenant's overrides, read from
 * the catalogue (which owns them) for last year, this year and next year, and kept for `ttlMs`. A failed read
 * keeps serving the last calendar it had; with none, the act is refused as unavailable rather than computed wrong.
 */
export class CatalogueCalendars implements Calendars {
  private readonly client: catalogueV1.CatalogueServiceClient;
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<WorkingCalendar>>();

  constructor(
    address: string,
    private readonly clock: Clock,
    private readonly ttlMs = 60_000,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(catalogueV1.CatalogueServiceClient, address, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: ['GetCalendar'],
    });
  }

  async forTenant(tenant: string): Promise<WorkingCalendar> {
    const hit = this.entries.get(tenant);
    const now = this.clock.now().getTime();
    if (hit && now - hit.loadedAt < this.ttlMs) return hit.calendar;
    const pending = this.loading.get(tenant);
    if (pending) return pending;
    const load = this.load(tenant)
      .then((calendar) => {
        this.entries.set(tenant, { calendar, loadedAt: this.clock.now().getTime() });
        return calendar;
      })
      .catch((e: unknown) => {
        if (hit) return hit.calendar;
        throw e instanceof UnavailableError
          ? e
          : new UnavailableError('CALENDAR_UNAVAILABLE', '工作日历暂时无法读取，请稍后重试');
      })
      .finally(() => this.loading.delete(tenant));
    this.loading.set(tenant, load);
    return load;
  }

  private async load(tenant: string): Promise<WorkingCalendar> {
    const year = this.clock.now().getUTCFullYear();
    const years = [year - 1, year, year + 1];
    const answers = await Promise.all(
      years.map((y) =>
        callUnary(
          this.client.getCalendar.bind(this.client),
          { tenant, year: y },
          { deadlineMs: this.deadlineMs },
        ).catch((e: unknown) => {
          // A year the catalogue does not describe (outside its range) has no overrides.
          if (isServiceError(e) && e.code === status.INVALID_ARGUMENT) return { calendar: undefined };
          throw e;
        }),
      ),
    );
    const overrides: CalendarOverride[] = answers.flatMap((a) =>
      (a.calendar?.overrides ?? []).map((o) => ({
        date: o.date,
        kind: o.working ? ('workday' as const) : ('holiday' as const),
        reason: o.reason,
      })),
    );
    return createWorkingCalendar({ overrides });
  }

  close(): void {
    this.client.close();
  }
}
