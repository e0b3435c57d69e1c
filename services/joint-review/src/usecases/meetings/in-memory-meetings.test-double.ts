import { ConcurrencyError } from '@govhall/errors';
import type { Meeting, MeetingEvent } from '../../domain/meetings/meeting';
import type { Page, PageQuery } from '../ports';
import type { MeetingFilter, MeetingRepository } from './meeting.ports';

/** The meeting repository port in memory, for the use cases' unit tests; it keeps every event written. */
export class InMemoryMeetings implements MeetingRepository {
  readonly byId = new Map<string, Meeting>();
  readonly events: MeetingEvent[] = [];

  async insert(meeting: Meeting, events: MeetingEvent[]) {
    const existing = await this.findByRequest(meeting.tenant, meeting.requestId);
    if (existing) return { meeting: existing, created: false };
    this.byId.set(meeting.id, meeting);
    this.events.push(...events);
    return { meeting, created: true };
  }

  async findById(id: string) {
    return this.byId.get(id) ?? null;
  }

  async findByRequest(tenant: string, requestId: string) {
    return [...this.byId.values()].find((m) => m.tenant === tenant && m.requestId === requestId) ?? null;
  }

  async save(next: Meeting, expectedVersion: number, events: MeetingEvent[]) {
    const stored = this.byId.get(next.id);
    if (!stored || stored.version !== expectedVersion) throw new ConcurrencyError();
    const saved = { ...next, version: expectedVersion + 1 };
    this.byId.set(next.id, saved);
    this.events.push(...events);
    return saved;
  }

  async list(filter: MeetingFilter, page: PageQuery): Promise<Page<Meeting>> {
    const items = [...this.byId.values()]
      .filter((m) => m.tenant === filter.tenant)
      .filter((m) => !filter.department || m.participants.some((p) => p.department === filter.department))
      .filter((m) => !filter.state || m.state === filter.state)
      .filter((m) => !filter.projectId || m.projectId === filter.projectId)
      .filter((m) => !filter.reviewId || m.agenda.some((a) => a.reviewId === filter.reviewId))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return { items: items.slice(0, page.pageSize), nextPageToken: '', totalSize: items.length };
  }
}
