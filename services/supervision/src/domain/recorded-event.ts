/** One event as supervision recorded it: the journal every clock, warning and KPI is derived from. */
export interface RecordedEvent {
  eventId: string;
  type: string;
  tenant: string;
  aggregateId: string;
  aggregateVersion: number;
  occurredAt: Date;
  recordedAt: Date;
  topic: string;
  traceparent: string;
}
