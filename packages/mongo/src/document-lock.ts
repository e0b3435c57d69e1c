/**
 * Serialises read-modify-write operations on one document within this process.
 *
 * Why: FerretDB 1.x (the local and CI database) does not apply a conditional update atomically. Two concurrent
 * `updateOne({_id, version: 1}, …)` both match and both write (measured: 49 of 50 races double-won; the same for
 * findOneAndUpdate, on both its SQLite and PostgreSQL handlers). MongoDB applies single-document updates
 * atomically, so in production this lock only orders what MongoDB would order anyway. With FerretDB it makes
 * one process correct; several replicas of a service on FerretDB are not supported (ADR 0005).
 */
export class DocumentLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** One lock table per process, shared by every repository and the outbox relay. */
export const documentLocks = new DocumentLocks();

export function documentKey(collection: string, id: unknown): string {
  return `${collection}:${String(id)}`;
}
