import type { RecordedEvent } from '../domain/recorded-event';

export interface EventJournal {
  /** Records the event once; recording the same event id again changes nothing. */
  record(event: RecordedEvent): Promise<void>;
  /** `record` for many events in one write. */
  recordAll(events: readonly RecordedEvent[]): Promise<void>;
  listByAggregate(aggregateId: string): Promise<RecordedEvent[]>;
}
