import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { expectIndexServed, stack, uniqueSuffix } from '@govhall/testing';
import { MongoAccountabilityStore } from '../src/adapters/mongo/accountability.repository';
import { MongoViolationStore } from '../src/adapters/mongo/violation.repository';

// The violation lists on the real local store: one tenant's, and a city's with its counties (an equality on the
// `scope` array), newest first; the start-up sync's pending accountability records.
const db = `govhall_supervision_vx${uniqueSuffix()}`;
let connection: Connection;

beforeAll(async () => {
  connection = await connectMongo(stack.mongoUri, db);
  await ensureIndexes([new MongoViolationStore(connection).model, new MongoAccountabilityStore(connection).model]);
  const tenants = ['620321', '620302', '620102'];
  const violations = Array.from({ length: 3000 }, (_, i) => {
    const tenant = tenants[i % 3]!;
    return {
      _id: `case-${i}.decision-past-limit`,
      tenant,
      scope: [tenant, `${tenant.slice(0, 4)}00`, `${tenant.slice(0, 2)}0000`],
      kind: 'decision_past_limit',
      state: 'open',
      occurredDate: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      version: 1,
    };
  });
  await connection.collection('violations').insertMany(violations as never[]);
  await connection.collection('accountabilities').insertMany(
    Array.from({ length: 500 }, (_, i) => ({
      _id: `acc-${i}`,
      tenant: '620321',
      ...(i === 7 ? { violationsPending: true } : {}),
    })) as never[],
  );
});

afterAll(async () => {
  await connection?.db?.dropDatabase();
  await connection?.close();
});

describe('violation hot queries use an index', () => {
  it("one tenant's violations, newest first", async () => {
    await expectIndexServed(connection.collection('violations'), { tenant: '620321' }, { occurredDate: -1, _id: 1 });
  });

  it("a city's violations with its counties, newest first", async () => {
    await expectIndexServed(connection.collection('violations'), { scope: '620300' }, { occurredDate: -1, _id: 1 });
  });

  it('the accountability records left pending by a crash', async () => {
    await expectIndexServed(connection.collection('accountabilities'), { violationsPending: true });
  });
});
