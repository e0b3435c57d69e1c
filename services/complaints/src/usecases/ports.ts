import type { WorkingCalendar } from '@govhall/calendar';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

/** Each tenant's working calendar (the catalogue's, @govhall/catalogue-calendars). */
export interface Calendars {
  forTenant(tenant: string): Promise<WorkingCalendar>;
}
