/**
 * What the detectors read of one CaseTransitioned event (govhall.applications.case), mapped from the proto by the
 * Kafka adapter: the envelope's id and time, the transition and the case's facts after it.
 */
export type CaseTransitionKind =
  | 'submitted'
  | 'registered_at_counter'
  | 'one_time_notice_issued'
  | 'accepted'
  | 'not_accepted'
  | 'step_completed'
  | 'decided'
  | 'decided_on_the_spot'
  | 'result_issued'
  | 'other';

export interface CaseStepFacts {
  index: number;
  name: string;
  budgetWorkingDays: number;
  /** YYYY-MM-DD, empty when the step has no budget. */
  dueDate: string;
  finishedAt?: Date;
  handledBy: string;
}

export interface LicenceCitationFacts {
  licenceNumber: string;
  licenceType: string;
  checkedAt?: Date;
}

export interface CaseEventFacts {
  eventId: string;
  occurredAt: Date;
  transition: CaseTransitionKind;
  reason: string;
  caseId: string;
  caseNumber: string;
  tenant: string;
  channel: 'online' | 'counter' | 'unspecified';
  itemName: string;
  department: string;
  windowId: string;
  responsible: string;
  /** The staff member who acted (envelope actor), when a person did. */
  actor: string;
  receivedDate: string;
  acceptedDate: string;
  promisedDueDate: string;
  noticeDueDate: string;
  decidedOnTheSpot: boolean;
  licences: LicenceCitationFacts[];
  /** For STEP_COMPLETED: the finished step. */
  step?: CaseStepFacts;
  /** For DECIDED / DECIDED_ON_THE_SPOT. */
  decision?: { outcome: 'approved' | 'denied' | 'unspecified'; reasons: string[]; decidedBy: string };
}
