// The bulk loader of the benchmarks: fills a collection with generated documents, `insertMany` of `batch` documents
// (unordered), `workers` batches in flight, a progress line every 15 s. Used by the store scale check
// (store-scale.ts: case-shaped documents) and the cases benchmark (lifecycles.ts: real case documents).

/** What the loader needs of a collection (the driver's Collection, or a mongoose model's `collection`). */
export interface InsertManyTarget {
  insertMany(docs: never[], options: { ordered: boolean }): Promise<unknown>;
}

export interface BulkLoadOptions {
  /** Documents per insertMany [2000]. */
  batch?: number;
  /** Batches in flight [2]. */
  workers?: number;
  /** Progress lines go here [stderr]. */
  progress?: (line: string) => void;
  /** Stops the load after the batches in flight (an interrupted benchmark drops its database after). */
  signal?: AbortSignal;
}

/** Inserts the documents `make(from)` … `make(to - 1)`; resolves with the documents per second it reached. */
export async function bulkLoad(
  target: InsertManyTarget,
  from: number,
  to: number,
  make: (i: number) => Record<string, unknown>,
  options: BulkLoadOptions = {},
): Promise<number> {
  const batch = options.batch ?? 2_000;
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  let next = from;
  let lastReport = performance.now();
  const worker = async () => {
    while (next < to) {
      options.signal?.throwIfAborted();
      const start = next;
      next = Math.min(to, next + batch);
      const docs = [];
      for (let i = start; i < next; i++) docs.push(make(i));
      await target.insertMany(docs as never[], { ordered: false });
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        progress(`  loaded ${next.toLocaleString('en')} of ${to.toLocaleString('en')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers ?? 2 }, worker));
  return (to - from) / ((performance.now() - started) / 1000);
}
