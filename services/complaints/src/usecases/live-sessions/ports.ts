import type { LiveSession } from '../../domain/consultations/live-session';

/** The live sessions (collection `live_sessions`). */
export interface LiveSessionRepository {
  /** Inserts a new one; one of the tenant with the same request id already there is answered instead (a retry). */
  insert(s: LiveSession): Promise<LiveSession>;
  find(id: string): Promise<LiveSession | null>;
  findByRequest(tenant: string, requestId: string): Promise<LiveSession | null>;
  /** Saves the new state if the stored version is still `expectedVersion` (else ConcurrencyError). */
  save(s: LiveSession, expectedVersion: number): Promise<void>;
  /** The asker's, newest first: `limit` from `offset`, and the total; each with its first message only. */
  listMine(subject: string, offset: number, limit: number): Promise<{ items: LiveSession[]; total: number }>;
  /** The open (waiting and active) ones of a tenant, of one department unless undefined; first message only. */
  listOpen(tenant: string, department: string | undefined): Promise<LiveSession[]>;
  nextSequence(tenant: string, chinaDay: string): Promise<number>;
}
