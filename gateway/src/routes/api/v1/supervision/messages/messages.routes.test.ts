import { NotFoundError } from '@govhall/errors';
import { supervisionV1 as S } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../../lib/fake-grpc-server.test-double';
import { at, CHINESE, CLERK, TENANT } from '../supervision.fixtures.test-double';

const ID = 'c1.statutory.exceeded.1:clerk-a';
const message: S.StaffMessage = {
  id: ID,
  tenant: TENANT,
  relation: 'responsible',
  signalId: 'c1.statutory.exceeded.1',
  matterId: 'c1',
  level: S.SignalLevel.SIGNAL_LEVEL_RED,
  title: '【红牌】食品经营许可（620321202603020001）',
  text: '您收到此消息，是因为您是该事项的责任人。',
  createdAt: at,
};

const fx = useRouteFixture(async () =>
  routeFixture(
    'supervision',
    await startFakeGrpcServers([
      fakeService(S.StaffMessageServiceService, {
        listMyMessages: async () => ({ messages: [message], page: { nextPageToken: '', total: 3 } }),
        markMessageRead: async (req) => {
          if (req.id !== ID) throw new NotFoundError('MESSAGE_NOT_FOUND', '未找到该消息');
          return { message: { ...message, readAt: at } };
        },
      }),
    ]),
    fakeVerifier(TENANT, { clerk: ['window_clerk'], applicant: ['applicant'] }),
  ),
);

describe('supervision routes: my site messages', () => {
  it('lists my unread messages with the count the service answers', async () => {
    const res = await fx.app.inject({
      url: '/api/v1/supervision/messages/mine?unreadOnly=true&pageSize=5',
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({ unreadOnly: true, page: { pageSize: 5 } });
    expect(res.json()).toEqual({
      messages: [
        {
          id: ID,
          tenant: TENANT,
          relation: 'responsible',
          signalId: 'c1.statutory.exceeded.1',
          matterId: 'c1',
          level: 'red',
          title: message.title,
          text: message.text,
          createdAt: at.toISOString(),
        },
      ],
      total: 3,
    });
  });

  it('marks one read, and answers 404 for one that is not mine', async () => {
    const res = await fx.app.inject({ method: 'POST', url: `/api/v1/supervision/messages/${ID}/read`, headers: CLERK });
    expect(res.json()).toMatchObject({ message: { id: ID, readAt: at.toISOString() } });
    const other = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/messages/c1.statutory.exceeded.1:someone/read',
      headers: CLERK,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().detail).toMatch(CHINESE);
  });

  it('refuses a malformed id before calling the service, and applicants', async () => {
    const bad = await fx.app.inject({ method: 'POST', url: '/api/v1/supervision/messages/a%20b/read', headers: CLERK });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail ?? JSON.stringify(bad.json())).toMatch(CHINESE);
    const applicant = await fx.app.inject({
      url: '/api/v1/supervision/messages/mine',
      headers: { authorization: 'Bearer applicant' },
    });
    expect(applicant.statusCode).toBe(403);
    expect(fx.fake.calls).toHaveLength(0);
  });
});
