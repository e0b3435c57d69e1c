import type { Clock } from '@govhall/clock';
import type { Connection } from '@govhall/mongo';
import { NotificationLedger } from '@govhall/notify';
import { InProcessLiveFeed } from './adapters/live/in-process-live-feed';
import { MongoEventJournal } from './adapters/mongo/event-journal.repository';
import { MongoDirtyDays } from './adapters/mongo/kpi-day.repository';
import { MongoMatterStore } from './adapters/mongo/matter-store.repository';
import { MongoCalendarStore, MongoDirectory, MongoThresholdStore } from './adapters/mongo/settings.repositories';
import { MongoOrderStore } from './adapters/mongo/order.repository';
import { MongoSignalStore } from './adapters/mongo/signal-store.repository';
import { MongoStaffMessageStore } from './adapters/mongo/staff-message.repository';
import { createMessageUseCases } from './usecases/messages/message.use-cases';
import type { OfficeMailbox } from './usecases/messages/messages.ports';
import type { ClockDeps } from './usecases/clocks.shared';
import { importHistoricalCasesUseCase } from './usecases/import-historical-cases/import-historical-cases.usecase';
import { createOrderUseCases } from './usecases/orders/order.use-cases';
import { composeEvaluation } from './evaluation.compose';
import { single } from './usecases/apply-case-event/apply-case-event.usecase';
import { markingCaseEvents, markingSignalStore, markingViolationStore } from './usecases/evaluation/kpi-marking';
import { createSupervisionUseCases } from './usecases/supervision.use-cases';
import { composeScoring } from './scoring.compose';
import { composeViolations } from './violation.compose';

export interface ComposeOptions {
  connection: Connection;
  /** Supervision's "now" (CLOCK_FILE in tests, else the real time). */
  clock: Clock;
  /** Wakes the outbox relay after a write that queued events (signals, violations, accountability). */
  afterWrite?: () => void;
  /** The supervision office's mailbox told of signals by e-mail (none: site messages only). */
  office?: OfficeMailbox;
  /** Wakes the e-mail dispatcher after an e-mail was queued. */
  emailQueued?: () => void;
  /** INSPECTION_PHOTO_RETENTION_DAYS. */
  photoRetentionDays?: number;
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
  const clockDeps: ClockDeps = {
    matters,
    signals: markingSignalStore(signals, dirty),
    thresholds,
    calendars,
    directory,
    live,
    clock: options.clock,
    signalsWritten: () => options.afterWrite?.(),
  };
  const clockUseCases = createSupervisionUseCases({ journal, ...clockDeps });
  // 督办 orders: supervised matters of their own, clocked and signalled like cases (ADR 0044).
  const orderStore = new MongoOrderStore(options.connection, () => options.afterWrite?.());
  const orders = createOrderUseCases({ ...clockDeps, orders: orderStore });
  // The import of historical cases (S31): imported matters, never clocked live (ADR 0044).
  const importHistoricalCases = importHistoricalCasesUseCase(clockDeps);
  // Signals messaged to people: staff site messages, the office's e-mail through @govhall/notify (ADR 0045).
  const staffMessages = new MongoStaffMessageStore(options.connection);
  const ledger = new NotificationLedger(options.connection);
  const messages = createMessageUseCases({
    messages: staffMessages,
    email: ledger,
    office: options.office ?? { to: '', minLevel: 'red' },
    clock: options.clock,
    queued: () => options.emailQueued?.(),
  });
  const applyCaseEvents = markingCaseEvents(clockUseCases.applyCaseEvents, dirty);
  const useCases = { ...clockUseCases, applyCaseEvents, applyCaseEvent: single(applyCaseEvents) };
  // Violations, inspections and accountability.
  const violations = composeViolations({
    connection: options.connection,
    clock: options.clock,
    afterWrite: () => options.afterWrite?.(),
    photoRetentionDays: options.photoRetentionDays,
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
    inspections: violations.inspectionStore,
  });
  // The scoring standard, scores and annual grades (S25, S27).
  const scoring = composeScoring({
    connection: options.connection,
    clock: options.clock,
    readKpis: evaluation.useCases.readKpiFigures,
    names: evaluation.names,
  });
  return {
    useCases,
    violations,
    orders,
    importHistoricalCases,
    messages,
    ledger,
    evaluation,
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
      orderStore.model,
      staffMessages.model,
      ledger.model,
      ...violations.models,
      ...evaluation.models,
      ...scoring.models,
    ],
    /** Every collection whose documents carry outbox messages: one relay publishes them all. */
    outboxCollections: [signals.model.collection, orderStore.model.collection, ...violations.outboxCollections],
  };
}

export type SupervisionComposition = ReturnType<typeof composeSupervision>;
