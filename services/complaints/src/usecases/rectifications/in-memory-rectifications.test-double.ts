import type { Principal } from '@govhall/auth';
import { createWorkingCalendar } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import type { Rectification, RectificationEvent } from '../../domain/rectifications/rectification';
import type { Calendars, RectificationFilter, RectificationRepository, StaffDirectory } from './ports';

/** The rectifications in memory, as the Mongo repository keeps them (versions checked, events kept in order). */
export class InMemoryRectifications implements RectificationRepository {
  readonly saved = new Map<string, Rectification>();
  readonly events: RectificationEvent[] = [];
  readonly excluded = new Set<string>();
  async insert(r: Rectification, events: RectificationEvent[], _actor: Principal | undefined) {
    if (this.saved.has(r.id)) return false;
    this.saved.set(r.id, r);
    this.events.push(...events);
    return true;
  }
  async find(id: string) {
    return this.saved.get(id) ?? null;
  }
  async save(r: Rectification, expectedVersion: number, events: RectificationEvent[], _actor: Principal | undefined) {
    if (this.saved.get(r.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(r.id, r);
    this.events.push(...events);
  }
  async list(f: RectificationFilter, offset: number, limit: number) {
    const all = [...this.saved.values()]
      .filter(
        (r) =>
          r.tenant === f.tenant &&
          (f.statuses.length === 0 || f.statuses.includes(r.status)) &&
          (!f.department || r.department === f.department) &&
          (!f.handler || r.handler === f.handler) &&
          (!f.overdueOn || (r.status !== 'closed' && r.deadline < f.overdueOn)),
      )
      .sort(
        (a, b) =>
          Number(a.status === 'closed') - Number(b.status === 'closed') ||
          a.deadline.localeCompare(b.deadline) ||
          a.id.localeCompare(b.id),
      );
    return { items: all.slice(offset, offset + limit), total: all.length };
  }
  async dueOverdue(today: string, limit: number) {
    return [...this.saved.values()]
      .filter((r) => r.status !== 'closed' && !r.overdue && r.deadline < today)
      .slice(0, limit);
  }
  async upheldNotExcluded(limit: number) {
    return [...this.saved.values()].filter((r) => r.appealDecision?.upheld && !this.excluded.has(r.id)).slice(0, limit);
  }
  async markRatingExcluded(id: string) {
    this.excluded.add(id);
  }
}

/** The statutory calendar of every tenant, no local adjustments. */
export const statutoryCalendars: Calendars = { forTenant: async () => createWorkingCalendar() };

/** Staff of departments: `members[department]` lists logins and names. */
export class FixedStaff implements StaffDirectory {
  constructor(readonly members: Record<string, { username: string; name: string }[]>) {}
  async memberOf(_tenant: string, department: string, username: string) {
    return this.members[department]?.find((m) => m.username === username) ?? null;
  }
}
