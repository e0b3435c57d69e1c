import { listRecordedEventsUseCase } from './list-recorded-events/list-recorded-events.usecase';
import type { EventJournal } from './ports';
import { recordEventUseCase } from './record-event/record-event.usecase';

export interface SupervisionDeps {
  journal: EventJournal;
  clock: { now(): Date };
}

/** Every supervision use case, built once from its ports (the composition root passes the adapters). */
export function createSupervisionUseCases(deps: SupervisionDeps) {
  return {
    recordEvent: recordEventUseCase(deps),
    listRecordedEvents: listRecordedEventsUseCase(deps),
  };
}

export type SupervisionUseCases = ReturnType<typeof createSupervisionUseCases>;
