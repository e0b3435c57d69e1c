import type { Principal } from '@govhall/auth';
import type { Item, ItemEvent, ItemStatus } from '../domain/item';

export interface ItemRepository {
  /**
   * Inserts the item and its events in one document write. Returns the existing item instead when the
   * (tenant, idempotencyKey) pair was used before. Throws ConflictError BASIC_CODE_TAKEN when another series of
   * the tenant has the basic code (one item per basic code per tenant, decided atomically by the store even when two
   * requests race), EDITION_IN_PROGRESS when the series already has this edition (two new editions raced).
   */
  insert(
    item: Item,
    events: ItemEvent[],
    idempotencyKey: string,
    actor: Principal,
  ): Promise<{ item: Item; created: boolean }>;
  findById(id: string): Promise<Item | null>;
  findByIdempotencyKey(tenant: string, idempotencyKey: string): Promise<Item | null>;
  /**
   * Replaces the item if it still has `expectedVersion` and queues the events (ConcurrencyError otherwise);
   * ConflictError BASIC_CODE_TAKEN when a draft's new basic code belongs to another series of the tenant.
   */
  update(next: Item, expectedVersion: number, events: ItemEvent[], actor: Principal): Promise<void>;
  /** Deletes a draft if it still has `expectedVersion` and is a draft (ConcurrencyError otherwise). */
  remove(item: Item, expectedVersion: number): Promise<void>;
  /** Editions of a series in the given statuses, oldest edition first. */
  findInSeries(seriesId: string, statuses: readonly ItemStatus[]): Promise<Item[]>;
  /**
   * A tenant's items (optionally of one status; with a keyword, those whose name contains it or whose basic code
   * starts with it) by basic code and edition.
   */
  list(
    tenant: string,
    status: ItemStatus | undefined,
    offset: number,
    limit: number,
    keyword?: string,
  ): Promise<{ items: Item[]; total: number }>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}
