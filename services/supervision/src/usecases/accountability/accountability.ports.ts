import type { Accountability, AccountabilityState } from '../../domain/accountability/accountability';

export interface AccountabilityFilter {
  tenant: string;
  includeSubordinates: boolean;
  state?: AccountabilityState;
  targetId?: string;
  year?: number;
}

/**
 * Accountability records. Each write that changes which state its violations should have marks the record
 * `violationsPending` in the same write; syncing the violations clears it (see sync-accountability-violations).
 */
export interface AccountabilityStore {
  /** Stores a new proposal; when its id is stored already (a retried request) answers the stored record. */
  insertOrGet(a: Accountability): Promise<Accountability>;
  get(id: string): Promise<Accountability | null>;
  /** Proposals still waiting for their decision that name one of these violations (competing proposals). */
  proposedFor(violationIds: string[]): Promise<Accountability[]>;
  list(filter: AccountabilityFilter, offset: number, limit: number): Promise<Accountability[]>;
  /** Saves a decision and its AccountabilityDecided event in one versioned write (ConcurrencyError if stale). */
  saveDecision(next: Accountability, expectedVersion: number): Promise<Accountability>;
  /** Records whose violations still wait for their new state (a crash between the two writes). */
  pendingViolationSync(limit: number): Promise<Accountability[]>;
  markViolationsSynced(id: string): Promise<void>;
}
