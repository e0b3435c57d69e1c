import type { RecordedEvent } from '../../domain/recorded-event';
import type { EventJournal } from '../ports';

/** Every event of every stream enters the journal, once. */
export function recordEventUseCase(deps: { journal: EventJournal; clock: { now(): Date } }) {
  return async (event: Omit<RecordedEvent, 'recordedAt'>): Promise<void> => {
    await deps.journal.record({ ...event, recordedAt: deps.clock.now() });
  };
}
