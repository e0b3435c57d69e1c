import { ValidationError, type Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';

/** 1 非常不满意 … 5 非常满意; 1 and 2 are bad ratings (差评). */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export type RatingChannel = 'online' | 'device' | 'default' | 'phone_followup' | 'suggestion_box';
export type RatingSubject = 'case' | 'visit';

export const LEVEL_NAMES: Readonly<Record<RatingLevel, string>> = {
  1: '非常不满意',
  2: '不满意',
  3: '基本满意',
  4: '满意',
  5: '非常满意',
};

/** The level a case gets when nobody rated it in time (domain.md: 基本满意). */
export const DEFAULT_LEVEL: RatingLevel = 3;

/** Staff a rating appraises (C5): the window clerk and the back-office handlers of the case's steps. */
export interface RatedStaff {
  username: string;
  department: string;
  /** What they did: 受理 (window), 审查, 决定 … (the step's name). */
  part: string;
}

/** What is rated, as the service knows it when the rating comes in. */
export interface RatedService {
  tenant: string;
  subject: RatingSubject;
  caseId: string;
  caseNumber: string;
  /** A visit's id (the invitation); empty for a case rated online, by default or by staff. */
  visitId: string;
  itemName: string;
  department: string;
  windowId: string;
  staff: RatedStaff[];
}

export interface Rating extends RatedService {
  id: string;
  level: RatingLevel;
  reason: string;
  channel: RatingChannel;
  /** Whether the rater is known by name (the applicant online or on the device for their case). */
  realName: boolean;
  /** Masked (张*), when known. */
  raterName: string;
  /** Staff who entered a phone or suggestion-box rating. */
  recordedBy: string;
  ratedAt: Date;
  /** The rectification a bad rating opens: the rating's own id (差评整改); '' for a good rating. */
  rectificationId: string;
  /** The supervision office upheld the department's appeal against this bad rating: it does not count in figures. */
  appealUpheld?: boolean;
  /** A suggestion-box slip's scan, kept beside the rating (RatingScans). */
  scan?: { contentType: string; size: number };
}

export type RatingEvent = { type: 'RatingRecorded'; rating: Rating };

export const isBad = (level: RatingLevel): boolean => level <= 2;

/** What a rater says: the level, and the reason (required for a bad rating). */
export interface RatingInput {
  level: number;
  reason: string;
}

/** Checks a rater's level and reason; answers them normalised, or throws VALIDATION_FAILED naming each field. */
export function checkRatingInput(input: RatingInput): { level: RatingLevel; reason: string } {
  const v: Violation[] = [];
  const level = input.level;
  if (!Number.isInteger(level) || level < 1 || level > 5) {
    v.push({ path: 'level', reason: 'INVALID', message: '请选择1至5级评价（非常不满意至非常满意）' });
  }
  const bad = Number.isInteger(level) && level >= 1 && level <= 2;
  const reason = input.reason ?? '';
  if (bad && reason.trim().length < 2) {
    v.push({ path: 'reason', reason: 'REQUIRED', message: '“不满意”或“非常不满意”的评价请说明理由（至少2个字）' });
  } else if (reason.trim()) {
    v.push(...(textViolations('reason', reason, { label: '评价理由', max: 500, multiline: true }) as Violation[]));
  }
  if (v.length > 0) throw new ValidationError(v);
  return { level: level as RatingLevel, reason: reason.trim() ? normalizeText(reason, true) : '' };
}

/** A rating of `service` by a person (online, on the device, or entered by staff). */
export function rate(
  service: RatedService,
  input: RatingInput,
  by: { channel: Exclude<RatingChannel, 'default'>; realName: boolean; raterName: string; recordedBy: string },
  id: string,
  now: Date,
): { rating: Rating; events: RatingEvent[] } {
  const { level, reason } = checkRatingInput(input);
  const rating: Rating = {
    ...service,
    id,
    level,
    reason,
    channel: by.channel,
    realName: by.realName,
    raterName: by.raterName,
    recordedBy: by.recordedBy,
    ratedAt: now,
    rectificationId: isBad(level) ? id : '',
  };
  return { rating, events: [{ type: 'RatingRecorded', rating }] };
}

/** 基本满意 for a completed case nobody rated within the configured days. */
export function defaultRating(service: RatedService, id: string, now: Date): { rating: Rating; events: RatingEvent[] } {
  const rating: Rating = {
    ...service,
    id,
    level: DEFAULT_LEVEL,
    reason: '',
    channel: 'default',
    realName: false,
    raterName: '',
    recordedBy: '',
    ratedAt: now,
    rectificationId: '',
  };
  return { rating, events: [{ type: 'RatingRecorded', rating }] };
}

/**
 * The day a completed case gets its default rating: `days` natural days after the day it was completed (China
 * dates, YYYY-MM-DD).
 */
export function defaultRatingDay(completedOn: string, days: number): string {
  const day = new Date(`${completedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
