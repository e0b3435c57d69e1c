import type { Admin, Kafka } from 'kafkajs';

/** Where a consumer group is to start reading one partition. */
export interface GroupOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Commits starting offsets for a consumer group that has no running member (a group about to be created): one
 * short-lived member joins for all the topics at once, seeks each partition (with auto-commit a seek is committed at
 * once) and leaves after its first fetch, which waits at most a few milliseconds. kafkajs's `admin.setOffsets` does
 * the same a topic at a time and waits a whole fetch (`maxWaitTime`, 5 s) on each. The committed offsets are read
 * back, and what is missing is sought again; still missing after the last attempt, it fails loudly rather than
 * leaving the group elsewhere.
 */
export async function commitGroupOffsets(
  kafka: Kafka,
  groupId: string,
  offsets: readonly GroupOffset[],
  attempts = 3,
): Promise<void> {
  let missing = [...offsets];
  for (let attempt = 1; missing.length > 0; attempt++) {
    await seekAsOneMember(kafka, groupId, missing);
    await untilGroupIsEmpty(kafka, groupId);
    const committed = await readCommitted(kafka, groupId, missing);
    missing = missing.filter((o) => committed.get(key(o)) !== o.offset);
    if (missing.length > 0 && attempt >= attempts) {
      const o = missing[0]!;
      throw new Error(
        `group ${groupId}: ${o.topic}[${o.partition}] committed at ${committed.get(key(o)) ?? 'nothing'}, not ${o.offset} after ${attempts} attempts`,
      );
    }
  }
}

const key = (o: { topic: string; partition: number }): string => `${o.topic}[${o.partition}]`;

/**
 * A seek can be lost: kafkajs pops a seek before committing it, and a member that crashes and restarts (a commit
 * refused during a rebalance of the new group) starts again without it — CI once saw one partition of three left
 * uncommitted. The caller reads the offsets back and seeks again what is missing.
 */
async function seekAsOneMember(kafka: Kafka, groupId: string, offsets: readonly GroupOffset[]): Promise<void> {
  const topics = [...new Set(offsets.map((o) => o.topic))];
  // A short session: should the member leave without saying so (its runner restarting as it disconnects), the
  // coordinator drops it within seconds rather than holding the next member's join for kafkajs's default 30 s.
  const consumer = kafka.consumer({
    groupId,
    maxWaitTimeInMs: 20,
    sessionTimeout: MEMBER_SESSION_MS,
    rebalanceTimeout: MEMBER_SESSION_MS,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const fetched = consumer.on(consumer.events.FETCH, () => {
        fetched();
        resolve();
      });
      consumer.run({ autoCommit: true, eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      // Nothing is to be read: the member only seeks.
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const o of offsets) consumer.seek(o);
    });
  } finally {
    await consumer.disconnect();
  }
}

/** The broker's lowest allowed session (group.min.session.timeout.ms defaults to 6 s). */
const MEMBER_SESSION_MS = 6_000;

/**
 * Waits until the seeking member has left the group. A service's consumer that joins while a departed member is
 * still counted waits for it to rejoin or expire; CI once saw a clock consumer start more than 30 s late that way.
 */
async function untilGroupIsEmpty(kafka: Kafka, groupId: string, timeoutMs = 3 * MEMBER_SESSION_MS): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { groups } = await admin.describeGroups([groupId]);
      const members = groups[0]?.members.length ?? 0;
      if (members === 0) return;
      if (Date.now() > deadline)
        throw new Error(`group ${groupId}: ${members} member(s) still joined after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

async function readCommitted(
  kafka: Kafka,
  groupId: string,
  offsets: readonly GroupOffset[],
): Promise<Map<string, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = [...new Set(offsets.map((o) => o.topic))];
    const committed = await fetchCommittedOffsets(admin, groupId, topics);
    return new Map(
      committed.flatMap((t) => t.partitions.map((p) => [key({ topic: t.topic, partition: p.partition }), p.offset])),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * A group's committed offsets on `topics` (kafkajs's admin.fetchOffsets; offset "-1" where the group has none). A
 * broker asked about its first group right after it started answers COORDINATOR_NOT_AVAILABLE, then NOT_COORDINATOR,
 * while it creates __consumer_offsets, and admin.fetchOffsets does not look for the coordinator again: a retriable
 * refusal is asked again, every `delayMs`, for up to `attempts` times (a service starting against a fresh Kafka
 * failed at start without this).
 */
export async function fetchCommittedOffsets(
  admin: Pick<Admin, 'fetchOffsets'>,
  groupId: string,
  topics: string[],
  { attempts = 30, delayMs = 1_000 }: { attempts?: number; delayMs?: number } = {},
): ReturnType<Admin['fetchOffsets']> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchOffsets({ groupId, topics });
    } catch (e) {
      const retriable = (e as { retriable?: boolean }).retriable === true;
      if (!retriable || attempt >= attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
