import type { Principal } from '@govhall/auth';
import type { Item, ItemEvent } from '../domain/item';
import type { ItemRepository } from './ports';
import { createDraftItemUseCase, type CreateDraftItemCommand } from './create-draft-item/create-draft-item.usecase';

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

/** A valid draft of 食品经营许可 in 永昌县, as a center administrator would submit it. */
export const draftCommand: CreateDraftItemCommand = {
  idempotencyKey: 'key-00000001',
  tenant: '620321',
  name: '食品经营许可',
  basicCode: '000172028000',
  kind: '01',
  handlingCategory: 'promised',
  department: '620321-SCJG',
};

/** The create use case over an in-memory repository, with a fixed clock and sequential ids. */
export function draftSetup(hostedTenants?: string[]) {
  const items = new InMemoryItems();
  let n = 0;
  const createDraftItem = createDraftItemUseCase({
    items,
    clock: { now: () => new Date('2026-11-26T00:00:00Z') },
    ids: { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
    hostedTenants,
  });
  return { items, createDraftItem };
}
