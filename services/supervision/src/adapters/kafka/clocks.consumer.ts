import { metrics } from '@opentelemetry/api';
import {
  startConsumer,
  type Consumer,
  type ConsumerOptions,
  type DeliveryOptions,
  type Kafka,
  type ReceivedEvent,
} from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import type { SupervisionUseCases } from '../../usecases/supervision.use-cases';
import { toCaseEvent } from './case-event.mapper';
import { CASE_TRANSITIONED } from './violation-detection.consumer';

/** What the clocks are built from: case events, the tenants' calendars, and identity (who is told of a signal). */
export const CLOCK_TOPICS = [
  'govhall.applications.case',
  'govhall.catalogue.calendar',
  'govhall.identity.tenant',
  'govhall.identity.staff',
];

const meter = metrics.getMeter('@govhall/supervision');
/** Benchmark target (issue 12): event occurred → clock updated, p99 < 2 s at the lifecycle rate. */
const clockLag = meter.createHistogram('govhall.supervision.clock_lag', {
  description: 'Time from a case event occurring to its clock being updated by supervision',
  unit: 'ms',
  advice: { explicitBucketBoundaries: [5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000, 30000, 60000] },
});

const STAFF_TYPES = ['StaffCreated', 'StaffRolesChanged', 'StaffDisabled', 'StaffLeaveRecorded', 'StaffLeaveEnded'];
const WINDOW_TYPES = ['WindowCreated', 'WindowPostsAssigned', 'WindowUpdated'];

/**
 * The clock consumer, a group of its own (KAFKA_CLOCKS_GROUP_ID): a new group over the topics into an empty
 * database rebuilds the same clocks (fromBeginning; every write is keyed by the event's aggregate and version).
 */
export async function startClocksConsumer(deps: {
  kafka: Kafka;
  logger: Logger;
  groupId: string;
  /** Prepended to the topics (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  useCases: Pick<SupervisionUseCases, 'applyCaseEvents' | 'changeCalendar' | 'updateDirectory'>;
  delivery: DeliveryOptions;
}): Promise<Consumer> {
  const uc = deps.useCases;
  /** Case events applied together (a run of a Kafka batch, or one), their lag observed once their clocks are stored. */
  const applyCaseEvents = async (received: ReceivedEvent[]) => {
    const envelopes = received.map((r) => r.envelope);
    const applied = await uc.applyCaseEvents(
      envelopes.map((e) => toCaseEvent(e, applicationsV1.CaseTransitioned.decode(e.payload))),
    );
    const at = Date.now();
    envelopes.forEach((e, i) => {
      if (applied[i] && e.occurredAt) clockLag.record(Math.max(0, at - e.occurredAt.getTime()));
    });
  };
  const handlers: ConsumerOptions['handlers'] = {
    [CASE_TRANSITIONED]: (event: ReceivedEvent) => applyCaseEvents([event]),
    'govhall.catalogue.v1.CalendarChanged': async ({ envelope }: ReceivedEvent) => {
      const e = catalogueV1.CalendarChanged.decode(envelope.payload);
      if (!e.override) return;
      const kind = e.override.working ? 'workday' : 'holiday';
      await uc.changeCalendar(e.tenant, { date: e.override.date, kind, reason: e.override.reason }, e.set);
    },
  };
  for (const type of STAFF_TYPES) {
    handlers[`govhall.identity.v1.${type}`] = async ({ envelope }: ReceivedEvent) => {
      const codec = identityV1[type as 'StaffCreated'];
      const s = codec.decode(envelope.payload).staff;
      if (!s) return;
      await uc.updateDirectory.staff({
        id: s.id,
        tenant: s.tenant,
        department: s.department,
        username: s.username,
        roles: [...s.roles],
        // Provisioning staff are told too: the reconciler finishes their account without another event.
        active: s.status !== identityV1.StaffStatus.STAFF_STATUS_DISABLED,
      });
    };
  }
  for (const type of WINDOW_TYPES) {
    handlers[`govhall.identity.v1.${type}`] = async ({ envelope }: ReceivedEvent) => {
      const w = identityV1[type as 'WindowCreated'].decode(envelope.payload).window;
      if (w) await uc.updateDirectory.window({ id: w.id, tenant: w.tenant, aPostStaffId: w.aPostStaffId });
    };
  }
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: CLOCK_TOPICS.map((t) => deps.topicPrefix + t),
    logger: deps.logger,
    // No inbox: every handler is idempotent by itself (a case event older than or equal to the matter's version
    // changes nothing; calendar overrides and directory entries are upserts), so a per-event inbox read would only
    // cost a store round trip per event (ADR 0050).
    inbox: 'none',
    handlers,
    // A burst or a replay: the run's matters read, evaluated and written together (one round trip per step of the
    // run instead of per event); the clock of each is the same as one event at a time (ADR 0050).
    // Runs of up to 2,000 (a Kafka fetch holds about as many): the longer the run, the more replayed cases end within
    // it, so fewer signals are raised for a state that a later event of the same run ends.
    batch: { accepts: (type) => type === CASE_TRANSITIONED, handle: applyCaseEvents, maxEvents: 2_000 },
    fromBeginning: true,
    ...deps.delivery,
  });
}
