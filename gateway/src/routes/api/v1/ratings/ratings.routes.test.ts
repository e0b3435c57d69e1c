import { ConflictError, ValidationError } from '@govhall/errors';
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
      }),
    ]),
    fakeVerifier(TENANT, { applicant: ['applicant'], clerk: ['window_clerk'] }),
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
});
