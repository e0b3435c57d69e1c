/**
 * What the detectors read of one CaseTransitioned event (govhall.applications.case), mapped from the proto by the
 * Kafka adapter: the envelope's id and time, the transition and the case's facts after it.
 */
export type CaseTransitionKind =
  | 'SUBMITTED'
  | 'REGISTERED_AT_COUNTER'
  | 'ONE_TIME_NOTICE_ISSUED'
  | 'ACCEPTED'
  | 'NOT_ACCEPTED'
  | 'STEP_COMPLETED'
  | 'DECIDED'
  | 'DECIDED_ON_THE_SPOT'
  | 'RESULT_ISSUED'
  | 'OTHER';

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
  channel: 'ONLINE' | 'COUNTER' | 'UNSPECIFIED';
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
  decision?: { outcome: 'APPROVED' | 'DENIED' | 'UNSPECIFIED'; reasons: string[]; decidedBy: string };
}
