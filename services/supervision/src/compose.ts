import type { Clock } from '@govhall/clock';
import type { Connection } from '@govhall/mongo';
import { InProcessLiveFeed } from './adapters/live/in-process-live-feed';
import { MongoEventJournal } from './adapters/mongo/event-journal.repository';
import { MongoMatterStore } from './adapters/mongo/matter-store.repository';
import { MongoCalendarStore, MongoDirectory, MongoThresholdStore } from './adapters/mongo/settings.repositories';
import { MongoSignalStore } from './adapters/mongo/signal-store.repository';
import { createSupervisionUseCases } from './usecases/supervision.use-cases';
import { composeScoring } from './scoring.compose';
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
  const useCases = createSupervisionUseCases({
    journal,
    matters,
    signals,
    thresholds,
    calendars,
    directory,
    live,
    clock: options.clock,
    signalsWritten: () => options.afterWrite?.(),
  });
  // Violations, inspections and accountability.
  const violations = composeViolations({
    connection: options.connection,
    clock: options.clock,
    afterWrite: () => options.afterWrite?.(),
  });
  // The scoring standard, scores and annual grades (S25, S27).
  const scoring = composeScoring({ connection: options.connection, clock: options.clock });
  return {
    useCases,
    violations,
    scoring,
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
      ...scoring.models,
    ],
    /** Every collection whose documents carry outbox messages: one relay publishes them all. */
    outboxCollections: [signals.model.collection, ...violations.outboxCollections],
  };
}

export type SupervisionComposition = ReturnType<typeof composeSupervision>;
