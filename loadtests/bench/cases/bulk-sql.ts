// The fast half of the bulk load on the local store (FerretDB 1.x over PostgreSQL): the first SEED_SPAN cases go
// in through FerretDB as real documents (bulk.ts), then PostgreSQL copies them inside the database, each copy with
// what must differ between cases — its own _id, idempotency key, case number and applicant — so the collection holds
// the same documents the FerretDB path would have written, at PostgreSQL's speed instead of FerretDB's (~300
// documents/s on this machine, i.e. an hour for 1,000,000). Only for the benchmark's scratch database.
//
// Why the copies equal the documents bulk.ts would make for the same index n: everything bulkCase derives from n
// other than the applicant and the number — tenant (n mod 6), day (n mod 360, or n mod 5 while waiting at the
// window), status (617·n mod 1000) — has a period dividing SEED_SPAN, so copy n = i + k·SEED_SPAN of seeded case i
// has i's tenant, dates and status; the applicant (bulk-subject-<n mod 100000>) and the sequence of the case number
// (bulk.ts bulkDay: unique within tenant and day) are set here as bulkCase sets them.
import pg from 'pg';

/** lcm(6 tenants, 360 days, 1000 status slots) × 2: one whole period of every pattern, twice. */
export const SEED_SPAN = 18_000;

/** FerretDB's PostgreSQL database ([postgres://postgres@127.0.0.1:55432/ferretdb], deploy/stack). */
export function ferretdbPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.FERRETDB_POSTGRESQL_URL ?? `postgres://postgres@127.0.0.1:${env.POSTGRES_PORT ?? '55432'}/ferretdb`;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The PostgreSQL table FerretDB keeps a collection in (its metadata table names it). */
async function tableOf(client: pg.Client, database: string, collection: string): Promise<string> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT _jsonb->>'table' AS table FROM ${ident(database)}._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
    [collection],
  );
  if (!rows[0]) throw new Error(`FerretDB has no table for ${database}.${collection}`);
  return `${ident(database)}.${ident(rows[0].table)}`;
}

/**
 * Copies the seeded cases (idempotency keys `bulk-<runId>-<i>`, i < SEED_SPAN) until the collection holds the bulk
 * cases 0 … count − 1; one statement per round of SEED_SPAN copies. Resolves with the copies written and the id and
 * key of one of them (the harness reads it back through FerretDB).
 */
export async function multiplyInPostgres(
  url: string,
  database: string,
  runId: string,
  count: number,
  progress: (line: string) => void,
  signal?: AbortSignal,
): Promise<{ written: number; sample: { id?: string; key?: string } }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await tableOf(client, database, 'cases');
    const prefix = `bulk-${runId}-`;
    // The seeded cases, read once per session before any copy (the table grows with every round).
    const readSeed = (c: pg.Client) =>
      c.query(
        `CREATE TEMP TABLE bulk_seed AS
           SELECT _jsonb AS d, substring(_jsonb->>'idempotencyKey' FROM length($1) + 1)::bigint AS i
           FROM ${table} WHERE starts_with(_jsonb->>'idempotencyKey', $1)`,
        [prefix],
      );
    await readSeed(client);
    const seeded = Number((await client.query('SELECT count(*) AS n FROM bulk_seed')).rows[0].n);
    if (seeded !== Math.min(count, SEED_SPAN)) {
      throw new Error(`expected ${Math.min(count, SEED_SPAN)} seeded cases, found ${seeded}`);
    }
    // One concatenation per copy (top-level keys replaced; jsonb keeps no key order, FerretDB's own `$s.$k` does):
    // five nested jsonb_set calls each rebuilt the ~10 KB document and ran at ~700 copies/s.
    const copyRound = (c: pg.Client, round: number) =>
      c.query(
        `INSERT INTO ${table} (_jsonb)
         SELECT d || jsonb_build_object(
                  '_id', gen_random_uuid()::text,
                  'idempotencyKey', $1 || n,
                  'createdBy', 'bulk-subject-' || (n % 100000),
                  'ownerSubject', 'bulk-subject-' || (n % 100000),
                  'applicant', (d->'applicant') || jsonb_build_object('subject', 'bulk-subject-' || (n % 100000)))
                || CASE WHEN coalesce(d->>'caseNumber', '') = '' THEN '{}'::jsonb
                        ELSE jsonb_build_object('caseNumber', left(d->>'caseNumber', 14) || lpad(
                               (CASE WHEN d->>'status' = 'pre_review' THEN 10001 + n / 30 ELSE n / 360 + 1 END)::text,
                               5, '0')) END
         FROM (SELECT d, i + $2::bigint AS n FROM bulk_seed) s
         WHERE n < $3
         RETURNING _jsonb->>'_id' AS id, _jsonb->>'idempotencyKey' AS key`,
        [prefix, round * SEED_SPAN, count],
      );
    const rounds = Array.from({ length: Math.ceil(count / SEED_SPAN) - 1 }, (_, k) => k + 1);
    // Two sessions at once (two cores); the second reads the seed through its own temporary copy.
    const second = new pg.Client({ connectionString: url });
    await second.connect();
    let written = 0;
    const sample: { id?: string; key?: string } = {};
    try {
      await readSeed(second);
      const worker = async (c: pg.Client) => {
        for (let round = rounds.shift(); round !== undefined; round = rounds.shift()) {
          signal?.throwIfAborted();
          const { rows } = await copyRound(c, round);
          written += rows.length;
          Object.assign(sample, rows.at(-1));
          if (round % 10 === 0) {
            progress(`  copied ${(SEED_SPAN + written).toLocaleString('en')} of ${count.toLocaleString('en')}`);
          }
        }
      };
      await Promise.all([worker(client), worker(second)]);
    } finally {
      await second.end();
    }
    // Fresh statistics, as autovacuum would give a table after such a load, before the service builds its indexes.
    await client.query(`ANALYZE ${table}`);
    return { written, sample };
  } finally {
    await client.end();
  }
}
