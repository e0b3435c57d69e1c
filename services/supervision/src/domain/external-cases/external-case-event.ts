/** What happened to a case run in a department system (exchange.proto ExternalEventKind, lower case). */
export type ExternalEventKind =
  | 'received'
  | 'one_time_notice'
  | 'supplemented'
  | 'accepted'
  | 'not_accepted'
  | 'step_started'
  | 'step_finished'
  | 'suspended'
  | 'resumed'
  | 'extended'
  | 'decided'
  | 'result_issued'
  | 'delivered'
  | 'withdrawn'
  | 'fee_assessed';

/**
 * One event of a case run entirely in a department system (J16, ADR 0052), as ExternalCaseEventReported carried it
 * on govhall.joint-review.external-case: the joint-review service checked it (format, what its kind carries, its
 * order against the case) and masked the applicant's name. Supervision clocks the case as a matter of its own,
 * `caseId` = "<tenant>:<department>:<case number>".
 */
export interface ExternalCaseEvent {
  caseId: string;
  /** The envelope's id: the matter's last event. */
  eventId: string;
  kind: ExternalEventKind;
  tenant: string;
  department: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  occurredAt: Date;
  applicantName: string;
  channel: 'online' | 'counter' | '';
  /** RECEIVED or ACCEPTED; 0 = not stated. */
  promisedLimitWorkingDays: number;
  statutoryLimitWorkingDays: number;
  /** STEP_STARTED, STEP_FINISHED. */
  step: { index: number; name: string; budgetWorkingDays: number } | undefined;
  /** SUSPENDED. */
  procedure: string;
  /** EXTENDED: working days added. */
  extensionWorkingDays: number;
  /** DECIDED. */
  outcome: 'approved' | 'denied' | '';
  /** The department system's handler (a name and staff number there, not a GovHall username). */
  handler: string;
}
