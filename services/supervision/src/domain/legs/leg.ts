import type { LegKind } from '../clocks/matter-kind';

/** Why a leg's clock stands still (legs.proto PauseReason). */
export type LegPauseReason = 'case_suspended' | 'special_procedure' | 'waiting_for_sender' | 'unspecified';

export interface LegPause {
  reason: LegPauseReason;
  /** The §45 procedure's name (听证, 检验 …); empty otherwise. */
  procedure: string;
  note: string;
  startedAt: Date;
  /** Undefined while the pause lasts. */
  endedAt: Date | undefined;
}

/**
 * A leg as the joint-review service last published it (ADR 0052: LegStarted, LegPaused, LegResumed, LegFinished
 * each carry the whole leg, on the topic of its aggregate: a joint review, an escalation record or a delegated case),
 * with the version of the aggregate's event that carried it: supervision clocks it as a matter of its own
 * (`legMatter`).
 */
export interface JointReviewLeg {
  /** "<aggregate id>:<kind>:<n>". */
  id: string;
  kind: LegKind;
  tenant: string;
  department: string;
  windowId: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  /** The joint review, escalation record or delegated case the leg belongs to. */
  aggregateId: string;
  taskId: string;
  /** A username, "service:<client id>", or empty while nobody is (the department's heads are told). */
  responsible: string;
  budgetWorkingDays: number;
  /** YYYY-MM-DD (the tenant's calendar) the count starts after. */
  startDate: string;
  /** The joint-review service's own count, for display (supervision counts again). */
  dueDate: string;
  state: 'running' | 'paused' | 'finished';
  /** How a finished leg ended; empty before. A cancelled leg is closed without being judged. */
  end: 'completed' | 'cancelled' | '';
  startedAt: Date | undefined;
  finishedAt: Date | undefined;
  pauses: LegPause[];
}

/** The event that carried a leg: its id, the review's version it was written at, and when it occurred. */
export interface LegEventMeta {
  eventId: string;
  version: number;
  occurredAt: Date;
}
