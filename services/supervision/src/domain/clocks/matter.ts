import type { LegKind, MatterKind } from './matter-kind';

/** 特别程序; waiting for the applicant (a case); waiting for the lower center's supplement (an escalation's leg). */
export type PauseKind = 'suspension' | 'applicant' | 'sender';

/** A pause [startedDate, endedDate): the day it ends counts again (ADR 0022); no end while it lasts. */
export interface MatterPause {
  kind: PauseKind;
  /** The 特别程序 of a suspension (听证, 检验 …); empty for the applicant. */
  procedure: string;
  reason: string;
  startedDate: string;
  endedDate: string;
}

export interface MatterStep {
  index: number;
  name: string;
  role: string;
  department: string;
  budgetWorkingDays: number;
  startedDate: string;
  /** Empty while the step runs. */
  finishedDate: string;
  handledBy: string;
}

/**
 * A supervised matter (S1/S6): the facts its clocks are computed from. A case's is built only by `applyCaseEvent`
 * and stored as is, so a replay of the topics rebuilds it exactly; a 督办 order's is derived from the order
 * (`orderMatter`); an imported historical case's comes from its import row (`importedCaseMatter`).
 */
export interface Matter {
  matterId: string;
  kind: MatterKind;
  /** A `joint_review_leg`'s kind (ADR 0052); absent for other matters (and for legs stored before it was kept). */
  legKind?: LegKind;
  tenant: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  department: string;
  windowId: string;
  responsible: string;
  responsibleRole: string;
  /**
   * The clerk who accepted the case (受理人: the ACCEPTED or DECIDED_ON_THE_SPOT event's actor), kept after the case
   * moves on; empty for a deemed acceptance, a case not accepted yet, and an imported or 督办 matter (ADR 0051).
   */
  acceptedBy: string;
  /** Masked by the cases service; supervision never receives an ID number. */
  applicantName: string;
  /** The case status name, e.g. "processing". */
  status: string;
  channel: string;
  receivedDate: string;
  acceptedDate: string;
  /** The day of the decision (the statutory §42 clock stops there). */
  decidedDate: string;
  /** 办结 or an ending transition (not accepted, voided, withdrawn): every clock stops. */
  endedDate: string;
  promisedLimitWorkingDays: number;
  statutoryLimitWorkingDays: number;
  /** Working days of the approved extension (decision 2). */
  extensionWorkingDays: number;
  pauses: MatterPause[];
  steps: MatterStep[];
  /** Imported historical matter (S31): kept out of live clocks and signals. */
  imported: boolean;
  lastEventId: string;
  lastEventAt: Date;
  /** The aggregate version of the last event applied: an older or repeated event changes nothing. */
  version: number;
}

/** Statuses after which the matter's clocks stop (办结, or it ended otherwise). */
export const ENDED_STATUSES: readonly string[] = [
  'completed',
  'delivered',
  'archived',
  'not_accepted',
  'voided',
  'withdrawn',
];

export function openPause(matter: Pick<Matter, 'pauses'>, kind?: PauseKind): MatterPause | undefined {
  return matter.pauses.find((p) => !p.endedDate && (kind === undefined || p.kind === kind));
}
