import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { createKafka, createProducer, encodeEnvelope, type Producer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { applicationsV1 } from '@govhall/proto';
import { grpcFailure, stack, startGroupAtTopicEnd, waitFor } from '@govhall/testing';
import { CASE_TOPIC, CasesWorld, TRANSITIONED, testItem, type Applicant } from './cases-world';
import { NOTIFIER_TOPICS } from '../src/adapters/kafka/notify-on-case.consumer';

// In-site notifications (消息) against the real stack: a transition read back from Kafka by the service's notifier
// becomes a notification of the applicant who filed the case, once, and nobody else's.
const world = new CasesWorld({ name: 'notifications', tag: 'n', events: true });
const notifierGroup = `applications-notifier-n${world.suffix}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let itemId: string;
let applicant: Applicant;
let other: Applicant;
let producer: Producer;

type CaseAnswer = { case?: applicationsV1.Case };
const key = () => `k-${randomBytes(8).toString('hex')}`;
const list = (token: string, req: Partial<applicationsV1.ListMyNotificationsRequest> = {}) =>
  world.call<applicationsV1.ListMyNotificationsRequest, applicationsV1.ListMyNotificationsResponse>(
    'listMyNotifications',
    { page: undefined, unreadOnly: false, ...req },
    token,
  );

beforeAll(async () => {
  await world.start();
  const [reviewer, a, b] = await Promise.all([
    world.createStaff('reviewer'),
    world.createStaff('window_clerk'),
    world.createStaff('window_clerk'),
  ]);
  await world.createWindow({ name: '消息测试窗口', aPost: a, bPost: b });
  itemId = (await world.publishItem(testItem('消息测试许可'), reviewer.username)).id;
  await startGroupAtTopicEnd(notifierGroup, [...NOTIFIER_TOPICS]);
  await world.startApplications({
    GOVHALL_TENANTS: '620321',
    NOTIFIER_GROUP_ID: notifierGroup,
    // A service account of 永昌县 asks identity for the window's clerk (submission needs a window).
    SERVICE_CLIENT_ID: 'govhall-dept-demo',
    SERVICE_CLIENT_SECRET: 'govhall-dept-demo-secret',
  });
  [applicant, other] = [await world.registerPerson('钱消息'), await world.registerPerson('孙旁人')];
  producer = await createProducer(
    createKafka('notifications-test', stack.kafkaBrokers.split(','), createLogger('test', 'warn')),
  );
}, 300_000);

afterAll(async () => {
  await producer?.disconnect();
  await world.stop();
});

/** Opens, uploads, submits and withdraws a case of the caller (its contact: the mobile of the identity profile). */
async function withdrawnCase(token: string): Promise<applicationsV1.Case> {
  const call = <Req>(rpc: keyof applicationsV1.ApplicationsServiceClient, req: Req) =>
    world.call<Req, CaseAnswer>(rpc, req, token).then((r) => r.case!);
  let c = await call('openCase', {
    idempotencyKey: key(),
    itemId,
    onBehalfOf: '',
    formData: JSON.stringify({ shopName: '钱消息小吃店' }),
    contact: { mobile: '', email: '' },
  });
  c = await call('uploadMaterial', { id: c.id, materialId: 'id-card', fileName: '身份证.pdf', content: PDF });
  c = await call('completeUpload', { id: c.id, expectedVersion: c.version });
  c = await call('submitCase', { id: c.id, expectedVersion: c.version, idempotencyKey: key() });
  return call('withdrawCase', { id: c.id, expectedVersion: c.version, reason: '不再经营' });
}

describe('in-site notifications', () => {
  it('a transition becomes one notification of its applicant, read/unread; a redelivery adds nothing; others see none', async () => {
    const token = await applicant.token();
    const c = await withdrawnCase(token);
    expect(c.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_WITHDRAWN);

    const found = await waitFor(
      async () => {
        const page = await list(token);
        return page.notifications.length > 0 && page;
      },
      { timeoutMs: 30_000, what: 'the notification of the withdrawal' },
    );
    const withdrawal = world.events
      .of(CASE_TOPIC, c.id, TRANSITIONED)
      .find(
        (e) =>
          applicationsV1.CaseTransitioned.decode(e.envelope.payload).transition ===
          applicationsV1.Transition.TRANSITION_WITHDRAWN,
      )!;
    expect(found.unread).toBe(1);
    expect(found.page?.total).toBe(1);
    expect(found.notifications).toEqual([
      expect.objectContaining({
        id: `${withdrawal.envelope.id}:site`,
        kind: 'withdrawn',
        caseId: c.id,
        caseNumber: c.caseNumber,
        itemName: '消息测试许可',
        title: '撤回确认：消息测试许可',
        readAt: undefined,
      }),
    ]);
    expect(found.notifications[0]!.text).toContain('按您的申请撤回，办理终止');
    // Beside it, the SMS to the mobile the case has, from the same event (the same wording's short form).
    const ledger = await world.collection('notifications').find({ caseNumber: c.caseNumber }).toArray();
    expect(ledger.map((n) => n._id)).toEqual([`${withdrawal.envelope.id}:sms`]);

    // A redelivery past the consumer's own inbox (as after a crash before it recorded the event): nothing new.
    await world.collection('inbox_notifier').deleteOne({ _id: withdrawal.envelope.id as never });
    await producer.send({ topic: CASE_TOPIC, messages: [{ key: c.id, value: encodeEnvelope(withdrawal.envelope) }] });
    await waitFor(
      async () =>
        (await world.collection('inbox_notifier').countDocuments({ _id: withdrawal.envelope.id as never })) > 0,
      { timeoutMs: 30_000, what: 'the redelivered event to be handled again' },
    );
    expect(await world.collection('site_notifications').countDocuments({ caseId: c.id })).toBe(1);

    // Another applicant sees none and cannot mark it read.
    const otherToken = await other.token();
    expect(await list(otherToken)).toMatchObject({ notifications: [], unread: 0, page: { total: 0 } });
    const notOurs = await world.call<
      applicationsV1.MarkNotificationsReadRequest,
      applicationsV1.MarkNotificationsReadResponse
    >('markNotificationsRead', { ids: [found.notifications[0]!.id], all: false }, otherToken);
    expect(notOurs).toEqual({ marked: 0, unread: 0 });

    // Bad input: InvalidArgument at the field, nothing changed.
    const badSize = await grpcFailure(list(token, { page: { pageSize: 500, pageToken: '' } }));
    expect([badSize.code, badSize.violations.map((v) => v.path)]).toEqual([status.INVALID_ARGUMENT, ['page.pageSize']]);
    const badMark = await grpcFailure(world.call('markNotificationsRead', { ids: [], all: false }, token));
    expect([badMark.code, badMark.violations.map((v) => v.path)]).toEqual([status.INVALID_ARGUMENT, ['ids']]);

    // The applicant marks it read.
    const marked = await world.call<
      applicationsV1.MarkNotificationsReadRequest,
      applicationsV1.MarkNotificationsReadResponse
    >('markNotificationsRead', { ids: [found.notifications[0]!.id], all: false }, token);
    expect(marked).toEqual({ marked: 1, unread: 0 });
    const after = await list(token);
    expect(after.unread).toBe(0);
    expect(after.notifications[0]!.readAt).toBeInstanceOf(Date);
    expect((await list(token, { unreadOnly: true })).notifications).toEqual([]);
  });
});
