import { randomUUID } from 'node:crypto';
import { PENDING_OUTBOX_FILTER } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { expectIndexServed, stack, uniqueSuffix } from '@govhall/testing';
import { composeCatalogue } from '../src/compose';

// The catalogue's hot queries, asked of the real local store with the indexes the service declares: each one
// must be served by an index (on FerretDB/PostgreSQL: pushed down to SQL and answered by the GIN twin of the
// declared index, deploy/stack/ferretdb-postgresql.sql), not by decoding every document.
const db = `govhall_catalogue_x${uniqueSuffix()}`;
let connection: Connection;
const TENANTS = ['620321', '620302', '620300'];
const STATUSES = ['draft', 'submitted', 'published', 'superseded', 'retired'];

let closeIdentity: (() => void) | undefined;

beforeAll(async () => {
  connection = await connectMongo(stack.mongoUri, db);
  const catalogue = composeCatalogue({
    connection,
    logger: createLogger('hot-queries', 'silent'),
    hostedTenants: [],
    liveIndex: false,
    // Never called here: the queries under test are the catalogue's own.
    identity: { address: '127.0.0.1:1' },
  });
  closeIdentity = () => catalogue.identity.close();
  await ensureIndexes(catalogue.models);
  // Enough documents that reading them all would show in the plan (and the planner prefers an index).
  const items = Array.from({ length: 3000 }, (_, i) => ({
    _id: `item-${i}`,
    tenant: TENANTS[i % 3],
    idempotencyKey: `key-${i}`,
    seriesId: `series-${Math.floor(i / 2)}`,
    edition: (i % 2) + 1,
    status: STATUSES[i % 5],
    basicCode: String(100000000000 + Math.floor(i / 2)), // one series per basic code per tenant
    version: 1,
    name: `事项${i}`,
    content: { materials: [] },
    outbox: [],
    ...(i % 500 === 0 ? { outboxPending: true } : {}),
  }));
  await connection.collection('items').insertMany(items as never[]);
  await connection
    .collection('calendar_overrides')
    .insertMany(
      Array.from({ length: 3000 }, (_, i) => ({ _id: `62${String(i).padStart(4, '0')}`, version: 1 })) as never[],
    );
});

afterAll(async () => {
  closeIdentity?.();
  await connection?.db?.dropDatabase();
  await connection?.close();
});

const items = () => connection.collection('items');

describe('catalogue hot queries use an index', () => {
  it.each([
    ['an item by id', { _id: 'item-42' }],
    ['a draft by idempotency key (retried create)', { tenant: '620321', idempotencyKey: 'key-42' }],
    ['a version-guarded update', { _id: 'item-42', version: 1 }],
    ['the editions of a series', { seriesId: 'series-21', status: { $in: ['published', 'superseded'] } }],
    ['the published items (search index load)', { status: 'published' }],
    [
      'a tenant’s published items of some basic codes (agent grants)',
      { tenant: '620321', status: 'published', basicCode: { $in: ['100000000042', '100000000043'] } },
    ],
    ['a lease-guarded outbox claim', { _id: 'item-500', $or: [{ outboxLease: { $exists: false } }] }],
  ])('%s', async (_what, filter) => {
    await expectIndexServed(items(), filter);
  });

  it('a page of a tenant’s items of one status', async () => {
    await expectIndexServed(items(), { tenant: '620321', status: 'published' }, { basicCode: 1, edition: 1, _id: 1 });
  });

  it('the outbox relay’s pending scan', async () => {
    const plan = await expectIndexServed(items(), {
      ...PENDING_OUTBOX_FILTER,
      $or: [{ outboxLease: { $exists: false } }, { outboxLease: null }, { 'outboxLease.until': { $lt: new Date() } }],
    });
    expect(plan.indexes.join(' ')).toMatch(/outboxpending/i);
  });

  it('a tenant’s calendar overrides', async () => {
    await expectIndexServed(connection.collection('calendar_overrides'), { _id: '620321' });
  });

  it('an uploaded file by id and by content', async () => {
    const files = connection.collection('item_files');
    await files.insertMany(
      Array.from({ length: 2000 }, (_, i) => ({
        _id: randomUUID(),
        tenant: TENANTS[i % 3],
        sha256: `${i}`.padStart(64, '0'),
        fileName: `表格${i}.pdf`,
        contentType: 'application/pdf',
      })) as never[],
    );
    await expectIndexServed(files, { _id: 'x' });
    await expectIndexServed(files, {
      tenant: '620321',
      sha256: '0'.repeat(64),
      fileName: '表格0.pdf',
      contentType: 'application/pdf',
    });
  });
});
