// Store scale check (issue "A local store that keeps up"): does the local store keep point reads, guarded updates
// and inserts at a cost independent of the collection size? One run fills a scratch database with documents of
// the shape the cases service will store (bulk loader), measures the operations through the repository helpers
// of @govhall/mongo at SMALL documents (the baseline of this run), loads on to LARGE documents, measures the same
// operations again, and prints each figure with its ratio LARGE / SMALL. No assertions; the database is dropped.
//
//   pnpm --filter @govhall/loadtests bench:store            (needs: pnpm build, the local stack)
//
// Environment: STORE_SMALL [10000], STORE_LARGE [1000000], STORE_SECONDS [8] per operation, STORE_CONCURRENCY [8]
// requests in flight, STORE_KEEP=1 keeps the scratch database (to re-run `explain` by hand), MONGODB_URI as for the
// tests. Results: $GOVHALL_STATE/bench/store-<timestamp>.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  connectMongo,
  ensureIndexes,
  insertNew,
  mongoose,
  outboxFields,
  updateVersioned,
  withOutbox,
  type Model,
} from '@govhall/mongo';
import { REPO_ROOT, stack } from '@govhall/testing';
import { bulkLoad } from './bulk-load.ts';
import { fmt, markdownTable, ratio, readRss, stackProcesses, summarize, type LatencySummary } from './lib.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);
const int = (name: string, fallback: number, min: number, max: number) => {
  const n = process.env[name] === undefined ? fallback : Number(process.env[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in ${min}..${max}`);
  return n;
};
const SMALL = int('STORE_SMALL', 10_000, 1_000, 100_000);
const LARGE = int('STORE_LARGE', 1_000_000, SMALL, 2_000_000);
const SECONDS = int('STORE_SECONDS', 8, 2, 60);
const CONCURRENCY = int('STORE_CONCURRENCY', 8, 1, 64);
const TENANTS = ['620321', '620302', '620300', '620102', '620123', '620100'];
const STATE_DIR = process.env.GOVHALL_STATE ?? path.join(REPO_ROOT, '.stack');
// Most stored cases are finished: 8% are in one of the four working states, spread evenly over the tenants.
const WORKING = ['submitted', 'accepted', 'in_review', 'decided'];
const statusOf = (i: number) => WORKING[Math.floor(i / 7) % 50] ?? 'delivered';

// ---- a case-shaped document and its repository ------------------------------------------------------------------
const caseSchema = new mongoose.Schema(
  {
    _id: String,
    caseNumber: String,
    tenant: String,
    department: String,
    status: String,
    applicantSubject: String,
    deadline: Date,
    version: Number,
    createdAt: Date,
  },
  { collection: 'cases', versionKey: false, strict: false },
);
// Case by number (progress query), an applicant's cases, a department's queue by deadline, the outbox relay.
caseSchema.index({ tenant: 1, caseNumber: 1 }, { unique: true });
caseSchema.index({ applicantSubject: 1, createdAt: -1 });
caseSchema.index({ tenant: 1, department: 1, status: 1, deadline: 1 });
caseSchema.index({ outboxPending: 1 });

const caseId = (i: number) => `case-${String(i).padStart(8, '0')}`;
const caseNumber = (i: number) => `${TENANTS[i % 6]}-20261203-${String(i).padStart(7, '0')}`;

/** ~1.3 KB, the fields a case will hold: number, item edition, applicant (masked), form, materials, clock, timeline. */
function caseDocument(i: number, withOutbox = false): Record<string, unknown> {
  const tenant = TENANTS[i % 6]!;
  const received = new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000);
  return {
    _id: caseId(i),
    caseNumber: caseNumber(i),
    tenant,
    itemId: `item-${i % 500}`,
    itemEdition: 1 + (i % 3),
    itemName: '食品经营许可',
    handlingCategory: 'promised',
    department: `${tenant}-SCJG`,
    window: `${tenant}-A0${i % 8}`,
    channel: i % 2 ? 'online' : 'window',
    status: statusOf(i),
    applicant: { kind: 'natural', name: '张*', idNumberMasked: '6203**********123X', phoneMasked: '138****0000' },
    applicantSubject: `subject-${i % 200_000}`,
    form: {
      businessName: `永昌县测试商贸有限公司${i}`,
      address: '甘肃省金昌市永昌县城关镇北海子路1号',
      scope: ['预包装食品销售'],
    },
    materials: [1, 2, 3].map((m) => ({
      id: `m${m}`,
      fileId: `file-${i}-${m}`,
      name: `材料${m}.pdf`,
      size: 102_400 * m,
    })),
    clock: {
      startedOn: received.toISOString().slice(0, 10),
      limitDays: 20,
      pausedDays: 0,
      explanation: '受理次日起算，法定节假日顺延',
    },
    deadline: new Date(received.getTime() + 28 * 86_400_000),
    timeline: ['submitted', 'pre_reviewed', 'accepted'].map((action, k) => ({
      at: new Date(received.getTime() + k * 3_600_000),
      action,
      actor: `staff-${i % 300}`,
    })),
    version: 1,
    createdAt: received,
    updatedAt: received,
    ...outboxFields(
      withOutbox ? [{ id: `e-${i}`, topic: 'govhall.applications.case', key: caseId(i), createdAt: received }] : [],
    ),
  };
}

// ---- measured operations ------------------------------------------------------------------------------------------
interface Measured {
  ops: number;
  perSecond: number;
  latency: LatencySummary;
  errors: number;
}

async function measure(op: (worker: number, n: number) => Promise<unknown>): Promise<Measured> {
  const samples: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let n = 0; performance.now() < until; n++) {
        const t = performance.now();
        try {
          await op(worker, n);
          samples.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const s = (performance.now() - started) / 1000;
  return { ops: samples.length, perSecond: samples.length / s, latency: summarize(samples), errors };
}

function operations(model: Model<any>, size: number, insertBase: number) {
  const pick = () => Math.floor(Math.random() * size);
  // Guarded updates: each worker owns its own documents, so a version conflict would be a store error.
  const versions = new Map<string, number>();
  return {
    'point read by id (findById, entity projection)': () =>
      model.findById(caseId(pick()), { outbox: 0, outboxLease: 0, outboxPending: 0 }).lean(),
    'read by case number (tenant + number)': () => {
      const i = pick();
      return model.findOne({ tenant: TENANTS[i % 6], caseNumber: caseNumber(i) }).lean();
    },
    'guarded update (updateVersioned + outbox message)': async (worker: number, n: number) => {
      const id = caseId((worker * 997 + n * CONCURRENCY * 13) % size);
      const version =
        versions.get(id) ?? (await model.findById(id, { version: 1 }).lean<{ version: number }>())!.version;
      const update = withOutbox({ $set: { status: 'in_review', updatedAt: new Date() } }, [
        { id: `u-${worker}-${n}`, topic: 'govhall.applications.case', key: id, createdAt: new Date() },
      ]);
      await updateVersioned(model, id, version, update);
      versions.set(id, version + 1);
    },
    'insert (insertNew, unique case number, outbox message)': async (worker: number, n: number) => {
      const i = insertBase + worker * 1_000_000 + n;
      if (!(await insertNew(model, caseDocument(i, true) as never))) throw new Error('duplicate');
    },
    'outbox relay scan (outboxPending, limit 100)': () =>
      model.collection
        .find({ outboxPending: true }, { projection: { _id: 1 } })
        .limit(100)
        .toArray(),
    'department queue page (tenant + department + status, by deadline, 20)': () => {
      const i = pick();
      return model
        .find({ tenant: TENANTS[i % 6], department: `${TENANTS[i % 6]}-SCJG`, status: 'accepted' })
        .sort({ deadline: 1 })
        .limit(20)
        .lean();
    },
  };
}

async function measureAll(model: Model<any>, size: number, insertBase: number) {
  const results: Record<string, Measured> = {};
  for (const [name, op] of Object.entries(operations(model, size, insertBase))) {
    process.stderr.write(`  ${name} at ${size.toLocaleString('en')} … `);
    results[name] = await measure(op);
    process.stderr.write(`${fmt(results[name]!.perSecond, 0)}/s\n`);
    // Clear what the updates and inserts left pending so the next operation measures the same collection.
    await model.collection.updateMany({ outboxPending: true }, { $set: { outbox: [] }, $unset: { outboxPending: '' } });
  }
  return results;
}

async function main() {
  const runId = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const db = `govhall_bench_store_${runId.toLowerCase()}`;
  const connection = await connectMongo(stack.mongoUri, db);
  const model = connection.model('BenchCase', caseSchema);
  try {
    await ensureIndexes([model]);
    process.stderr.write(
      `store scale check on ${db}: ${SMALL.toLocaleString('en')} → ${LARGE.toLocaleString('en')} cases\n`,
    );
    const loadSmall = await bulkLoad(model.collection, 0, SMALL, (i) => caseDocument(i));
    const small = await measureAll(model, SMALL, 10_000_000);
    process.stderr.write(`bulk loading to ${LARGE.toLocaleString('en')} …\n`);
    const loadStarted = performance.now();
    const loadLarge = await bulkLoad(model.collection, SMALL, LARGE, (i) => caseDocument(i));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const large = await measureAll(model, LARGE, 20_000_000);

    const rows = Object.keys(small).map((name) => {
      const a = small[name]!;
      const b = large[name]!;
      return [
        name,
        `${fmt(a.perSecond, 0)} (${fmt(a.latency.p50, 2)} / ${fmt(a.latency.p99, 1)})`,
        `${fmt(b.perSecond, 0)} (${fmt(b.latency.p50, 2)} / ${fmt(b.latency.p99, 1)})`,
        fmt(ratio(b.latency.p50, a.latency.p50), 2),
        fmt(ratio(a.perSecond, b.perSecond), 2),
        `${a.errors}/${b.errors}`,
      ];
    });
    const rss = stackProcesses(STATE_DIR).map(readRss);
    out(
      `\nstore scale check ${runId}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    out(
      `${CONCURRENCY} operations in flight, ${SECONDS} s per operation; documents ~${Buffer.byteLength(JSON.stringify(caseDocument(1)))} B as JSON`,
    );
    out(
      `bulk load: ${fmt(loadSmall, 0)} documents/s to ${SMALL.toLocaleString('en')}, ${fmt(loadLarge, 0)} documents/s to ${LARGE.toLocaleString('en')} (${fmt(loadSeconds, 0)} s)\n`,
    );
    out(
      markdownTable(
        [
          'operation',
          `at ${SMALL.toLocaleString('en')}: ops/s (p50 / p99 ms)`,
          `at ${LARGE.toLocaleString('en')}: ops/s (p50 / p99 ms)`,
          'p50 ratio large/small',
          'cost ratio (ops/s small/large)',
          'errors',
        ],
        rows,
      ),
    );
    out(`\nRSS now (MiB): ${rss.map((r) => `${r.name} ${fmt(r.rssMiB, 0)}`).join(', ')}`);
    const dir = path.join(STATE_DIR, 'bench');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `store-${runId}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({ runId, SMALL, LARGE, SECONDS, CONCURRENCY, loadSmall, loadLarge, small, large, rss }, null, 2),
    );
    out(`results: ${file}`);
  } finally {
    if (process.env.STORE_KEEP !== '1') await connection.db!.dropDatabase();
    await connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`store scale check failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
