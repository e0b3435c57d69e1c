/**
 * One CaseTransitioned event as the domain reads it (the Kafka adapter maps the proto onto it). Dates are China
 * calendar days (YYYY-MM-DD); enum values are lower-case names ("accepted", "processing").
 */
export interface CaseEventStep {
  index: number;
  name: string;
  role: string;
  department: string;
  budgetWorkingDays: number;
  startedDate: string;
  finishedDate: string;
  handledBy: string;
}

export interface CaseEvent {
  eventId: string;
  occurredAt: Date;
  version: number;
  transition: string;
  /** The staff member who acted (the envelope's actor when a person did); empty for a service's own act. */
  actor: string;
  facts: {
    caseId: string;
    caseNumber: string;
    tenant: string;
    status: string;
    channel: string;
    itemName: string;
    itemBasicCode: string;
    department: string;
    windowId: string;
    responsible: string;
    responsibleRole: string;
    applicantName: string;
    /** The day of receipt (收件日, after the hall's closing time the next day): a fact, not a computed date. */
    receivedDate: string;
    deemedAccepted: boolean;
    promisedLimitWorkingDays: number;
    statutoryLimitWorkingDays: number;
    activeStep?: CaseEventStep;
  };
  suspension?: { procedure: string; reason: string; startedDate: string; endedDate: string };
  extension?: { workingDays: number; state: string };
  /** The step a STEP_COMPLETED finished. */
  step?: CaseEventStep;
}
