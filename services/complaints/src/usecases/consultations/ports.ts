import type { Principal } from '@govhall/auth';
import type {
  Consultation,
  ConsultationEvent,
  ConsultationKind,
  ConsultationStatus,
  ConsultationVisibility,
} from '../../domain/consultations/consultation';

/** The consultations (collection `consultations`), each written with its events (outbox). */
export interface ConsultationRepository {
  /** Inserts a new one; one of the tenant with the same request id already there is answered instead (a retry). */
  insert(c: Consultation, events: ConsultationEvent[], actor: Principal | undefined): Promise<Consultation>;
  find(id: string): Promise<Consultation | null>;
  findByRequest(tenant: string, requestId: string): Promise<Consultation | null>;
  /** Saves the new state if the stored version is still `expectedVersion` (else ConcurrencyError). */
  save(
    c: Consultation,
    expectedVersion: number,
    events: ConsultationEvent[],
    actor: Principal | undefined,
  ): Promise<void>;
  /** Open ones first, each part newest first: `limit` from `offset`, and the total. */
  list(filter: ConsultationFilter, offset: number, limit: number): Promise<{ items: Consultation[]; total: number }>;
  nextSequence(tenant: string, chinaDay: string): Promise<number>;
}

/** Which consultations a list reads; every field narrows ('' or empty: any). */
export interface ConsultationFilter {
  tenant: string;
  kind: ConsultationKind | '';
  /** The answering department ('' for the mailbox's letters when `kind` is mailbox). */
  department: string | undefined;
  itemCode: string;
  visibility: ConsultationVisibility | '';
  status: ConsultationStatus | '';
  askerSubject: string;
  /** Curated into the item's FAQ only. */
  curatedOnly: boolean;
}

/** A published service item of the tenant (the catalogue): its name and the department that answers for it. */
export interface PublishedItems {
  find(tenant: string, itemId: string): Promise<{ id: string; code: string; name: string; department: string } | null>;
}

/** A member of staff's name as the asker reads it ('' when unknown). */
export interface StaffNames {
  nameOf(tenant: string, username: string): Promise<string>;
}
