import { ConcurrencyError } from '@govhall/errors';
import type { OrderChange, SupervisionOrder } from '../../domain/orders/supervision-order';
import type { OrderFilter, OrderStore } from './orders.ports';

/** In-memory OrderStore: the events each write would publish, and the orders left pending, kept for assertions. */
export class MemoryOrderStore implements OrderStore {
  readonly orders = new Map<string, SupervisionOrder>();
  readonly events: { event: OrderChange['event']; id: string; version: number }[] = [];
  readonly pending = new Set<string>();

  async insertOrGet(change: OrderChange): Promise<SupervisionOrder> {
    const known = this.orders.get(change.order.id);
    if (known) return structuredClone(known);
    this.write(change.order, change.event);
    return structuredClone(change.order);
  }

  async get(id: string): Promise<SupervisionOrder | null> {
    const o = this.orders.get(id);
    return o ? structuredClone(o) : null;
  }

  async save(change: OrderChange, expectedVersion: number): Promise<SupervisionOrder> {
    if (this.orders.get(change.order.id)?.version !== expectedVersion) throw new ConcurrencyError();
    const saved = { ...change.order, version: expectedVersion + 1 };
    this.write(saved, change.event);
    return structuredClone(saved);
  }

  async list(f: OrderFilter, offset: number, limit: number): Promise<SupervisionOrder[]> {
    return [...this.orders.values()]
      .filter((o) =>
        f.includeSubordinates ? o.tenant.startsWith(f.tenant.replace(/(00)+$/, '')) : o.tenant === f.tenant,
      )
      .filter(
        (o) =>
          (!f.state || o.state === f.state) &&
          (!f.responsibleDepartment || o.responsibleDepartment === f.responsibleDepartment),
      )
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())
      .slice(offset, offset + limit);
  }

  async pendingMatters(limit: number): Promise<SupervisionOrder[]> {
    return [...this.pending].slice(0, limit).map((id) => structuredClone(this.orders.get(id)!));
  }

  async markMatterSynced(id: string, version: number): Promise<void> {
    if (this.orders.get(id)?.version === version) this.pending.delete(id);
  }

  private write(order: SupervisionOrder, event: OrderChange['event']): void {
    this.orders.set(order.id, structuredClone(order));
    this.events.push({ event, id: order.id, version: order.version });
    this.pending.add(order.id);
  }
}
