import { createKafka, decodeEnvelope } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { applicationsV1 } from '@govhall/proto';
import { stack, uniqueSuffix, waitFor } from '@govhall/testing';

// The case stream checker: compares what the cases service stored (each case's history) with what it published on
// govhall.applications.case (CaseTransitioned envelopes) and with what a consumer recorded (supervision's journal).
// Reusable by any test that drives cases and wants to know that no transition was lost or duplicated: mark the
// topic before driving, read it afterwards, pass both sides to checkCaseStream and assert that it found no problems.

const pb = applicationsV1;
const S = pb.CaseStatus;
export const CASE_TOPIC = 'govhall.applications.case';
export const TRANSITIONED = 'govhall.applications.v1.CaseTransitioned';

/** Where a topic ended when the test began: its partitions' next offsets. */
export interface StreamMark {
  topic: string;
  partitions: { partition: number; offset: string }[];
}

/** One CaseTransitioned as delivered (every delivery, duplicates included). */
export interface Delivered {
  eventId: string;
  aggregateId: string;
  aggregateVersion: number;
  occurredAt?: Date;
  partition: number;
  offset: string;
  transition: applicationsV1.Transition;
  fromStatus: applicationsV1.CaseStatus;
  toStatus: applicationsV1.CaseStatus;
}

/** A case as stored (GetCase's answer is one). */
export type StoredCase = Pick<applicationsV1.Case, 'id' | 'version' | 'history'>;
type Entry = applicationsV1.HistoryEntry;

/** A consumer's record of an event (supervision's journal: `_id` is the event id). */
export interface Recorded {
  eventId: string;
  aggregateId: string;
}

export interface CaseStreamReport {
  cases: number;
  /** History entries that publish an event (after submission). */
  transitions: number;
  /** Distinct event ids delivered for the cases. */
  events: number;
  /** Every delivery read, redeliveries included. */
  deliveries: number;
  /** Deliveries of an event id already delivered (at-least-once relay after a crash): allowed, counted. */
  duplicateDeliveries: number;
  duplicatedEventIds: string[];
  /** Everything wrong, one line each; empty when stored and published agree. */
  problems: string[];
}

const DRAFTING: readonly applicationsV1.CaseStatus[] = [
  S.CASE_STATUS_DRAFT,
  S.CASE_STATUS_RETURNED,
  S.CASE_STATUS_SUPPLEMENT,
];

/**
 * Whether a history entry published a CaseTransitioned: every act after submission does; the applicant's edits
 * and uploads while the case is theirs (a draft, returned, or waiting for a supplement) and voiding a draft do not.
 */
export function publishesEvent(e: Pick<Entry, 'fromStatus' | 'toStatus'>): boolean {
  if (e.fromStatus === e.toStatus && DRAFTING.includes(e.fromStatus)) return false;
  return !(e.fromStatus === S.CASE_STATUS_DRAFT && e.toStatus === S.CASE_STATUS_VOIDED);
}

const statusName = (s: applicationsV1.CaseStatus) => pb.caseStatusToJSON(s).replace('CASE_STATUS_', '');
const transitionName = (t: applicationsV1.Transition) => pb.transitionToJSON(t).replace('TRANSITION_', '');
const ms = (d?: Date) => (d ? d.getTime() : NaN);

/**
 * Compares, for each case: its published history entries, in order, with the distinct events delivered for it in
 * topic order (same count; each pair the same from-status, to-status and instant), the events' aggregate versions
 * (never decreasing, at most the case's version, no transition twice at one version), one partition per case, the
 * expected transitions when given; and every distinct event id with the journal (each recorded, nothing recorded
 * that was not delivered). Redeliveries of one event id are counted, not faulted.
 */
export function checkCaseStream(input: {
  cases: StoredCase[];
  delivered: Delivered[];
  journal?: Recorded[];
  /** The transitions each case must show, in order (what the test drove). */
  expected?: Map<string, applicationsV1.Transition[]>;
}): CaseStreamReport {
  const problems: string[] = [];
  const ids = new Set(input.cases.map((c) => c.id));
  const byCase = new Map<string, Delivered[]>();
  const seen = new Map<string, Delivered>();
  const duplicated = new Set<string>();
  let deliveries = 0;
  let duplicateDeliveries = 0;
  for (const d of input.delivered) {
    if (!ids.has(d.aggregateId)) continue;
    deliveries += 1;
    const first = seen.get(d.eventId);
    if (first) {
      duplicateDeliveries += 1;
      duplicated.add(d.eventId);
      if (first.aggregateVersion !== d.aggregateVersion || first.transition !== d.transition) {
        problems.push(`event ${d.eventId} redelivered with different content (offset ${first.offset} vs ${d.offset})`);
      }
      continue;
    }
    seen.set(d.eventId, d);
    byCase.set(d.aggregateId, [...(byCase.get(d.aggregateId) ?? []), d]);
  }

  let transitions = 0;
  for (const c of input.cases) {
    const entries = c.history.filter(publishesEvent);
    transitions += entries.length;
    const events = byCase.get(c.id) ?? [];
    const where = `case ${c.id}`;
    for (let i = 0; i < Math.max(entries.length, events.length); i++) {
      const entry = entries[i];
      const event = events[i];
      if (!event) {
        problems.push(`${where}: transition #${i + 1} (${describeEntry(entry!)}) has no event`);
        continue;
      }
      if (!entry) {
        problems.push(`${where}: event ${event.eventId} (${describeEvent(event)}) has no transition in the history`);
        continue;
      }
      if (
        entry.fromStatus !== event.fromStatus ||
        entry.toStatus !== event.toStatus ||
        ms(entry.at) !== ms(event.occurredAt)
      ) {
        problems.push(
          `${where}: transition #${i + 1} (${describeEntry(entry)}) does not match event ${event.eventId} (${describeEvent(event)})`,
        );
      }
    }
    if (new Set(events.map((e) => e.partition)).size > 1) problems.push(`${where}: events on several partitions`);
    const atVersion = new Set<string>();
    events.forEach((e, i) => {
      if (i > 0 && e.aggregateVersion < events[i - 1]!.aggregateVersion) {
        problems.push(
          `${where}: event ${e.eventId} at version ${e.aggregateVersion} after ${events[i - 1]!.aggregateVersion}`,
        );
      }
      if (e.aggregateVersion > c.version) {
        problems.push(`${where}: event ${e.eventId} at version ${e.aggregateVersion} beyond the case's ${c.version}`);
      }
      const key = `${e.aggregateVersion}/${e.transition}`;
      if (atVersion.has(key)) {
        problems.push(`${where}: ${transitionName(e.transition)} published twice at version ${e.aggregateVersion}`);
      }
      atVersion.add(key);
    });
    const expected = input.expected?.get(c.id);
    if (expected) {
      const got = events.map((e) => e.transition);
      if (got.join() !== expected.join()) {
        problems.push(
          `${where}: published ${got.map(transitionName).join(' → ')}, expected ${expected.map(transitionName).join(' → ')}`,
        );
      }
    }
  }

  if (input.journal) {
    const recorded = new Map<string, number>();
    for (const r of input.journal) {
      if (!ids.has(r.aggregateId)) continue;
      recorded.set(r.eventId, (recorded.get(r.eventId) ?? 0) + 1);
      if (!seen.has(r.eventId))
        problems.push(`journal: event ${r.eventId} of case ${r.aggregateId} was never delivered`);
    }
    for (const [eventId, count] of recorded) {
      if (count > 1) problems.push(`journal: event ${eventId} recorded ${count} times`);
    }
    for (const eventId of seen.keys()) {
      if (!recorded.has(eventId)) problems.push(`journal: event ${eventId} not recorded`);
    }
  }

  return {
    cases: input.cases.length,
    transitions,
    events: seen.size,
    deliveries,
    duplicateDeliveries,
    duplicatedEventIds: [...duplicated],
    problems,
  };
}

function describeEntry(e: Entry): string {
  return `${statusName(e.fromStatus)} → ${statusName(e.toStatus)} at ${e.at?.toISOString()} “${e.action}”`;
}

function describeEvent(e: Delivered): string {
  return `${transitionName(e.transition)} ${statusName(e.fromStatus)} → ${statusName(e.toStatus)} v${e.aggregateVersion} at ${e.occurredAt?.toISOString()}`;
}

/** The current end of `topic`: read from here to see only what is published afterwards. */
export async function markStream(topic = CASE_TOPIC): Promise<StreamMark> {
  const kafka = createKafka('govhall-test-mark', stack.kafkaBrokers.split(','), createLogger('govhall-test', 'warn'));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    return { topic, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) };
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every CaseTransitioned published to the marked topic since the mark, up to the topic's end now, in topic order
 * (a consumer group of its own starts at the mark's offsets).
 */
export async function readStream(mark: StreamMark): Promise<Delivered[]> {
  const kafka = createKafka('govhall-test-read', stack.kafkaBrokers.split(','), createLogger('govhall-test', 'warn'));
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `case-stream-check-${uniqueSuffix()}`;
  const ends = await admin.fetchTopicOffsets(mark.topic);
  await admin.setOffsets({ groupId, topic: mark.topic, partitions: mark.partitions });
  const read = new Map<number, bigint>();
  const out: Delivered[] = [];
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: mark.topic });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        read.set(partition, BigInt(message.offset));
        if (!message.value) return;
        let envelope;
        try {
          envelope = decodeEnvelope(message.value);
        } catch {
          return; // another test's poison message on the shared topic
        }
        if (envelope.type !== TRANSITIONED) return;
        const payload = pb.CaseTransitioned.decode(envelope.payload);
        out.push({
          eventId: envelope.id,
          aggregateId: envelope.aggregateId,
          aggregateVersion: Number(envelope.aggregateVersion),
          occurredAt: envelope.occurredAt,
          partition,
          offset: message.offset,
          transition: payload.transition,
          fromStatus: payload.fromStatus,
          toStatus: payload.facts?.status ?? S.CASE_STATUS_UNSPECIFIED,
        });
      },
    });
    const start = new Map(mark.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    await waitFor(
      async () =>
        ends.every(
          (p) =>
            BigInt(p.high) <= (start.get(p.partition) ?? 0n) || (read.get(p.partition) ?? -1n) >= BigInt(p.high) - 1n,
        ),
      { timeoutMs: 60_000, what: `the case stream read to its end` },
    );
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return out.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
