import type { Violation, ViolationKind, ViolationState } from '../../domain/violations/violation';

/** Which violations a list asks for; `tenant` alone, or with `includeSubordinates` the tenants below it too. */
export interface ViolationFilter {
  tenant: string;
  includeSubordinates: boolean;
  kind?: ViolationKind;
  state?: ViolationState;
  matterId?: string;
  department?: string;
  windowId?: string;
  person?: string;
  fromDate?: string;
  toDate?: string;
}

export interface ViolationStore {
  /**
   * Stores each violation whose id is not stored yet and announces it (ViolationRecorded, in the same write);
   * an id already stored changes nothing (a replayed event). Returns the ones stored now.
   */
  recordNew(violations: Violation[]): Promise<Violation[]>;
  get(id: string): Promise<Violation | null>;
  /** Newest occurrence first, then by id. */
  list(filter: ViolationFilter, offset: number, limit: number): Promise<Violation[]>;
  /** Saves the next state if the stored one still has `expectedVersion` (else ConcurrencyError); version + 1. */
  save(next: Violation, expectedVersion: number): Promise<Violation>;
}

export interface Clock {
  now(): Date;
}
