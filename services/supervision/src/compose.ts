import type { Clock } from '@govhall/clock';
import type { Connection } from '@govhall/mongo';
import { InProcessLiveFeed } from './adapters/live/in-process-live-feed';
import { MongoEventJournal } from './adapters/mongo/event-journal.repository';
import { MongoDirtyDays } from './adapters/mongo/kpi-day.repository';
import { MongoMatterStore } from './adapters/mongo/matter-store.repository';
import { MongoCalendarStore, MongoDirectory, MongoThresholdStore } from './adapters/mongo/settings.repositories';
import { MongoSignalStore } from './adapters/mongo/signal-store.repository';
import { composeEvaluation } from './evaluation.compose';
import { markingCaseEvents, markingSignalStore, markingViolationStore } from './usecases/evaluation/kpi-marking';
import { createSupervisionUseCases } from './usecases/supervision.use-cases';
import { composeViolations } from './violation.compose';

export interface ComposeOptions {
  connection: Connection;
  /** Supervision's "now" (CLOCK_FILE in tests, else the real time). */
  clock: Clock;
  /** Wakes the outbox relay after a write that queued events (signals, violations, accountability). */
  afterWrite?: () => void;
}

/** Composition root of the server (main.ts): repositories and use cases. */
export function composeSupervision(options: ComposeOptions) {
  const journal = new MongoEventJournal(options.connection);
  // Clocks and signals (issue 12).
  const matters = new MongoMatterStore(options.connection);
  const signals = new MongoSignalStore(options.connection);
  const thresholds = new MongoThresholdStore(options.connection);
  const calendars = new MongoCalendarStore(options.connection);
  const directory = new MongoDirectory(options.connection);
  const live = new InProcessLiveFeed();
  // Days whose KPIs need a recount, marked by the writes below (ADR 0040).
  const dirty = new MongoDirtyDays(options.connection);
  const clockUseCases = createSupervisionUseCases({
    journal,
    matters,
    signals: markingSignalStore(signals, dirty),
    thresholds,
    calendars,
    directory,
    live,
    clock: options.clock,
    signalsWritten: () => options.afterWrite?.(),
  });
  const useCases = { ...clockUseCases, applyCaseEvent: markingCaseEvents(clockUseCases.applyCaseEvent, dirty) };
  // Violations, inspections and accountability.
  const violations = composeViolations({
    connection: options.connection,
    clock: options.clock,
    afterWrite: () => options.afterWrite?.(),
    wrap: (store) => markingViolationStore(store, dirty),
  });
  const evaluation = composeEvaluation({
    connection: options.connection,
    clock: options.clock,
    dirty,
    collections: {
      matters: matters.model.collection,
      signals: signals.model.collection,
      violations: violations.violationCollection,
    },
  });
  return {
    useCases,
    violations,
    evaluation,
    live,
    models: [
      journal.model,
      matters.model,
      signals.model,
      thresholds.model,
      calendars.model,
      directory.staffModel,
      directory.windowModel,
      ...violations.models,
      ...evaluation.models,
    ],
    /** Every collection whose documents carry outbox messages: one relay publishes them all. */
    outboxCollections: [signals.model.collection, ...violations.outboxCollections],
  };
}

export type SupervisionComposition = ReturnType<typeof composeSupervision>;
