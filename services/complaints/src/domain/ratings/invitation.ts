import type { RatedService, RatedStaff } from './rating';

/**
 * 一次一评 (ADR 0063): the clerk at a window invites the person just served to rate the visit on the window's rating
 * device. The invitation's id is the visit's id; it is open until it is rated, it expires, or a newer invitation at
 * the same window closes it.
 */
export interface RatingInvitation {
  id: string;
  tenant: string;
  windowId: string;
  /** As the hall shows it ("A01"); the device's token names its window by this number. */
  windowNumber: string;
  windowName: string;
  /** The window's department. */
  department: string;
  /** The case served, when there is one ('' for an enquiry, a pickup …). */
  caseId: string;
  caseNumber: string;
  itemName: string;
  /** The case's applicant, masked (张*), when the visit is about a case. */
  applicantName: string;
  /** Who served: the clerk who invited (login), and the name the hall shows, when known. */
  clerk: string;
  clerkName: string;
  invitedAt: Date;
  expiresAt: Date;
  /** Set when a newer invitation at the window closed this one. */
  closedAt?: Date;
  /** Set once rated. */
  ratingId: string;
}

export type InvitationState = 'open' | 'rated' | 'expired' | 'closed';

export function invitationState(inv: RatingInvitation, now: Date): InvitationState {
  if (inv.ratingId) return 'rated';
  if (inv.closedAt) return 'closed';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** What the clerk's invitation is about: the window, and the case served if any. */
export interface InvitationSubject {
  tenant: string;
  window: { id: string; number: string; name: string; department: string };
  case?: { caseId: string; caseNumber: string; itemName: string; applicantName: string };
  clerk: { username: string; name: string };
}

export function invite(subject: InvitationSubject, id: string, now: Date, ttlMs: number): RatingInvitation {
  return {
    id,
    tenant: subject.tenant,
    windowId: subject.window.id,
    windowNumber: subject.window.number,
    windowName: subject.window.name,
    department: subject.window.department,
    caseId: subject.case?.caseId ?? '',
    caseNumber: subject.case?.caseNumber ?? '',
    itemName: subject.case?.itemName ?? '',
    applicantName: subject.case?.applicantName ?? '',
    clerk: subject.clerk.username,
    clerkName: subject.clerk.name,
    invitedAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
    ratingId: '',
  };
}

/**
 * The visit as a rating names it: the visit (its id), the case it was about, the window and the clerk who served
 * (受理). The rater is the person at the counter: known by name when the visit is about their case.
 */
export function ratedVisit(inv: RatingInvitation): RatedService {
  const clerk: RatedStaff = { username: inv.clerk, department: inv.department, part: '窗口服务' };
  return {
    tenant: inv.tenant,
    subject: 'visit',
    caseId: inv.caseId,
    caseNumber: inv.caseNumber,
    visitId: inv.id,
    itemName: inv.itemName,
    department: inv.department,
    windowId: inv.windowId,
    staff: inv.clerk ? [clerk] : [],
  };
}
