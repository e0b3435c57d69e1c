import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { expectIndexServed, stack, uniqueSuffix } from '@govhall/testing';
import { MongoEventJournal } from '../src/adapters/mongo/event-journal.repository';
import { MongoMatterStore } from '../src/adapters/mongo/matter-store.repository';

// Supervision's hot queries on the real local store: the consumer inbox (one point read per event) and an
// aggregate's journal must be served by an index.
const db = `govhall_supervision_x${uniqueSuffix()}`;
let connection: Connection;

beforeAll(async () => {
  connection = await connectMongo(stack.mongoUri, db);
  await ensureIndexes([new MongoEventJournal(connection).model, new MongoMatterStore(connection).model]);
  const tenants = ['620321', '620302', '620102'];
  const states = ['running', 'paused', 'stopped', 'not_started'];
  await connection.collection('matters').insertMany(
    Array.from({ length: 3000 }, (_, i) => {
      const day = `2026-11-${String((i % 28) + 1).padStart(2, '0')}`;
      return {
        _id: `case-${i}`,
        tenant: tenants[i % 3],
        state: states[i % 4],
        signalRank: i % 4,
        windowId: `w-${i % 7}`,
        receivedDate: day,
        acceptedDate: day,
        endedDate: i % 4 === 2 ? day : '',
        onTime: true,
        overdue: false,
      };
    }) as never[],
  );
  const events = Array.from({ length: 3000 }, (_, i) => ({
    _id: `event-${i}`,
    aggregateId: `item-${i % 300}`,
    aggregateVersion: Math.floor(i / 300) + 1,
    type: 'govhall.catalogue.v1.ItemSubmitted',
    occurredAt: new Date(2026, 0, 1),
  }));
  await connection.collection('recorded_events').insertMany(events as never[]);
  await connection
    .collection('inbox_messages')
    .insertMany(events.map((e) => ({ _id: e._id, type: e.type, handledAt: new Date() })) as never[]);
});

afterAll(async () => {
  await connection?.db?.dropDatabase();
  await connection?.close();
});

describe('supervision hot queries use an index', () => {
  it("the hall's day (GetHallToday): received, accepted and completed on a day, open matters by state", async () => {
    const matters = connection.collection('matters');
    await expectIndexServed(matters, { receivedDate: '2026-11-03', tenant: '620321' });
    await expectIndexServed(matters, { acceptedDate: '2026-11-03', tenant: '620321' });
    await expectIndexServed(matters, { endedDate: '2026-11-03', tenant: '620321' });
    await expectIndexServed(matters, { state: 'running', tenant: '620321' });
    // A city with its districts: the day's or the state's equality is served, the prefix matched among those.
    await expectIndexServed(matters, { receivedDate: '2026-11-03', tenant: { $regex: '^6203' } });
    await expectIndexServed(matters, { state: 'paused', tenant: { $regex: '^6203' } });
  });

  it('the consumer inbox: was this event handled?', async () => {
    await expectIndexServed(connection.collection('inbox_messages'), { _id: 'event-7' });
  });

  it('an aggregate’s journal, in version order', async () => {
    await expectIndexServed(
      connection.collection('recorded_events'),
      { aggregateId: 'item-7' },
      { aggregateVersion: 1, occurredAt: 1 },
    );
  });
});
