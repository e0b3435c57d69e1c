import { ConcurrencyError } from '@govhall/errors';
import { supervisingTenants } from '../../domain/violations/supervising-tenants';
import type { Violation } from '../../domain/violations/violation';
import type { ViolationFilter, ViolationStore } from './violation.ports';

/** In-memory ViolationStore for unit tests: the same contract as the Mongo one, `announced` lists the events. */
export class MemoryViolationStore implements ViolationStore {
  readonly stored = new Map<string, Violation>();
  readonly announced: string[] = [];

  async recordNew(violations: Violation[]) {
    const fresh = violations.filter((v) => !this.stored.has(v.id));
    for (const v of fresh) {
      this.stored.set(v.id, v);
      this.announced.push(v.id);
    }
    return fresh;
  }

  async get(id: string) {
    return this.stored.get(id) ?? null;
  }

  async list(f: ViolationFilter, offset: number, limit: number) {
    return [...this.stored.values()]
      .filter((v) => (f.includeSubordinates ? supervisingTenants(v.tenant).includes(f.tenant) : v.tenant === f.tenant))
      .filter((v) => (!f.kind || v.kind === f.kind) && (!f.state || v.state === f.state))
      .filter((v) => (!f.matterId || v.matterId === f.matterId) && (!f.department || v.department === f.department))
      .filter((v) => (!f.windowId || v.windowId === f.windowId) && (!f.person || v.person === f.person))
      .filter((v) => (!f.fromDate || v.occurredDate >= f.fromDate) && (!f.toDate || v.occurredDate <= f.toDate))
      .sort((a, b) => b.occurredDate.localeCompare(a.occurredDate) || a.id.localeCompare(b.id))
      .slice(offset, offset + limit);
  }

  async save(next: Violation, expectedVersion: number) {
    const current = this.stored.get(next.id);
    if (!current || current.version !== expectedVersion) throw new ConcurrencyError();
    const saved = { ...next, version: expectedVersion + 1 };
    this.stored.set(next.id, saved);
    return saved;
  }
}
