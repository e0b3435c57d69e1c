import type { Principal } from '@govhall/auth';
import type { Complaint, ComplaintEvent } from '../domain/complaint';

export interface ComplaintRepository {
  /**
   * Inserts the complaint and its events in one document write. Returns false, writing nothing, when the
   * tenant already has a complaint with the same title.
   */
  insert(complaint: Complaint, events: ComplaintEvent[], actor: Principal): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}
