import type { Principal } from '@govhall/auth';
import type { RatingInvitation } from '../../domain/ratings/invitation';
import type { Rating, RatingChannel, RatingEvent, RatingLevel } from '../../domain/ratings/rating';
import type { ServedCase } from '../../domain/ratings/served-case';

/** The cases as the ratings know them from the case stream (one writer: the stream's consumer, plus markRated). */
export interface ServedCaseRepository {
  find(caseId: string): Promise<ServedCase | null>;
  /** The case with this case number (办件编号), if the stream brought it. */
  findByNumber(caseNumber: string): Promise<ServedCase | null>;
  /** Creates or replaces the case as the stream left it. */
  put(c: ServedCase): Promise<void>;
  /** Records the case's rating (a person's or the default). */
  markRated(caseId: string, rating: Pick<Rating, 'id' | 'channel'>): Promise<void>;
  /**
   * Of the cases completed in the filter's period (China dates) and scope: how many, and how many of those a person
   * rated (not the default): rating coverage (C2).
   */
  coverage(filter: RatingFilter): Promise<{ completed: number; ratedByPerson: number }>;
  /** Completed, unrated cases whose default day is `today` or earlier, at most `limit`, oldest first. */
  dueForDefault(today: string, limit: number): Promise<ServedCase[]>;
}

export interface RatingRepository {
  /**
   * Inserts the rating with its events in one document write. False, writing nothing, when its case (or visit)
   * already has a rating: one rating per case and per visit.
   */
  insert(rating: Rating, events: RatingEvent[], actor: Principal | undefined): Promise<boolean>;
  findByCase(caseId: string): Promise<Rating | null>;
  find(id: string): Promise<Rating | null>;
  /** The filter's ratings, newest first: `limit` from `offset`, and how many there are. */
  list(filter: RatingFilter, offset: number, limit: number): Promise<{ ratings: Rating[]; total: number }>;
  /** How many of the filter's ratings there are per level and channel (those of upheld appeals left out). */
  tally(filter: RatingFilter): Promise<{ level: RatingLevel; channel: RatingChannel; count: number }[]>;
  /** Bad ratings whose rectification is not opened yet (差评整改: the sweep opens them), at most `limit`, oldest first. */
  pendingRectifications(limit: number): Promise<Rating[]>;
  /** Notes that the bad rating's rectification is open. */
  markRectificationOpened(id: string): Promise<void>;
  /** The supervision office upheld the department's appeal: the rating no longer counts in satisfaction figures. */
  markAppealUpheld(id: string): Promise<void>;
}

/** Which ratings a list or statistic reads: a tenant's period (China dates, inclusive), narrowed. */
export interface RatingFilter {
  tenant: string;
  from: string;
  to: string;
  /** '' for any. */
  department: string;
  windowId: string;
  /** A member of staff the rating appraises (their login). */
  staff: string;
  /** Empty for any. */
  levels: RatingLevel[];
  channels: RatingChannel[];
}

/** Who applied for a case, as the cases service says (read with the service's center account of the tenant). */
export interface CaseApplicants {
  /** The applicant's subject (the person, or the legal person they act for); null when the case is unknown. */
  applicantOf(tenant: string, caseId: string): Promise<{ subject: string } | null>;
}

/** The rating devices' invitations (一次一评, ADR 0063). */
export interface InvitationRepository {
  /** Stores the invitation and closes every other open invitation of its window (set closedAt to its time). */
  insertClosingOthers(invitation: RatingInvitation): Promise<void>;
  find(id: string): Promise<RatingInvitation | null>;
  /** The window's newest invitation that is neither rated, closed nor expired at `now`; null when none. */
  findOpen(tenant: string, windowNumber: string, now: Date): Promise<RatingInvitation | null>;
  /** Records the rating of an invitation not rated before; false when it was rated meanwhile. */
  markRated(id: string, ratingId: string): Promise<boolean>;
}

/** A window of a tenant as identity knows it, with whoever serves it today (read with the center account). */
export interface WindowDirectory {
  windowOf(
    tenant: string,
    windowId: string,
  ): Promise<{
    id: string;
    number: string;
    name: string;
    department: string;
    serving?: { username: string; name: string };
  } | null>;
}

/** Suggestion-box slips' scans, by rating id (@govhall/mongo's chunk store). */
export interface RatingScans {
  put(ratingId: string, content: Buffer): Promise<void>;
  get(ratingId: string): Promise<Buffer | null>;
}
