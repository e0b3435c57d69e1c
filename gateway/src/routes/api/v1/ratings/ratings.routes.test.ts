import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const TENANT = '620321';
const CASE_ID = '6f1c2b1e-4a8e-4d6b-9a51-3c2f0e9d7a10';
const APPLICANT = { authorization: 'Bearer applicant' };
const CLERK = { authorization: 'Bearer clerk' };
const DEVICE = { authorization: 'Bearer device' };
const WINDOW_ID = '1b7d0c9e-2f3a-4c5b-8d6e-7f8091a2b3c4';
const INVITATION_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const CHINESE = /[\u4e00-\u9fff]/;
const url = (caseId = CASE_ID) => `/api/v1/ratings/cases/${caseId}`;

const rating = C.Rating.fromPartial({
  id: 'r-1',
  tenant: TENANT,
  subject: C.RatingSubject.RATING_SUBJECT_CASE,
  caseId: CASE_ID,
  caseNumber: '6203212026120500001',
  itemName: '食品经营许可',
  department: '620321-SCJG',
  windowId: 'w-1',
  staff: [{ username: 'ycx-clerk', department: '620321-SCJG', part: '受理' }],
  level: C.RatingLevel.RATING_LEVEL_DISSATISFIED,
  reason: '等候时间太长',
  channel: C.RatingChannel.RATING_CHANNEL_ONLINE,
  realName: true,
  raterName: '张*',
  ratedAt: new Date('2026-12-05T02:00:00.000Z'),
});

const fx = useRouteFixture(async () =>
  routeFixture(
    'complaints',
    await startFakeGrpcServers([
      fakeService(C.RatingServiceService, {
        rateCase: async (req) => {
          if (req.level <= 2 && !req.reason) {
            throw new ValidationError([{ path: 'reason', reason: 'REQUIRED', message: '请说明理由' }]);
          }
          if (req.reason === 'again') throw new ConflictError('ALREADY_RATED', '该办件已经评价过，每件只能评价一次');
          return { rating: { ...rating, level: req.level, reason: req.reason } };
        },
        getCaseRating: async () => ({ rating }),
        inviteRating: async (req) => {
          if (req.caseId === CASE_ID.replace('6f', '00')) throw new NotFoundError('CASE_NOT_FOUND', '找不到该办件');
          return {
            invitation: {
              id: INVITATION_ID,
              tenant: TENANT,
              windowId: req.windowId,
              windowNumber: 'A01',
              windowName: '综合窗口',
              caseId: req.caseId,
              caseNumber: req.caseId ? '6203212026120500001' : '',
              itemName: req.caseId ? '食品经营许可' : '',
              clerk: 'ycx-clerk',
              clerkName: '李明',
              invitedAt: new Date('2026-12-07T02:00:00.000Z'),
              expiresAt: new Date('2026-12-07T02:05:00.000Z'),
              ratingId: '',
            },
          };
        },
        listRatings: async (req) => {
          if (req.staff === 'other') throw new ForbiddenError('STAFF_OUT_OF_SCOPE', '只能查看对本人的评价');
          return { ratings: [rating], page: { nextPageToken: 'next', total: 21 } };
        },
        getSatisfaction: async () => ({
          levels: [5, 4, 3, 2, 1].map((level) => ({ level, count: level === 2 ? 1 : 3 })),
          total: 13,
          satisfiedPer10000: 9231,
          completedCases: 20,
          ratedCases: 9,
          defaultRatings: 3,
        }),
        rateInvitation: async (req) => {
          if (req.reason === 'late') throw new PreconditionError('INVITATION_EXPIRED', '评价邀请已失效');
          return {
            rating: {
              ...rating,
              subject: C.RatingSubject.RATING_SUBJECT_VISIT,
              visitId: req.invitationId,
              channel: C.RatingChannel.RATING_CHANNEL_DEVICE,
              level: req.level,
              reason: req.reason,
            },
          };
        },
      }),
    ]),
    fakeVerifier(TENANT, { applicant: ['applicant'], clerk: ['window_clerk'], device: ['rating_device'] }),
  ),
);

describe('ratings routes', () => {
  it('POST rates the case (201) with the level and reason, and answers it in the REST spelling', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: url(),
      headers: APPLICANT,
      payload: { level: 2, reason: '等候时间太长' },
    });
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toMatchObject({ caseId: CASE_ID, level: 2, reason: '等候时间太长' });
    expect(res.json().rating).toMatchObject({
      caseId: CASE_ID,
      level: 2,
      levelName: '不满意',
      channel: 'online',
      raterName: '张*',
      ratedAt: '2026-12-05T02:00:00.000Z',
    });
  });

  it('refuses a level out of range and an unknown field at the edge, in Chinese, without calling the service', async () => {
    for (const payload of [{ level: 6 }, { level: 0 }, { level: 2.5 }, { level: 4, stars: 5 }, {}]) {
      const res = await fx.app.inject({ method: 'POST', url: url(), headers: APPLICANT, payload });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail ?? res.json().title).toMatch(CHINESE);
    }
    const badId = await fx.app.inject({ method: 'POST', url: url('not-a-case'), headers: APPLICANT, payload: {} });
    expect(badId.statusCode).toBe(400);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it("passes the service's refusals on: the field and reason (400), already rated (409)", async () => {
    const noReason = await fx.app.inject({ method: 'POST', url: url(), headers: APPLICANT, payload: { level: 1 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'reason', reason: 'REQUIRED' })]);
    const again = await fx.app.inject({
      method: 'POST',
      url: url(),
      headers: APPLICANT,
      payload: { level: 5, reason: 'again' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');
  });

  it('lets only applicants rate; any signed-in caller may read (the service decides whose)', async () => {
    const byClerk = await fx.app.inject({ method: 'POST', url: url(), headers: CLERK, payload: { level: 5 } });
    expect(byClerk.statusCode).toBe(403);
    const anonymous = await fx.app.inject({ method: 'GET', url: url() });
    expect(anonymous.statusCode).toBe(401);
    const read = await fx.app.inject({ method: 'GET', url: url(), headers: CLERK });
    expect(read.statusCode).toBe(200);
    expect(read.json().rating.staff).toEqual([{ username: 'ycx-clerk', department: '620321-SCJG', part: '受理' }]);
  });

  it('POST /invitations: a clerk invites a rating of the visit (201); the case is optional', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/ratings/invitations',
      headers: CLERK,
      payload: { windowId: WINDOW_ID, caseId: CASE_ID },
    });
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toEqual({ windowId: WINDOW_ID, caseId: CASE_ID });
    expect(res.json().invitation).toEqual({
      id: INVITATION_ID,
      tenant: TENANT,
      windowId: WINDOW_ID,
      windowNumber: 'A01',
      windowName: '综合窗口',
      caseId: CASE_ID,
      caseNumber: '6203212026120500001',
      itemName: '食品经营许可',
      clerkName: '李明',
      invitedAt: '2026-12-07T02:00:00.000Z',
      expiresAt: '2026-12-07T02:05:00.000Z',
      rated: false,
    });
    const noCase = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/ratings/invitations',
      headers: CLERK,
      payload: { windowId: WINDOW_ID },
    });
    expect(noCase.statusCode).toBe(201);
    expect(fx.lastCall().request).toEqual({ windowId: WINDOW_ID, caseId: '' });
  });

  it('refuses a bad window or case id at the edge, an applicant or a device by role, and maps not found', async () => {
    const calls = fx.fake.calls.length;
    for (const payload of [
      {},
      { windowId: 'A01' },
      { windowId: WINDOW_ID, caseId: '' },
      { windowId: WINDOW_ID, x: 1 },
    ]) {
      const res = await fx.app.inject({ method: 'POST', url: '/api/v1/ratings/invitations', headers: CLERK, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail ?? res.json().title).toMatch(CHINESE);
    }
    for (const headers of [APPLICANT, DEVICE]) {
      const res = await fx.app.inject({
        method: 'POST',
        url: '/api/v1/ratings/invitations',
        headers,
        payload: { windowId: WINDOW_ID },
      });
      expect(res.statusCode).toBe(403);
    }
    expect(fx.fake.calls).toHaveLength(calls);
    const unknownCase = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/ratings/invitations',
      headers: CLERK,
      payload: { windowId: WINDOW_ID, caseId: CASE_ID.replace('6f', '00') },
    });
    expect(unknownCase.statusCode).toBe(404);
    expect(unknownCase.json().code).toBe('CASE_NOT_FOUND');
  });

  it('POST /invitations/{id}/rating: the device rates the visit (201); expired is 409 with its code', async () => {
    const rateUrl = `/api/v1/ratings/invitations/${INVITATION_ID}/rating`;
    const res = await fx.app.inject({ method: 'POST', url: rateUrl, headers: DEVICE, payload: { level: 5 } });
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toEqual({ invitationId: INVITATION_ID, level: 5, reason: '' });
    expect(res.json().rating).toMatchObject({ subject: 'visit', visitId: INVITATION_ID, channel: 'device', level: 5 });
    const late = await fx.app.inject({
      method: 'POST',
      url: rateUrl,
      headers: DEVICE,
      payload: { level: 4, reason: 'late' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVITATION_EXPIRED');
    const byClerk = await fx.app.inject({ method: 'POST', url: rateUrl, headers: CLERK, payload: { level: 5 } });
    expect(byClerk.statusCode).toBe(403);
    const badId = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/ratings/invitations/x/rating',
      headers: DEVICE,
      payload: { level: 5 },
    });
    expect(badId.statusCode).toBe(400);
  });

  it('GET /invitations/watch is for rating devices only', async () => {
    expect((await fx.app.inject({ method: 'GET', url: '/api/v1/ratings/invitations/watch' })).statusCode).toBe(401);
    const byClerk = await fx.app.inject({ method: 'GET', url: '/api/v1/ratings/invitations/watch', headers: CLERK });
    expect(byClerk.statusCode).toBe(403);
  });

  it('a device account reaches nothing a mere login opens', async () => {
    const res = await fx.app.inject({ method: 'GET', url: url(), headers: DEVICE });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'DEVICE_ACCOUNT',
      detail: '窗口评价器设备账号只能用于评价，不能使用此功能',
    });
  });

  it('GET /ratings lists a period with its filters, a page at a time', async () => {
    const res = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/ratings?from=2026-12-01&to=2026-12-31&level=2&channel=device&pageSize=20',
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      tenant: '',
      from: '2026-12-01',
      to: '2026-12-31',
      levels: [2],
      channels: [C.RatingChannel.RATING_CHANNEL_DEVICE],
      page: { pageSize: 20, pageToken: '' },
    });
    expect(res.json()).toMatchObject({ total: 21, nextPageToken: 'next', ratings: [{ caseId: CASE_ID, level: 2 }] });
    const other = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/ratings?from=2026-12-01&to=2026-12-31&staff=other',
      headers: CLERK,
    });
    expect([other.statusCode, other.json().code]).toEqual([403, 'STAFF_OUT_OF_SCOPE']);
  });

  it('GET /ratings/satisfaction answers the statistic with the level names', async () => {
    const res = await fx.app.inject({
      method: 'GET',
      url: '/api/v1/ratings/satisfaction?from=2026-12-01&to=2026-12-31',
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: 13,
      satisfiedPer10000: 9231,
      completedCases: 20,
      ratedCases: 9,
      defaultRatings: 3,
    });
    expect(res.json().levels[0]).toEqual({ level: 5, levelName: '非常满意', count: 3 });
  });

  it('refuses a list without its period, a bad level, an applicant or a device, without calling the service', async () => {
    const calls = fx.fake.calls.length;
    for (const q of ['', 'from=2026-12-01', 'from=2026-12-01&to=2026-12-31&level=6', 'from=x&to=2026-12-31']) {
      const res = await fx.app.inject({ method: 'GET', url: `/api/v1/ratings?${q}`, headers: CLERK });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail ?? res.json().title).toMatch(CHINESE);
    }
    for (const headers of [APPLICANT, DEVICE]) {
      const res = await fx.app.inject({
        method: 'GET',
        url: '/api/v1/ratings/satisfaction?from=2026-12-01&to=2026-12-31',
        headers,
      });
      expect(res.statusCode).toBe(403);
    }
    expect(fx.fake.calls).toHaveLength(calls);
  });
});
