import type { Principal } from '@govhall/auth';
import type { Rectification, RectificationEvent, RectificationStatus } from '../../domain/rectifications/rectification';

/** The rectifications (collection `rectifications`), each written with its events (outbox). */
export interface RectificationRepository {
  /** Inserts a new one with its events; false, writing nothing, when its rating's rectification exists already. */
  insert(rectification: Rectification, events: RectificationEvent[], actor: Principal | undefined): Promise<boolean>;
  find(id: string): Promise<Rectification | null>;
  /** Saves the new state and its events if the stored version is still `expectedVersion` (else ConcurrencyError). */
  save(
    rectification: Rectification,
    expectedVersion: number,
    events: RectificationEvent[],
    actor: Principal | undefined,
  ): Promise<void>;
  /** Open and appealed ones by deadline first, then closed ones newest first: `limit` from `offset`, and the total. */
  list(filter: RectificationFilter, offset: number, limit: number): Promise<{ items: Rectification[]; total: number }>;
  /** Not closed, not reported overdue, deadline before `today` (China date): at most `limit`, earliest first. */
  dueOverdue(today: string, limit: number): Promise<Rectification[]>;
  /** Closed by an upheld appeal whose rating is not yet out of the figures (markRatingExcluded not called). */
  upheldNotExcluded(limit: number): Promise<Rectification[]>;
  /** Notes that the upheld appeal's rating is out of the satisfaction figures (storage only: no version, no event). */
  markRatingExcluded(id: string): Promise<void>;
}

export interface RectificationFilter {
  tenant: string;
  /** Empty for any. */
  statuses: RectificationStatus[];
  /** '' for any. */
  department: string;
  handler: string;
  /** Not closed and past the deadline on `today`. */
  overdueOn?: string;
}

export type { Calendars } from '../ports';

/** Staff of a department as identity knows them (read with the service's center account of the tenant). */
export interface StaffDirectory {
  /** The active member of staff `username` of `department` in `tenant`; null when not one. */
  memberOf(tenant: string, department: string, username: string): Promise<{ username: string; name: string } | null>;
}
