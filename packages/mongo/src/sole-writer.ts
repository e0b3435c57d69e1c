import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from './entities';

/**
 * One writer process per database on the local store.
 *
 * FerretDB 1.x applies conditional updates by reading, changing and writing back without excluding concurrent
 * writers (ADR 0006), so the per-process DocumentLocks make one process correct, and a second process writing
 * the same database loses acknowledged writes (measured: 35–42 of ~260 outbox messages). On FerretDB a service
 * therefore claims its database at start and refuses to run while another live process holds it. MongoDB
 * applies single-document updates atomically: there no claim is made and any number of replicas may run.
 *
 * The claim is a chain of generation documents in the `_writers` collection: the holder of the highest
 * generation is the writer, it refreshes `heartbeatAt`, and a newcomer takes over only from a holder that is
 * gone (its process has exited on this host, or its heartbeat is older than `staleMs`) by inserting the next
 * generation — an insert under a unique `_id`, which FerretDB does apply atomically, so two newcomers cannot
 * both win. A holder that finds a higher generation than its own stops writing (`onLost`).
 */
export interface SoleWriterOptions {
  /** The service (or tool) claiming the database, for the refusal message. */
  service: string;
  heartbeatMs?: number;
  staleMs?: number;
  /** Called when another process took the database over (this one was thought dead): stop the process. */
  onLost: (holder: WriterRecord) => void;
  /** For tests: a different notion of "this process" (pid) and of now. */
  pid?: number;
  now?: () => Date;
}

export interface WriterRecord {
  _id: string;
  generation: number;
  owner: string;
  service: string;
  host: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
}

export interface SoleWriterClaim {
  /** Whether a claim was needed at all (false on MongoDB). */
  enforced: boolean;
  release(): Promise<void>;
}

/** Thrown when another live process holds the database. */
export class DatabaseHeldError extends Error {
  constructor(
    readonly database: string,
    readonly holder: WriterRecord,
  ) {
    super(
      `database ${database} is already written by ${holder.service} (pid ${holder.pid} on ${holder.host}, since ` +
        `${holder.startedAt.toISOString()}, last seen ${holder.heartbeatAt.toISOString()}). The local FerretDB ` +
        `store allows one writer process per database (docs/adr/0011): stop that process first, or run the ` +
        `service against MongoDB to have several replicas.`,
    );
    this.name = 'DatabaseHeldError';
  }
}

const COLLECTION = '_writers';

/** True when the server is FerretDB (its buildInfo says so); MongoDB answers without `ferretdbVersion`. */
export async function isFerretDb(connection: Connection): Promise<boolean> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string';
}

/**
 * Claims the service's database for this process on FerretDB (see above); a no-op on MongoDB. Throws
 * DatabaseHeldError when another live process holds it.
 */
export async function claimSoleWriter(connection: Connection, options: SoleWriterOptions): Promise<SoleWriterClaim> {
  if (!(await isFerretDb(connection))) return { enforced: false, release: async () => undefined };
  const writers = connection.db!.collection<WriterRecord>(COLLECTION);
  const now = options.now ?? (() => new Date());
  const pid = options.pid ?? process.pid;
  const host = hostname();
  const staleMs = options.staleMs ?? 15_000;
  const owner = randomUUID();

  const current = await highest(writers);
  if (current && !isGone(current, { host, now: now(), staleMs })) {
    throw new DatabaseHeldError(connection.db!.databaseName, current);
  }
  const generation = (current?.generation ?? 0) + 1;
  const mine: WriterRecord = {
    _id: `generation-${String(generation).padStart(9, '0')}`,
    generation,
    owner,
    service: options.service,
    host,
    pid,
    startedAt: now(),
    heartbeatAt: now(),
  };
  try {
    await writers.insertOne(mine);
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // Another newcomer inserted this generation first: it is the writer now.
    const winner = (await highest(writers)) ?? current!;
    throw new DatabaseHeldError(connection.db!.databaseName, winner);
  }
  // Older generations are history now.
  await writers.deleteMany({ generation: { $lt: generation } });

  let stopped = false;
  const beat = async () => {
    const top = await highest(writers);
    if (top && top.owner !== owner) {
      stopped = true;
      clearInterval(timer);
      options.onLost(top);
      return;
    }
    await writers.updateOne({ _id: mine._id }, { $set: { heartbeatAt: now() } });
  };
  // One beat at a time: while the store is slow, beats must not pile up and hold its connections.
  let beating = false;
  const timer = setInterval(() => {
    if (stopped || beating) return;
    beating = true;
    beat()
      .catch(() => undefined) // a failed beat is retried at the next tick
      .finally(() => (beating = false));
  }, options.heartbeatMs ?? 3_000);
  timer.unref();
  return {
    enforced: true,
    release: async () => {
      stopped = true;
      clearInterval(timer);
      await writers.deleteOne({ _id: mine._id, owner });
    },
  };
}

async function highest(writers: Collection<WriterRecord>): Promise<WriterRecord | null> {
  // The collection holds one or two small documents: sorting them in memory is fine on any store.
  const docs = await writers.find({}).toArray();
  return docs.sort((a, b) => b.generation - a.generation)[0] ?? null;
}

/** A holder is gone when its process has exited on this host, or when it has not been seen for `staleMs`. */
export function isGone(holder: WriterRecord, here: { host: string; now: Date; staleMs: number }): boolean {
  if (here.now.getTime() - new Date(holder.heartbeatAt).getTime() > here.staleMs) return true;
  return holder.host === here.host && !processAlive(holder.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
