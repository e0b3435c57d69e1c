import type { Connection } from '@govhall/mongo';
import { MongoEventJournal } from './adapters/mongo/event-journal.repository';
import { createSupervisionUseCases } from './usecases/supervision.use-cases';

export interface ComposeOptions {
  connection: Connection;
}

/** Composition root of the server (main.ts): repositories and use cases. */
export function composeSupervision(options: ComposeOptions) {
  const journal = new MongoEventJournal(options.connection);
  const useCases = createSupervisionUseCases({ journal, clock: { now: () => new Date() } });
  return { useCases, models: [journal.model] };
}

export type SupervisionComposition = ReturnType<typeof composeSupervision>;
