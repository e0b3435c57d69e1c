import { ConflictError, NotFoundError, ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const ID = '7b0f3c2e-1d4a-4e8b-9c6f-2a5d8e1b3c4f';
const CITIZEN = { authorization: 'Bearer citizen' };
const CLERK = { authorization: 'Bearer clerk' };

const session = C.LiveSession.fromPartial({
  id: ID,
  number: 'HH6203212026120700001',
  tenant: TENANT,
  itemId: 'item-food',
  itemCode: 'SPJY00000001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  status: C.LiveSessionStatus.LIVE_SESSION_STATUS_WAITING,
  messages: [
    {
      seq: 1,
      from: C.LiveSpeaker.LIVE_SPEAKER_ASKER,
      text: '需要现场核查吗？',
      at: new Date('2026-12-07T02:00:00Z'),
    },
  ],
  messageCount: 1,
  openedAt: new Date('2026-12-07T02:00:00Z'),
  version: 1,
  mine: true,
});
const active = {
  ...session,
  status: C.LiveSessionStatus.LIVE_SESSION_STATUS_ACTIVE,
  staffUsername: 'yc-clerk',
  staffName: '王清',
  acceptedAt: new Date('2026-12-07T02:01:00Z'),
  version: 2,
};

const fx = useRouteFixture(async () =>
  routeFixture(
    'complaints',
    await startFakeGrpcServers([
      fakeService(C.LiveConsultationServiceService, {
        openLiveSession: async (req) => {
          if (req.itemId === 'elsewhere') {
            throw new ValidationError([{ path: 'itemId', reason: 'NOT_FOUND', message: '在该地区找不到该事项' }]);
          }
          return { session: { ...session, bookedFor: req.bookedFor } };
        },
        getLiveSession: async (req) => {
          if (req.id !== ID) throw new NotFoundError('LIVE_SESSION_NOT_FOUND', '找不到该在线咨询');
          return { session };
        },
        listMyLiveSessions: async () => ({ sessions: [session], page: { nextPageToken: '', total: 1 } }),
        listLiveQueue: async () => ({ sessions: [session] }),
        acceptLiveSession: async () => {
          throw new ConflictError('SESSION_TAKEN', '该在线咨询已由王清接待');
        },
        postLiveMessage: async (req) => ({
          session: {
            ...active,
            messages: [
              ...session.messages,
              { seq: 2, from: C.LiveSpeaker.LIVE_SPEAKER_ASKER, authorName: '', text: req.text, at: new Date() },
            ],
            messageCount: 2,
          },
        }),
        closeLiveSession: async () => ({
          session: { ...active, status: C.LiveSessionStatus.LIVE_SESSION_STATUS_CLOSED },
        }),
        watchLiveSession: async function* () {
          yield { session };
          yield { session: { ...active, messages: [] } };
        },
        watchLiveQueue: async function* () {
          yield { sessions: [session] };
        },
      }),
    ]),
    fakeVerifier(TENANT, { citizen: ['applicant'], clerk: ['window_clerk'] }),
  ),
);

const opening = (over: object = {}) => ({
  tenant: TENANT,
  itemId: 'item-food',
  question: '需要现场核查吗？',
  requestId: 'req-hh-00000001',
  ...over,
});

describe('live consultation routes', () => {
  it('opens a session now or booked: 201, the session as REST spells it', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/live-consultations',
      headers: CITIZEN,
      payload: opening({ bookedFor: '2026-12-08T06:30:00Z' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().session).toMatchObject({
      number: 'HH6203212026120700001',
      status: 'waiting',
      bookedFor: '2026-12-08T06:30:00.000Z',
      messages: [{ seq: 1, from: 'asker', text: '需要现场核查吗？' }],
      acceptedAt: null,
      mine: true,
    });
    expect(fx.lastCall().request.bookedFor).toEqual(new Date('2026-12-08T06:30:00Z'));
  });

  it('refuses an anonymous opener and bad fields before the service; the service’s refusal reaches its field', async () => {
    expect(
      (await fx.app.inject({ method: 'POST', url: '/api/v1/live-consultations', payload: opening() })).statusCode,
    ).toBe(401);
    const bad = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/live-consultations',
      headers: CITIZEN,
      payload: opening({ question: '', bookedFor: 'tomorrow', requestId: 'x' }),
    });
    expect(bad.statusCode).toBe(400);
    expect([...new Set((bad.json().errors as { path: string }[]).map((e) => e.path))].sort()).toEqual([
      'bookedFor',
      'question',
      'requestId',
    ]);
    expect(fx.fake.calls).toEqual([]);
    const elsewhere = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/live-consultations',
      headers: CITIZEN,
      payload: opening({ itemId: 'elsewhere' }),
    });
    expect([elsewhere.statusCode, elsewhere.json().errors[0].path]).toEqual([400, 'itemId']);
  });

  it('reads, lists, talks and ends; an applicant may not read the queue or take a session up', async () => {
    const got = await fx.app.inject({ method: 'GET', url: `/api/v1/live-consultations/${ID}`, headers: CITIZEN });
    expect([got.statusCode, got.json().session.messageCount]).toEqual([200, 1]);
    const missing = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/live-consultations/00000000-0000-4000-8000-000000000000',
      headers: CITIZEN,
    });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'LIVE_SESSION_NOT_FOUND']);
    const mine = await fx.app.inject({ method: 'GET', url: '/api/v1/live-consultations/mine', headers: CITIZEN });
    expect([mine.statusCode, mine.json().total]).toEqual([200, 1]);
    for (const [method, url] of [
      ['GET', '/api/v1/live-consultations/queue'],
      ['POST', `/api/v1/live-consultations/${ID}/accept`],
    ] as const) {
      expect((await fx.app.inject({ method, url, headers: CITIZEN })).statusCode).toBe(403);
    }
    const queue = await fx.app.inject({ method: 'GET', url: '/api/v1/live-consultations/queue', headers: CLERK });
    expect([queue.statusCode, queue.json().sessions.length]).toEqual([200, 1]);
    const taken = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/live-consultations/${ID}/accept`,
      headers: CLERK,
    });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'SESSION_TAKEN']);
    const said = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/live-consultations/${ID}/messages`,
      headers: CITIZEN,
      payload: { text: '谢谢' },
    });
    expect([said.statusCode, said.json().session.messages.at(-1).text]).toEqual([201, '谢谢']);
    const empty = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/live-consultations/${ID}/messages`,
      headers: CITIZEN,
      payload: { text: '' },
    });
    expect(empty.statusCode).toBe(400);
    const closed = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/live-consultations/${ID}/close`,
      headers: CITIZEN,
    });
    expect([closed.statusCode, closed.json().session.status]).toEqual([200, 'closed']);
  });

  it('a watch relays the session’s changes as session events and ends with the stream', async () => {
    const res = await fx.app.inject({
      method: 'GET',
      url: `/api/v1/live-consultations/${ID}/watch?afterSeq=0`,
      headers: CITIZEN,
    });
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const events = res.body
      .split('\n\n')
      .filter((block) => block.startsWith('id:'))
      .map((block) => {
        const [, event, data] = block.split('\n');
        return [event, JSON.parse(data!.slice('data: '.length)).session.status];
      });
    expect(events).toEqual([
      ['event: session', 'waiting'],
      ['event: session', 'active'],
    ]);
    expect(fx.lastCall().request).toMatchObject({ id: ID, afterSeq: 0 });
    const queue = await fx.app.inject({ method: 'GET', url: '/api/v1/live-consultations/queue/watch', headers: CLERK });
    expect(queue.body).toContain('event: queue');
    const refused = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/live-consultations/queue/watch',
      headers: CITIZEN,
    });
    expect(refused.statusCode).toBe(403);
  });
});
