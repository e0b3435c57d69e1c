import { defaultRatingDay, type RatedService, type RatedStaff, type RatingChannel } from './rating';

/**
 * A case as the ratings know it, kept from the case stream (govhall.applications.case): who served it (C5), and once
 * it is completed (办结) the day it gets its default rating unless someone rates it first.
 */
export interface ServedCase extends Omit<RatedService, 'subject' | 'visitId'> {
  /** Masked, as the stream carries it (张*). */
  applicantName: string;
  /** When it was completed (办结: the result issued, a denial decided, or decided on the spot); unset before. */
  completedAt?: Date;
  /** YYYY-MM-DD (China) on which the default rating is given. */
  defaultOn?: string;
  /** Its rating, once rated (by a person or by default), and how it came in. */
  ratingId: string;
  ratedChannel?: RatingChannel;
  /** The stream events applied, newest last (a redelivery changes nothing). */
  appliedEventIds: string[];
}

/** What a transition of the case stream says, as the ratings read it. */
export interface CaseTransitionFacts {
  eventId: string;
  occurredAt: Date;
  /** China date of occurredAt. */
  occurredOn: string;
  transition: string;
  /** The case's status after the transition (snake case, as applications spells it). */
  status: string;
  caseId: string;
  caseNumber: string;
  tenant: string;
  itemName: string;
  department: string;
  windowId: string;
  applicantName: string;
  /** Username of the person who made the transition ('' for a service or the system). */
  actor: string;
  /** STEP_COMPLETED: the step that finished. */
  step?: { name: string; department: string; handledBy: string };
  /** DECIDED / DECIDED_ON_THE_SPOT: who decided. */
  decidedBy?: string;
}

const COMPLETED = new Set(['completed', 'delivered', 'archived']);
/** Remembered event ids: enough for any redelivery of one case's recent events. */
const KEEP_EVENT_IDS = 50;

/** Who did what, once per person and part. */
function withStaff(staff: readonly RatedStaff[], who: RatedStaff): RatedStaff[] {
  if (!who.username) return [...staff];
  const known = staff.some((s) => s.username === who.username && s.part === who.part);
  return known ? [...staff] : [...staff, who];
}

/** The staff a transition names: the clerk who accepted, each step's handler, who decided, who issued the result. */
function staffOf(f: CaseTransitionFacts): RatedStaff | undefined {
  switch (f.transition) {
    case 'accepted':
    case 'registered_at_counter':
      return f.actor ? { username: f.actor, department: f.department, part: '受理' } : undefined;
    case 'step_completed':
      return f.step?.handledBy
        ? { username: f.step.handledBy, department: f.step.department || f.department, part: f.step.name }
        : undefined;
    case 'decided':
    case 'decided_on_the_spot': {
      const by = f.decidedBy || f.actor;
      return by ? { username: by, department: f.department, part: '决定' } : undefined;
    }
    case 'result_issued':
      return f.actor ? { username: f.actor, department: f.department, part: '出具结果' } : undefined;
    default:
      return undefined;
  }
}

/**
 * The case after one of its transitions. The first time it is completed, its default rating is due `defaultDays`
 * natural days later. An event applied before changes nothing (null).
 */
export function applyTransition(
  current: ServedCase | undefined,
  f: CaseTransitionFacts,
  defaultDays: number,
): ServedCase | null {
  if (current?.appliedEventIds.includes(f.eventId)) return null;
  const base: ServedCase = current ?? {
    tenant: f.tenant,
    caseId: f.caseId,
    caseNumber: f.caseNumber,
    itemName: f.itemName,
    department: f.department,
    windowId: f.windowId,
    staff: [],
    applicantName: f.applicantName,
    ratingId: '',
    appliedEventIds: [],
  };
  const who = staffOf(f);
  const completesNow = COMPLETED.has(f.status) && !base.completedAt;
  return {
    ...base,
    caseNumber: f.caseNumber || base.caseNumber,
    itemName: f.itemName || base.itemName,
    department: f.department || base.department,
    windowId: f.windowId || base.windowId,
    applicantName: f.applicantName || base.applicantName,
    staff: who ? withStaff(base.staff, who) : base.staff,
    ...(completesNow ? { completedAt: f.occurredAt, defaultOn: defaultRatingDay(f.occurredOn, defaultDays) } : {}),
    appliedEventIds: [...base.appliedEventIds, f.eventId].slice(-KEEP_EVENT_IDS),
  };
}

/** The case as rated (a case, not a visit). */
export function ratedCase(c: ServedCase): RatedService {
  return {
    tenant: c.tenant,
    subject: 'case',
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    visitId: '',
    itemName: c.itemName,
    department: c.department,
    windowId: c.windowId,
    staff: c.staff,
  };
}

/** Completed, unrated, and its default day has come (`today`, China date). */
export function dueForDefault(c: ServedCase, today: string): boolean {
  return !!c.completedAt && !c.ratingId && !!c.defaultOn && c.defaultOn <= today;
}
