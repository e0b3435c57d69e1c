import { createAuthorizer, type Principal } from '@govhall/auth';
import { ConcurrencyError, ConflictError } from '@govhall/errors';
import { BasicCodeTakenError } from '../domain/basic-code-taken';
import type { Item, ItemEvent, ItemStatus } from '../domain/item';
import { validItemFixture, type ItemFixtureOverrides } from '../domain/item.test-double';
import type { CreateDraftItemCommand } from './create-draft-item/create-draft-item.usecase';
import { createItemUseCases } from './items.use-cases';
import type { ItemRepository } from './ports';

/**
 * Unit-test fake of the item repository (integration tests use the real database). It stores copies, so a use
 * case that forgets to save is caught, and enforces the same unique keys and version checks as the store.
 */
export class InMemoryItems implements ItemRepository {
  readonly items = new Map<string, Item>();
  readonly keys = new Map<string, string>();
  readonly events: ItemEvent[] = [];
  /** Ids whose next update fails as if the database were unreachable. */
  readonly failNextUpdateOf = new Set<string>();

  async insert(item: Item, events: ItemEvent[], idempotencyKey: string, _actor: Principal) {
    const existing = this.keys.get(`${item.tenant}:${idempotencyKey}`);
    if (existing) return { item: this.get(existing)!, created: false };
    if (this.basicCodeHeldByAnotherSeries(item)) throw new BasicCodeTakenError(item.basicCode);
    if ([...this.items.values()].some((i) => i.seriesId === item.seriesId && i.edition === item.edition)) {
      throw new ConflictError('EDITION_IN_PROGRESS', 'edition exists');
    }
    this.items.set(item.id, structuredClone(item));
    this.keys.set(`${item.tenant}:${idempotencyKey}`, item.id);
    this.events.push(...events);
    return { item, created: true };
  }

  async findById(id: string) {
    return this.get(id);
  }

  async findByIdempotencyKey(tenant: string, key: string) {
    const id = this.keys.get(`${tenant}:${key}`);
    return id ? this.get(id) : null;
  }

  async update(next: Item, expectedVersion: number, events: ItemEvent[], _actor: Principal) {
    if (this.failNextUpdateOf.delete(next.id)) throw new Error('database unreachable');
    const stored = this.items.get(next.id);
    if (!stored || stored.version !== expectedVersion) throw new ConcurrencyError();
    if (stored.basicCode !== next.basicCode && this.basicCodeHeldByAnotherSeries(next)) {
      throw new BasicCodeTakenError(next.basicCode);
    }
    this.items.set(next.id, structuredClone({ ...next, version: expectedVersion + 1 }));
    this.events.push(...events);
  }

  async remove(item: Item, expectedVersion: number) {
    const stored = this.items.get(item.id);
    if (!stored || stored.version !== expectedVersion || stored.status !== 'draft') throw new ConcurrencyError();
    this.items.delete(item.id);
  }

  async findInSeries(seriesId: string, statuses: readonly ItemStatus[]) {
    return this.all()
      .filter((i) => i.seriesId === seriesId && statuses.includes(i.status))
      .sort((a, b) => a.edition - b.edition);
  }

  async list(tenant: string, status: ItemStatus | undefined, offset: number, limit: number, keyword?: string) {
    const found = this.all()
      .filter((i) => i.tenant === tenant && (!status || i.status === status))
      .filter((i) => !keyword || i.name.includes(keyword) || i.basicCode.startsWith(keyword.toUpperCase()))
      .sort((a, b) => a.basicCode.localeCompare(b.basicCode) || a.edition - b.edition || a.id.localeCompare(b.id));
    return { items: found.slice(offset, offset + limit), total: found.length };
  }

  /** Puts an item straight into the store (a fixture in any state). */
  seed(item: Item, idempotencyKey = `seed-${item.id}`): Item {
    this.items.set(item.id, structuredClone(item));
    this.keys.set(`${item.tenant}:${idempotencyKey}`, item.id);
    return item;
  }

  /** The unique {tenant, basicCode, edition} index of the items collection. */
  private basicCodeHeldByAnotherSeries(item: Item): boolean {
    return [...this.items.values()].some(
      (i) =>
        i.tenant === item.tenant &&
        i.basicCode === item.basicCode &&
        i.edition === item.edition &&
        i.seriesId !== item.seriesId,
    );
  }

  private get(id: string): Item | null {
    const item = this.items.get(id);
    return item ? structuredClone(item) : null;
  }

  private all(): Item[] {
    return [...this.items.values()].map((i) => structuredClone(i));
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

/** A reviewer of 永昌县's center (of a department: the center review is not department-bound). */
export const reviewer = (overrides: Partial<Principal> = {}) =>
  principal({
    subject: 'sub-2',
    username: 'yc-reviewer',
    roles: ['reviewer'],
    department: '620321-SCJG',
    ...overrides,
  });

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

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** Ids of fixtures, apart from the ids the use cases generate. */
export const fixtureId = (n: number) => `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** 金昌市's center administrator: 永昌县 (620321) is below it, so may read but not write its items. */
export const cityAdmin = (overrides: Partial<Principal> = {}) =>
  principal({
    subject: 'sub-city',
    username: 'jc-city-admin',
    tenant: '620300',
    roles: ['center_admin'],
    ...overrides,
  });

const PUBLISHED_AT = new Date('2026-11-20T02:00:00Z');

/** A complete, valid edition of 食品经营许可 (edition 1 of its own series unless overridden), stored in `items`. */
export function seedItem(items: InMemoryItems, n: number, overrides: ItemFixtureOverrides = {}): Item {
  return items.seed(validItemFixture({ id: fixtureId(n), seriesId: fixtureId(n), ...overrides }));
}

/** A published edition, as the center review left it. */
export function seedPublished(items: InMemoryItems, n: number, overrides: ItemFixtureOverrides = {}): Item {
  return seedItem(items, n, {
    status: 'published',
    version: 3,
    submittedAt: PUBLISHED_AT,
    submittedBy: 'yc-admin',
    publishedAt: PUBLISHED_AT,
    reviews: [{ approved: true, comments: '', reviewer: 'yc-reviewer', at: PUBLISHED_AT }],
    ...overrides,
  });
}

/** A submission waiting for the center review. */
export function seedSubmitted(items: InMemoryItems, n: number, overrides: ItemFixtureOverrides = {}): Item {
  return seedItem(items, n, {
    status: 'submitted',
    version: 2,
    submittedAt: PUBLISHED_AT,
    submittedBy: 'yc-admin',
    ...overrides,
  });
}

/** Every item use case over an in-memory repository, a clock that moves a minute per call, sequential ids. */
export function itemsSetup(options: { hostedTenants?: string[] } = {}) {
  const items = new InMemoryItems();
  const denials: object[] = [];
  let n = 0;
  let minutes = 0;
  const clock = { now: () => new Date(Date.UTC(2026, 10, 26, 0, minutes++)) };
  const uc = createItemUseCases({
    items,
    clock,
    ids: { newId: () => uuid(++n) },
    authorizer: createAuthorizer({ warn: (obj) => void denials.push(obj) }),
    hostedTenants: options.hostedTenants,
  });
  return { items, denials, ...uc };
}

/** The create use case alone, as the foundation's tests use it. */
export function draftSetup(hostedTenants?: string[]) {
  const { items, createDraftItem } = itemsSetup({ hostedTenants });
  return { items, createDraftItem };
}
