import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import type { Consultation, ConsultationEvent } from '../../domain/consultations/consultation';
import type { ConsultationFilter, ConsultationRepository, PublishedItems, StaffNames } from './ports';

/** The consultations in a map, as the repository orders and filters them. */
export class InMemoryConsultations implements ConsultationRepository {
  readonly saved = new Map<string, Consultation>();
  readonly events: ConsultationEvent[] = [];
  private readonly sequences = new Map<string, number>();

  async insert(c: Consultation, events: ConsultationEvent[], _actor: Principal | undefined) {
    const again = await this.findByRequest(c.tenant, c.requestId);
    if (again) return again;
    this.saved.set(c.id, c);
    this.events.push(...events);
    return c;
  }
  async find(id: string) {
    return this.saved.get(id) ?? null;
  }
  async findByRequest(tenant: string, requestId: string) {
    return [...this.saved.values()].find((c) => c.tenant === tenant && c.requestId === requestId) ?? null;
  }
  async save(c: Consultation, expectedVersion: number, events: ConsultationEvent[]) {
    if (this.saved.get(c.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.saved.set(c.id, c);
    this.events.push(...events);
  }
  async list(f: ConsultationFilter, offset: number, limit: number) {
    const all = [...this.saved.values()]
      .filter(
        (c) =>
          (!f.tenant || c.tenant === f.tenant) &&
          (!f.kind || c.kind === f.kind) &&
          (f.department === undefined || c.department === f.department) &&
          (!f.itemCode || c.itemCode === f.itemCode) &&
          (!f.visibility || c.visibility === f.visibility) &&
          (!f.status || c.status === f.status) &&
          (!f.askerSubject || c.asker.subject === f.askerSubject) &&
          (!f.curatedOnly || !!c.faq),
      )
      .sort(
        (a, b) =>
          Number(b.status === 'open') - Number(a.status === 'open') ||
          b.askedAt.getTime() - a.askedAt.getTime() ||
          b.number.localeCompare(a.number),
      );
    return { items: all.slice(offset, offset + limit), total: all.length };
  }
  async nextSequence(tenant: string, chinaDay: string) {
    const key = `${tenant}:${chinaDay}`;
    const next = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, next);
    return next;
  }
}

/** The published items of the tenants: `known[tenant]` lists them. */
export class FixedItems implements PublishedItems {
  constructor(readonly known: Record<string, { id: string; code: string; name: string; department: string }[]>) {}
  async find(tenant: string, itemId: string) {
    return this.known[tenant]?.find((i) => i.id === itemId) ?? null;
  }
}

/** Staff names by login. */
export class FixedStaffNames implements StaffNames {
  constructor(readonly names: Record<string, string>) {}
  async nameOf(_tenant: string, username: string) {
    return this.names[username] ?? '';
  }
}
