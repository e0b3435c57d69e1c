import type { Principal } from '@govhall/auth';
import type { RatingInvitation } from '../../domain/ratings/invitation';
import type { Rating, RatingEvent } from '../../domain/ratings/rating';
import type { ServedCase } from '../../domain/ratings/served-case';

/** The cases as the ratings know them from the case stream (one writer: the stream's consumer, plus markRated). */
export interface ServedCaseRepository {
  find(caseId: string): Promise<ServedCase | null>;
  /** Creates or replaces the case as the stream left it. */
  put(c: ServedCase): Promise<void>;
  /** Records the case's rating (a person's or the default). */
  markRated(caseId: string, ratingId: string): Promise<void>;
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
