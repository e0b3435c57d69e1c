import { applyCaseEventsUseCase } from './apply-case-event/apply-case-event.usecase';
import { applyExternalCaseEventUseCase } from './apply-external-case-event/apply-external-case-event.usecase';
import { applyLegEventUseCase } from './apply-leg-event/apply-leg-event.usecase';
import { changeCalendarUseCase } from './change-calendar/change-calendar.usecase';
import type { ClockDeps } from './clocks.shared';
import { dryRunSignalThresholdsUseCase } from './dry-run-signal-thresholds/dry-run-signal-thresholds.usecase';
import { getHallTodayUseCase } from './get-hall-today/get-hall-today.usecase';
import { getMatterClockUseCase } from './get-matter-clock/get-matter-clock.usecase';
import { getSignalThresholdsUseCase } from './get-signal-thresholds/get-signal-thresholds.usecase';
import { listClocksUseCase } from './list-clocks/list-clocks.usecase';
import { listRecordedEventsUseCase } from './list-recorded-events/list-recorded-events.usecase';
import { listSignalsUseCase } from './list-signals/list-signals.usecase';
import type { EventJournal } from './ports';
import { recordEventsUseCase, recordEventUseCase } from './record-event/record-event.usecase';
import { refreshClocksUseCase } from './refresh-clocks/refresh-clocks.usecase';
import { setSignalThresholdsUseCase } from './set-signal-thresholds/set-signal-thresholds.usecase';
import { updateDirectoryUseCase } from './update-directory/update-directory.usecase';
import { watchLiveUseCase } from './watch-live/watch-live.usecase';

export interface SupervisionDeps extends ClockDeps {
  journal: EventJournal;
}

/** Every supervision use case, built once from its ports (the composition root passes the adapters). */
export function createSupervisionUseCases(deps: SupervisionDeps) {
  return {
    recordEvent: recordEventUseCase(deps),
    recordEvents: recordEventsUseCase(deps),
    listRecordedEvents: listRecordedEventsUseCase(deps),
    // Clocks and signals (issue 12).
    applyCaseEvents: applyCaseEventsUseCase(deps),
    // The joint-review service's legs, and cases run in department systems (ADR 0052).
    applyLegEvent: applyLegEventUseCase(deps),
    applyExternalCaseEvent: applyExternalCaseEventUseCase(deps),
    refreshClocks: refreshClocksUseCase(deps),
    changeCalendar: changeCalendarUseCase(deps),
    updateDirectory: updateDirectoryUseCase(deps),
    getMatterClock: getMatterClockUseCase(deps),
    listClocks: listClocksUseCase(deps),
    listSignals: listSignalsUseCase(deps),
    getSignalThresholds: getSignalThresholdsUseCase(deps),
    setSignalThresholds: setSignalThresholdsUseCase(deps),
    dryRunSignalThresholds: dryRunSignalThresholdsUseCase(deps),
    watchLive: watchLiveUseCase(deps),
    getHallToday: getHallTodayUseCase(deps),
  };
}

export type SupervisionUseCases = ReturnType<typeof createSupervisionUseCases>;
