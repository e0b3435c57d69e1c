import type { Item, ItemEvent } from '../domain/item';
import type { Principal } from '@govhall/auth';

export interface ItemRepository {
  /**
   * Inserts the item and its events in one document write. Returns the existing item instead when the
   * (tenant, idempotencyKey) pair was used before.
   */
  insert(
    item: Item,
    events: ItemEvent[],
    idempotencyKey: string,
    actor: Principal,
  ): Promise<{ item: Item; created: boolean }>;
  findById(id: string): Promise<Item | null>;
  findByIdempotencyKey(tenant: string, idempotencyKey: string): Promise<Item | null>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}
