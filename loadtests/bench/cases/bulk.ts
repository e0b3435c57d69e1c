// Bulk-loaded cases: real case documents, made the way the cases repository makes them. The templates are cases
// this run drove through the gateway to each state (draft, pre_review, processing, approved, completed,
// delivered), read back as entities with the repository's own projection (toCase); each generated case is a copy of
// one with its own id, case number, tenant, department, applicant subject and dates (moved 1–360 days into the
// past), stored with the repository's document functions (toDocument + caseQueryFields, no outbox messages), so the
// query fields (owner, lists, queues, due date, received month) are what the service would have written.
import { randomUUID } from 'node:crypto';
import { toDocument, outboxFields } from '@govhall/mongo';
import type { MongoClient } from '@govhall/testing';
import { PROJECTION, toCase } from '../../../services/applications/dist/adapters/mongo/case.repository.js';
import { caseQueryFields } from '../../../services/applications/dist/adapters/mongo/case-query-fields.js';
import { bulkLoad } from '../bulk-load.ts';
import type { CasesReport } from './report.ts';
import { SEED_SPAN, ferretdbPostgresUrl, multiplyInPostgres } from './bulk-sql.ts';
import { BULK_TENANTS, bulkDay, statusOf } from './mix.ts';

const DAY_MS = 86_400_000;

/** Every Date in `value` moved `deltaMs` (in place). */
function shiftDates(value: unknown, deltaMs: number): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (v instanceof Date) (value as Record<string, unknown>)[k] = new Date(v.getTime() + deltaMs);
    else if (v && typeof v === 'object') shiftDates(v, deltaMs);
  }
}

const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');

/** Bulk case i from its template (a case entity as toCase reads it). */
export function bulkCase(template: Record<string, any>, i: number): Record<string, any> {
  const c = structuredClone(template);
  const tenant = BULK_TENANTS[i % BULK_TENANTS.length]!;
  const { daysAgo, sequence } = bulkDay(template.status, i);
  shiftDates(c, -daysAgo * DAY_MS);
  c.id = randomUUID();
  c.tenant = tenant;
  c.department = `${tenant}-SCJG`;
  if (tenant !== template.tenant) c.windowId = '';
  const subject = `bulk-subject-${i % 100_000}`;
  c.applicant = { ...c.applicant, subject };
  c.createdBy = subject;
  if (c.caseNumber) {
    const day = c.submittedAt instanceof Date ? c.submittedAt : c.createdAt;
    c.caseNumber = `${tenant}${ymd(day)}${String(sequence).padStart(5, '0')}`;
  }
  return c;
}

/** The stored document of a case, as MongoCaseRepository.insert writes it (no events pending). */
export function caseDocument(c: Record<string, any>, idempotencyKey: string): Record<string, unknown> {
  return toDocument(c, { idempotencyKey, ...caseQueryFields(c as never), ...outboxFields([]) });
}

/** Reads the template cases (id by status) through the repository's projection. */
export async function readTemplates(
  mongo: MongoClient,
  database: string,
  ids: Record<string, string>,
): Promise<Record<string, Record<string, any>>> {
  const cases = mongo.db(database).collection('cases');
  const templates: Record<string, Record<string, any>> = {};
  for (const [status, id] of Object.entries(ids)) {
    const doc = await cases.findOne({ _id: id as never }, { projection: PROJECTION });
    if (!doc) throw new Error(`template case ${id} (${status}) is not in ${database}`);
    const c = toCase(doc as never) as unknown as Record<string, any>;
    if (c.status !== status) throw new Error(`template case ${id} is ${c.status}, not ${status}`);
    templates[status] = c;
  }
  return templates;
}

/**
 * Bulk-loads `count` cases beside the ones stored; their numbers by status, documents/s, seconds. The collection's
 * secondary indexes are dropped first (locally each costs a btree and its GIN twin per insert); the service
 * creates them again when it starts (its declared indexes), over the whole collection at once. The service must
 * not run meanwhile (one writer per database). With `postgresUrl` (the local store: FerretDB over PostgreSQL) only
 * the first SEED_SPAN go through FerretDB and PostgreSQL copies the rest (bulk-sql.ts); without, all go through the
 * store's API.
 */
export async function loadBulkCases(
  mongo: MongoClient,
  database: string,
  templates: Record<string, Record<string, any>>,
  count: number,
  runId: string,
  options: { signal?: AbortSignal; postgresUrl?: string; progress?: (line: string) => void } = {},
): Promise<Omit<NonNullable<CasesReport['bulk']>, 'documents' | 'indexSeconds'>> {
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const make = (i: number) => caseDocument(bulkCase(templates[statusOf(i)]!, i), `bulk-${runId}-${i}`);
  const byStatus: Record<string, number> = {};
  for (let i = 0; i < count; i++) byStatus[statusOf(i)] = (byStatus[statusOf(i)] ?? 0) + 1;
  const documentBytes = Buffer.byteLength(JSON.stringify(caseDocument(bulkCase(templates.delivered!, 0), 'size')));
  const collection = mongo.db(database).collection('cases');
  const started = performance.now();
  await collection.dropIndexes();
  const throughStore = options.postgresUrl ? Math.min(count, SEED_SPAN) : count;
  await bulkLoad(collection, 0, throughStore, make, { batch: 1_000, signal: options.signal, progress });
  let copiedInPostgres = 0;
  if (options.postgresUrl) {
    const copied = await multiplyInPostgres(options.postgresUrl, database, runId, count, progress, options.signal);
    copiedInPostgres = copied.written;
    if (copied.sample.id) await checkCopy(mongo, database, copied.sample.id, copied.sample.key!, runId);
  }
  if (throughStore + copiedInPostgres !== count) {
    throw new Error(`bulk load wrote ${throughStore + copiedInPostgres} cases, not ${count}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, seconds, byStatus, documentBytes, throughStore, copiedInPostgres };
}

export { ferretdbPostgresUrl };

/** A case copied inside PostgreSQL reads back through FerretDB as the case bulkCase makes for its index. */
async function checkCopy(mongo: MongoClient, database: string, id: string, key: string, runId: string) {
  const doc = await mongo
    .db(database)
    .collection('cases')
    .findOne({ _id: id as never }, { projection: PROJECTION });
  if (!doc) throw new Error(`the copied case ${id} does not read back through the store`);
  const c = toCase(doc as never) as unknown as Record<string, any>;
  const n = Number(key.slice(`bulk-${runId}-`.length));
  const subject = `bulk-subject-${n % 100_000}`;
  const number = c.caseNumber === '' || c.caseNumber.endsWith(String(bulkDay(c.status, n).sequence).padStart(5, '0'));
  if (
    c.id !== id ||
    c.applicant.subject !== subject ||
    c.createdBy !== subject ||
    c.status !== statusOf(n) ||
    !number
  ) {
    throw new Error(`the copied case ${id} (bulk case ${n}) is not what bulkCase makes for ${n}`);
  }
}
