import { ConcurrencyError } from '@govhall/errors';

type StoredRecord = { id: string; version: number; updatedAt: Date; status?: string };

/**
 * Records in a map, kept the way the Mongo repositories keep them: copies in and out, an insert refused when
 * the `unique` field's value is taken, versioned updates whose events are collected in `events`, and the
 * provisioning records a saga leaves behind. Subclasses add their repository's own finders.
 */
export class InMemoryRecords<T extends StoredRecord, E> {
  readonly rows = new Map<string, T>();
  readonly events: E[] = [];

  constructor(private readonly unique: keyof T) {}

  protected all(): T[] {
    return [...this.rows.values()];
  }
  protected findOne(matches: (record: T) => boolean): T | null {
    return structuredClone(this.all().find(matches) ?? null);
  }

  async insert(record: T, events: E[] = []) {
    if (this.all().some((r) => r[this.unique] === record[this.unique])) return false;
    this.rows.set(record.id, structuredClone(record));
    this.events.push(...events);
    return true;
  }
  async findById(id: string) {
    return structuredClone(this.rows.get(id) ?? null);
  }
  async update(next: T, expectedVersion: number, events: E[]) {
    if (this.rows.get(next.id)?.version !== expectedVersion) throw new ConcurrencyError();
    this.rows.set(next.id, structuredClone(next));
    this.events.push(...events);
  }
  /** Deletes a record still provisioning (and still at `expectedVersion`, when given); true when it did. */
  async removeProvisioning(id: string, expectedVersion?: number) {
    const row = this.rows.get(id);
    if (row?.status !== 'provisioning') return false;
    if (expectedVersion !== undefined && row.version !== expectedVersion) return false;
    return this.rows.delete(id);
  }
  async findProvisioning(updatedBefore: Date) {
    return this.all().filter((r) => r.status === 'provisioning' && r.updatedAt < updatedBefore);
  }
}
