import type { Principal } from '@govhall/auth';
import type { Meeting, MeetingEvent, MeetingState } from '../../domain/meetings/meeting';
import type { AttachmentStore } from '../attachments/attachment.ports';
import type { Calendars, Clock, Duty, IdGenerator, JointReviewRepository, Page, PageQuery } from '../ports';

export interface MeetingRepository {
  /**
   * Inserts the meeting and its events in one document write. One meeting per (tenant, request id): when the key
   * was used already, nothing is written and the stored meeting is returned with `created` false.
   */
  insert(meeting: Meeting, events: MeetingEvent[], actor: Principal): Promise<{ meeting: Meeting; created: boolean }>;
  findById(id: string): Promise<Meeting | null>;
  /** The meeting convened with this idempotency key in the tenant. */
  findByRequest(tenant: string, requestId: string): Promise<Meeting | null>;
  /** Stores `next` if the meeting still has `expectedVersion`, with its events (ConcurrencyError otherwise). */
  save(next: Meeting, expectedVersion: number, events: MeetingEvent[], actor: Principal): Promise<Meeting>;
  /** A tenant's meetings, newest convened first. */
  list(filter: MeetingFilter, page: PageQuery): Promise<Page<Meeting>>;
}

export interface MeetingFilter {
  tenant: string;
  /** Only meetings this department is invited to (absent: any). */
  department?: string;
  state?: MeetingState;
  projectId?: string;
  reviewId?: string;
}

/** What the meeting use cases are given (main.ts wires the adapters; unit tests the fakes). */
export interface MeetingDeps {
  meetings: MeetingRepository;
  reviews: JointReviewRepository;
  duty: Duty;
  calendars: Calendars;
  clock: Clock;
  ids: IdGenerator;
  /** Uploaded files the minutes name. */
  attachments: AttachmentStore;
}
