import { ConcurrencyError } from '@govhall/errors';
import { connectMongo, ensureIndexes, isDuplicateKeyError, mongoose, updateVersioned } from '@govhall/mongo';
import { stack, uniqueSuffix } from '../src';

// Against the real MongoDB-compatible database (FerretDB locally): optimistic concurrency and declared indexes.
const schema = new mongoose.Schema(
  { _id: String, tenant: String, code: String, name: String, version: Number },
  { collection: 'things', versionKey: false },
);
// Serves the uniqueness of a code within a tenant.
schema.index({ tenant: 1, code: 1 }, { unique: true });

describe('mongo kit', () => {
  const db = `govhall_kit_m${uniqueSuffix()}`;
  let connection: mongoose.Connection;
  let Thing: mongoose.Model<any, object, object, any>;

  beforeAll(async () => {
    connection = await connectMongo(stack.mongoUri, db);
    Thing = connection.model('Thing', schema);
    await ensureIndexes([Thing]);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  // Two writers in one process (how every service runs on FerretDB, which lacks atomic conditional updates;
  // on MongoDB the database itself decides, see @govhall/mongo DocumentLocks).
  it('lets exactly one of two writers with the same expected version win', async () => {
    await Thing.create({ _id: 't1', tenant: '620321', code: 'A', name: '原名', version: 1 });
    const results = await Promise.allSettled([
      updateVersioned(Thing, 't1', 1, { $set: { name: '甲' } }),
      updateVersioned(Thing, 't1', 1, { $set: { name: '乙' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
    const doc = await Thing.findById('t1').lean<{ version: number; name: string }>();
    expect(doc?.version).toBe(2);
    expect(['甲', '乙']).toContain(doc?.name);
  });

  it('enforces the declared unique index', async () => {
    await Thing.create({ _id: 't2', tenant: '620321', code: 'B', name: 'x', version: 1 });
    const dup = await Thing.create({ _id: 't3', tenant: '620321', code: 'B', name: 'y', version: 1 }).catch(
      (e: unknown) => e,
    );
    expect(isDuplicateKeyError(dup)).toBe(true);
    await expect(Thing.create({ _id: 't4', tenant: '620302', code: 'B', name: 'z', version: 1 })).resolves.toBeTruthy();
  });
});
