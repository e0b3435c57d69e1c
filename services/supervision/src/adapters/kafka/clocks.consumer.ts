import { metrics } from '@opentelemetry/api';
import {
  startConsumer,
  type Consumer,
  type ConsumerOptions,
  type InboxEntry,
  type Kafka,
  type ReceivedEvent,
} from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import type { SupervisionUseCases } from '../../usecases/supervision.use-cases';
import { toCaseEvent } from './case-event.mapper';

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
  connection: Connection;
  logger: Logger;
  groupId: string;
  /** Prepended to the topics (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  useCases: Pick<SupervisionUseCases, 'applyCaseEvent' | 'changeCalendar' | 'updateDirectory'>;
  delivery: Pick<ConsumerOptions, 'deadLetterTopic' | 'retry' | 'inboxRetentionMs'>;
}): Promise<Consumer> {
  const uc = deps.useCases;
  const handlers: ConsumerOptions['handlers'] = {
    'govhall.applications.v1.CaseTransitioned': async ({ envelope }: ReceivedEvent) => {
      const event = applicationsV1.CaseTransitioned.decode(envelope.payload);
      const applied = await uc.applyCaseEvent(toCaseEvent(envelope, event));
      if (applied && envelope.occurredAt) clockLag.record(Math.max(0, Date.now() - envelope.occurredAt.getTime()));
    },
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
    inbox: deps.connection.collection<InboxEntry>('inbox_clocks'),
    handlers,
    fromBeginning: true,
    ...deps.delivery,
  });
}
