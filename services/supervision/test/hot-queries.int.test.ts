import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { expectIndexServed, stack, uniqueSuffix } from '@govhall/testing';
import { MongoEventJournal } from '../src/adapters/mongo/event-journal.repository';

// Supervision's hot queries on the real local store: the consumer inbox (one point read per event) and an
// aggregate's journal must be served by an index.
const db = `govhall_supervision_x${uniqueSuffix()}`;
let connection: Connection;

beforeAll(async () => {
  connection = await connectMongo(stack.mongoUri, db);
  await ensureIndexes([new MongoEventJournal(connection).model]);
  const events = Array.from({ length: 3000 }, (_, i) => ({
    _id: `event-${i}`,
    aggregateId: `item-${i % 300}`,
    aggregateVersion: Math.floor(i / 300) + 1,
    type: 'govhall.catalogue.v1.ItemSubmitted',
    occurredAt: new Date(2026, 0, 1),
  }));
  await connection.collection('recorded_events').insertMany(events as never[]);
  await connection
    .collection('inbox_journal')
    .insertMany(events.map((e) => ({ _id: e._id, type: e.type, handledAt: new Date() })) as never[]);
});

afterAll(async () => {
  await connection?.db?.dropDatabase();
  await connection?.close();
});

describe('supervision hot queries use an index', () => {
  it('the consumer inbox: was this event handled?', async () => {
    await expectIndexServed(connection.collection('inbox_journal'), { _id: 'event-7' });
  });

  it('an aggregate’s journal, in version order', async () => {
    await expectIndexServed(
      connection.collection('recorded_events'),
      { aggregateId: 'item-7' },
      { aggregateVersion: 1, occurredAt: 1 },
    );
  });
});
