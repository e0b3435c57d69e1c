import { PENDING_OUTBOX_FILTER } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { NotificationLedger } from '@govhall/notify';
import { expectIndexServed, stack, uniqueSuffix } from '@govhall/testing';
import { composeApplications } from '../src/compose';
import { queueKey } from '../src/domain/case-lists';
import type { MongoNotificationInbox } from '../src/adapters/mongo/site-notifications.repository';

// The cases service's hot queries, asked of the real local store with the indexes the service declares: each one
// must be served by an index (on FerretDB/PostgreSQL: pushed down to SQL and answered by the GIN twin of the
// declared index, deploy/stack/ferretdb-postgresql.sql), not by decoding every document. The filters are the ones
// the repositories send (src/adapters/mongo, @govhall/notify's ledger); query-coverage.test.ts proves the same
// shapes against the declared indexes without a database.
const db = `govhall_applications_x${uniqueSuffix()}`;
let connection: Connection;
let close: (() => void) | undefined;
let siteInbox: MongoNotificationInbox;

const TENANTS = ['620321', '620302', '620300'];
const STATUSES = ['draft', 'pre_review', 'processing', 'completed', 'archived'];
const DEPARTMENT = (i: number) => `${TENANTS[i % 3]}-D${i % 7}`;

beforeAll(async () => {
  connection = await connectMongo(stack.mongoUri, db);
  const app = composeApplications({
    connection,
    logger: createLogger('hot-queries', 'silent'),
    hostedTenants: [],
    // Never called here: the queries under test are the service's own.
    catalogueAddress: '127.0.0.1:1',
    identityAddress: '127.0.0.1:1',
    publicUrl: 'http://127.0.0.1',
  });
  close = app.close;
  siteInbox = app.inbox;
  await ensureIndexes(app.models);
  await new NotificationLedger(connection).ensureIndexes();
  // Enough documents that reading them all would show in the plan (and the planner prefers an index).
  const cases = Array.from({ length: 3000 }, (_, i) => {
    const tenant = TENANTS[i % 3]!;
    const status = STATUSES[i % 5]!;
    return {
      _id: `case-${i}`,
      caseNumber: `${tenant}20260302${String(i).padStart(5, '0')}`,
      tenant,
      status,
      version: 1,
      channel: i % 2 ? 'online' : 'counter',
      department: DEPARTMENT(i),
      createdBy: `applicant-${i % 300}`,
      idempotencyKey: `key-${i}`,
      ownerSubject: `subject-${i % 300}`,
      myList: status === 'draft' ? 'drafts' : status === 'processing' ? 'in_progress' : 'completed',
      queues:
        status === 'pre_review'
          ? [queueKey(tenant, { window: `w-${i % 11}` }), queueKey(tenant, { window: `w-${i % 11}` }, 'promised')]
          : status === 'processing'
            ? [
                queueKey(tenant, { department: DEPARTMENT(i), role: 'reviewer' }),
                queueKey(tenant, { department: DEPARTMENT(i) }),
              ]
            : [],
      dueDate: `2026-03-${String(10 + (i % 18)).padStart(2, '0')}`,
      receivedMonth: `2026-${String(1 + (i % 12)).padStart(2, '0')}`,
      clocks: {
        receivedDate: '2026-03-02',
        acceptedDate: '',
        noticeDueDate: `2026-03-${String(3 + (i % 20)).padStart(2, '0')}`,
      },
      updatedAt: new Date(Date.UTC(2026, 2, 2, 0, i % 60)),
      outbox: [],
      ...(i % 500 === 0 ? { outboxPending: true } : {}),
    };
  });
  await connection.collection('cases').insertMany(cases as never[]);
  await connection.collection('notifications').insertMany(
    Array.from({ length: 3000 }, (_, i) => ({
      _id: `evt-${i}:email`,
      state: ['pending', 'sending', 'sent', 'failed'][i % 4],
      nextAttemptAt: new Date(Date.UTC(2026, 2, 2, 0, i % 60)),
      leaseUntil: new Date(Date.UTC(2026, 2, 2, 0, i % 60)),
      caseNumber: `62032120260302${String(i % 1000).padStart(5, '0')}`,
      createdAt: new Date(Date.UTC(2026, 2, 2)),
      day: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      version: 1,
    })) as never[],
  );
});

afterAll(async () => {
  close?.();
  await connection?.db?.dropDatabase();
  await connection?.close();
});

const cases = () => connection.collection('cases');

describe('applications hot queries use an index', () => {
  it.each([
    ['a case by id (every act, GetCase)', { _id: 'case-42' }],
    ['a version-guarded save', { _id: 'case-42', version: 1 }],
    ['a case by case number (progress query)', { caseNumber: '62032120260302' + '00042' }],
    [
      'a retried OpenCase / RegisterWalkIn by the caller and key',
      { createdBy: 'applicant-42', idempotencyKey: 'key-42' },
    ],
  ])('%s', async (_what, filter) => {
    await expectIndexServed(cases(), filter);
  });

  it.each([
    ["a window's pre-review queue", queueKey('620321', { window: 'w-3' })],
    ["a window's pre-review queue of one kind (承诺件)", queueKey('620321', { window: 'w-3' }, 'promised')],
    ["a department's reviewer queue", queueKey('620321', { department: '620321-D3', role: 'reviewer' })],
    ["a department's open cases", queueKey('620321', { department: '620321-D3' })],
  ])('the queue keys: %s, earliest due first', async (_what, key) => {
    await expectIndexServed(cases(), { queues: key }, { dueDate: 1, _id: 1 });
  });

  it("an applicant's list (A26), most recently changed first", async () => {
    await expectIndexServed(cases(), { ownerSubject: 'subject-42', myList: 'in_progress' }, { updatedAt: -1, _id: 1 });
  });

  it("a tenant's ledger month (A33), by case number", async () => {
    await expectIndexServed(cases(), { tenant: '620321', receivedMonth: '2026-03' }, { caseNumber: 1 });
  });

  it('the deemed-acceptance sweep (law §32): online cases in pre-review past their notice day', async () => {
    await expectIndexServed(
      cases(),
      { status: 'pre_review', channel: 'online', 'clocks.noticeDueDate': { $lt: '2026-03-10', $gt: '' } },
      { 'clocks.noticeDueDate': 1 },
    );
  });

  it('the outbox relay’s pending scan', async () => {
    const plan = await expectIndexServed(cases(), {
      ...PENDING_OUTBOX_FILTER,
      $or: [{ outboxLease: { $exists: false } }, { outboxLease: null }, { 'outboxLease.until': { $lt: new Date() } }],
    });
    expect(plan.indexes.join(' ')).toMatch(/outboxpending/i);
  });

  it("the notification dispatcher's due and abandoned entries, a case's notifications, a day's expiry", async () => {
    const notifications = connection.collection('notifications');
    const now = new Date(Date.UTC(2026, 2, 2, 0, 30));
    await expectIndexServed(notifications, { state: 'pending', nextAttemptAt: { $lte: now } }, { nextAttemptAt: 1 });
    await expectIndexServed(notifications, { state: 'sending', leaseUntil: { $lt: now } }, { nextAttemptAt: 1 });
    await expectIndexServed(notifications, { caseNumber: '6203212026030200042' }, { createdAt: 1 });
    await expectIndexServed(notifications, { day: '2026-03-02' });
  });

  it('in-site notifications expire a day at a time after their retention, read or not; newer ones stay', async () => {
    const DAY = 86_400_000;
    const now = new Date(Date.UTC(2027, 0, 10, 3));
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    const recipient = `subject-expiry-${uniqueSuffix()}`;
    const note = (daysAgo: number, read: boolean) => ({
      id: `expiry-${recipient}-${daysAgo}:site`,
      recipient,
      tenant: '620321',
      kind: 'accepted' as const,
      caseId: 'case-1',
      caseNumber: '6203212026030200001',
      itemName: '食品经营许可',
      title: '已受理',
      text: '您的申请已受理。',
      createdAt: at(daysAgo),
      ...(read ? { readAt: at(daysAgo) } : {}),
    });
    for (const [daysAgo, read] of [
      [400, false],
      [366, true],
      [365, false],
      [364, true],
      [10, false],
    ] as const)
      await siteInbox.add(note(daysAgo, read));
    const left = async () =>
      (await siteInbox.listFor(recipient, { unreadOnly: false }, 0, 10)).notifications.map((n) =>
        Math.round((now.getTime() - n.createdAt.getTime()) / DAY),
      );

    // 365 days kept: the first sweep removes the days that ended before the day that began 365 days ago.
    expect(await siteInbox.expire(now, 365 * DAY)).toBe(2);
    expect(await left()).toEqual([10, 364, 365]);
    // Two days later, the two days that ran out are deleted one {day} at a time.
    expect(await siteInbox.expire(new Date(now.getTime() + 2 * DAY), 365 * DAY)).toBe(2);
    expect(await left()).toEqual([10]);
    await expectIndexServed(connection.collection('site_notifications'), { day: '2026-01-10' });
  });
});
