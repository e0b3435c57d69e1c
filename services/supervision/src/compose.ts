import type { Connection } from '@govhall/mongo';
import { MongoEventJournal } from './adapters/mongo/event-journal.repository';
import { createSupervisionUseCases } from './usecases/supervision.use-cases';
import { composeViolations } from './violation.compose';

export interface ComposeOptions {
  connection: Connection;
  /** Nudges the outbox relay after a write that queued events (violations, accountability). */
  afterWrite?: () => void;
}

/** Composition root of the server (main.ts): repositories and use cases. */
export function composeSupervision(options: ComposeOptions) {
  const journal = new MongoEventJournal(options.connection);
  const useCases = createSupervisionUseCases({ journal, clock: { now: () => new Date() } });
  const violations = composeViolations({
    connection: options.connection,
    clock: { now: () => new Date() },
    afterWrite: () => options.afterWrite?.(),
  });
  return { useCases, violations, models: [journal.model, ...violations.models] };
}

export type SupervisionComposition = ReturnType<typeof composeSupervision>;
