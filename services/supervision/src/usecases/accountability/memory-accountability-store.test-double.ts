import { ConcurrencyError } from '@govhall/errors';
import type { Accountability } from '../../domain/accountability/accountability';
import { supervisingTenants } from '../../domain/violations/supervising-tenants';
import type { AccountabilityFilter, AccountabilityStore } from './accountability.ports';

/** In-memory AccountabilityStore for unit tests; `announced` lists the AccountabilityDecided events. */
export class MemoryAccountabilityStore implements AccountabilityStore {
  readonly stored = new Map<string, Accountability>();
  readonly pending = new Set<string>();
  readonly announced: string[] = [];

  async insertOrGet(a: Accountability) {
    const existing = this.stored.get(a.id);
    if (existing) return existing;
    this.stored.set(a.id, a);
    this.pending.add(a.id);
    return a;
  }
  async get(id: string) {
    return this.stored.get(id) ?? null;
  }
  async proposedFor(violationIds: string[]) {
    return [...this.stored.values()].filter(
      (a) => a.state === 'proposed' && a.violationIds.some((v) => violationIds.includes(v)),
    );
  }
  async list(f: AccountabilityFilter, offset: number, limit: number) {
    return [...this.stored.values()]
      .filter((a) => (f.includeSubordinates ? supervisingTenants(a.tenant).includes(f.tenant) : a.tenant === f.tenant))
      .filter((a) => (!f.state || a.state === f.state) && (!f.targetId || a.targetId === f.targetId))
      .filter((a) => !f.year || a.year === f.year)
      .slice(offset, offset + limit);
  }
  async saveDecision(next: Accountability, expectedVersion: number) {
    if (this.stored.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    const saved = { ...next, version: expectedVersion + 1 };
    this.stored.set(saved.id, saved);
    this.pending.add(saved.id);
    this.announced.push(`${saved.id}@${saved.version}`);
    return saved;
  }
  async pendingViolationSync(limit: number) {
    return [...this.pending].slice(0, limit).map((id) => this.stored.get(id)!);
  }
  async markViolationsSynced(id: string) {
    this.pending.delete(id);
  }
}
