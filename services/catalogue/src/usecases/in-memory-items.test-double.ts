import type { Principal } from '@govhall/auth';
import type { Item, ItemEvent } from '../domain/item';
import type { ItemRepository } from './ports';

/** Unit-test fake of the item repository (integration tests use the real database). */
export class InMemoryItems implements ItemRepository {
  readonly items = new Map<string, Item>();
  readonly keys = new Map<string, string>();
  readonly events: ItemEvent[] = [];

  async insert(item: Item, events: ItemEvent[], idempotencyKey: string, _actor: Principal) {
    const existing = this.keys.get(`${item.tenant}:${idempotencyKey}`);
    if (existing) return { item: this.items.get(existing)!, created: false };
    this.items.set(item.id, item);
    this.keys.set(`${item.tenant}:${idempotencyKey}`, item.id);
    this.events.push(...events);
    return { item, created: true };
  }
  async findById(id: string) {
    return this.items.get(id) ?? null;
  }
  async findByIdempotencyKey(tenant: string, key: string) {
    const id = this.keys.get(`${tenant}:${key}`);
    return id ? (this.items.get(id) ?? null) : null;
  }
}

export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    subject: 'sub-1',
    username: 'yc-admin',
    tenant: '620321',
    roles: ['center_admin'],
    clientId: 'govhall-portal',
    ...overrides,
  };
}
