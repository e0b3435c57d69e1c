import type { RecordedEvent } from '../../domain/recorded-event';
import type { EventJournal } from '../ports';

/** Every event of every stream enters the journal, once. */
export function recordEventUseCase(deps: { journal: EventJournal; clock: { now(): Date } }) {
  return async (event: Omit<RecordedEvent, 'recordedAt'>): Promise<void> => {
    await deps.journal.record({ ...event, recordedAt: deps.clock.now() });
  };
}

/** `recordEvent` for a run of events (a burst, a replay): one write. */
export function recordEventsUseCase(deps: { journal: EventJournal; clock: { now(): Date } }) {
  return async (events: readonly Omit<RecordedEvent, 'recordedAt'>[]): Promise<void> => {
    const recordedAt = deps.clock.now();
    await deps.journal.recordAll(events.map((e) => ({ ...e, recordedAt })));
  };
}
