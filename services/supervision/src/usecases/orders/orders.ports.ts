import type { OrderChange, OrderState, SupervisionOrder } from '../../domain/orders/supervision-order';

export interface OrderFilter {
  tenant: string;
  includeSubordinates: boolean;
  state?: OrderState;
  responsibleDepartment?: string;
}

/**
 * 督办 orders. Every write stores the order with its event (outbox) and marks it `matterPending` in the same write;
 * syncing its supervised matter (clock and signals) clears the mark (see sync-order-matters).
 */
export interface OrderStore {
  /** Stores a new order; when its id is stored already (a retried request) answers the stored order. */
  insertOrGet(change: OrderChange): Promise<SupervisionOrder>;
  get(id: string): Promise<SupervisionOrder | null>;
  /** Saves the changed order and its event in one versioned write (ConcurrencyError if stale). */
  save(change: OrderChange, expectedVersion: number): Promise<SupervisionOrder>;
  /** Newest first. */
  list(filter: OrderFilter, offset: number, limit: number): Promise<SupervisionOrder[]>;
  /** Orders whose matter still waits for their latest version (a crash between the two writes). */
  pendingMatters(limit: number): Promise<SupervisionOrder[]>;
  markMatterSynced(id: string, version: number): Promise<void>;
}
