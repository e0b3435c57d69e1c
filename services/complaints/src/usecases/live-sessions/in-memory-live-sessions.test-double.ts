import { ConcurrencyError } from '@govhall/errors';
import type { LiveSession } from '../../domain/consultations/live-session';
import type { LiveSessionRepository } from './ports';

/** Live sessions in memory, with the store's version check (unit tests only). */
export class InMemoryLiveSessions implements LiveSessionRepository {
  readonly saved = new Map<string, LiveSession>();
  private readonly days = new Map<string, number>();
  /** Sessions saved by someone else just before the next save (a concurrent writer), consumed one per save. */
  readonly racing: ((s: LiveSession) => LiveSession)[] = [];

  async insert(s: LiveSession): Promise<LiveSession> {
    const first = await this.findByRequest(s.tenant, s.requestId);
    if (first) return first;
    this.saved.set(s.id, s);
    return s;
  }

  async find(id: string) {
    return this.saved.get(id) ?? null;
  }

  async findByRequest(tenant: string, requestId: string) {
    return [...this.saved.values()].find((s) => s.tenant === tenant && s.requestId === requestId) ?? null;
  }

  async save(s: LiveSession, expectedVersion: number) {
    const race = this.racing.shift();
    const stored = this.saved.get(s.id)!;
    if (race) this.saved.set(s.id, race(stored));
    if (this.saved.get(s.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(s.id, { ...s, version: expectedVersion + 1 });
  }

  async listMine(subject: string, offset: number, limit: number) {
    const all = [...this.saved.values()]
      .filter((s) => s.asker.subject === subject)
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  async listOpen(tenant: string, department: string | undefined) {
    return [...this.saved.values()].filter(
      (s) => s.tenant === tenant && s.status !== 'closed' && (department === undefined || s.department === department),
    );
  }

  async nextSequence(tenant: string, chinaDay: string) {
    const key = `${tenant}-${chinaDay}`;
    const n = (this.days.get(key) ?? 0) + 1;
    this.days.set(key, n);
    return n;
  }
}
