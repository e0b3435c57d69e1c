import { ConflictError, NotFoundError, ValidationError } from '@govhall/errors';
import { complaintsV1 as C } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';
import { multipartFile } from '../../../../lib/multipart.test-double';

const TENANT = '620321';
const HANDLER = { authorization: 'Bearer handler' };
const CLERK = { authorization: 'Bearer clerk' };
const CASE_NUMBER = '6203212026120500001';
const RATING_ID = '3b7d0c9e-2f3a-4c5b-8d6e-7f8091a2b3c4';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const CHINESE = /[\u4e00-\u9fff]/;

const fx = useRouteFixture(async () =>
  routeFixture(
    'complaints',
    await startFakeGrpcServers([
      fakeService(C.RatingServiceService, {
        recordRating: async (req) => {
          if (req.caseNumber === '6203212099123100001') throw new NotFoundError('CASE_NOT_FOUND', '找不到该办件');
          if (req.reason === 'again') throw new ConflictError('ALREADY_RATED', '该办件已经评价过');
          if (req.level <= 2 && !req.reason) {
            throw new ValidationError([{ path: 'reason', reason: 'REQUIRED', message: '请说明理由' }]);
          }
          const box = req.channel === C.RatingChannel.RATING_CHANNEL_SUGGESTION_BOX;
          return {
            rating: C.Rating.fromPartial({
              id: RATING_ID,
              tenant: TENANT,
              subject: C.RatingSubject.RATING_SUBJECT_CASE,
              caseNumber: req.caseNumber,
              level: req.level,
              reason: req.reason,
              channel: req.channel,
              realName: !box,
              recordedBy: 'yc-handler',
              hasScan: box,
              ratedAt: new Date('2026-12-06T02:00:00.000Z'),
            }),
          };
        },
        getRatingScan: async (req) => {
          if (req.ratingId !== RATING_ID) throw new NotFoundError('RATING_NOT_FOUND', '找不到该评价');
          return { content: PNG, contentType: 'image/png' };
        },
      }),
    ]),
    fakeVerifier(TENANT, { handler: ['complaint_handler'], clerk: ['window_clerk'] }),
  ),
);

const slip = (fields: Record<string, string>, scan = PNG, repeated: [string, string][] = []) =>
  fx.app.inject({
    method: 'POST',
    url: '/api/v1/ratings/slips',
    ...multipartFile(
      HANDLER,
      { name: 'scan', fileName: '意见卡.png', contentType: 'image/png', content: scan },
      fields,
      repeated,
    ),
  });

const followUp = (payload: object, headers = HANDLER) =>
  fx.app.inject({ method: 'POST', url: '/api/v1/ratings/follow-ups', headers, payload });

describe('ratings staff enter (C4)', () => {
  it('records a telephone follow-up by case number', async () => {
    const res = await followUp({ caseNumber: CASE_NUMBER, level: 4 });
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toEqual({
      caseId: '',
      caseNumber: CASE_NUMBER,
      channel: C.RatingChannel.RATING_CHANNEL_PHONE_FOLLOWUP,
      level: 4,
      reason: '',
      scan: Buffer.alloc(0),
    });
    expect(res.json().rating).toMatchObject({ channel: 'phone_followup', recordedBy: 'yc-handler', hasScan: false });
  });

  it('records a suggestion-box slip from its multipart parts, the scan as sent', async () => {
    const res = await slip({ caseNumber: CASE_NUMBER, level: '2', reason: '窗口午休无人' });
    expect(res.statusCode).toBe(201);
    const req = fx.lastCall().request;
    expect({ ...req, scan: undefined }).toEqual({
      caseId: '',
      caseNumber: CASE_NUMBER,
      channel: C.RatingChannel.RATING_CHANNEL_SUGGESTION_BOX,
      level: 2,
      reason: '窗口午休无人',
      scan: undefined,
    });
    expect(Buffer.from(req.scan).equals(PNG)).toBe(true);
    expect(res.json().rating).toMatchObject({ channel: 'suggestion_box', hasScan: true, realName: false });
  });

  it('refuses bad parts at their fields in Chinese, before any call', async () => {
    const badLevel = await slip({ caseNumber: '12ab', level: '9' });
    expect(badLevel.statusCode).toBe(400);
    expect(
      badLevel
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['caseNumber', 'level']);
    for (const e of badLevel.json().errors) expect(e.message).toMatch(CHINESE);
    const noScan = await slip({ caseNumber: CASE_NUMBER, level: '4' }, Buffer.alloc(0));
    expect(noScan.json().errors).toEqual([expect.objectContaining({ path: 'scan', reason: 'REQUIRED' })]);
    const twice = await slip({ caseNumber: CASE_NUMBER, level: '4' }, PNG, [['level', '5']]);
    expect(twice.json().errors).toEqual([expect.objectContaining({ path: 'level', reason: 'MAX_ITEMS' })]);
    const extra = await slip({ caseNumber: CASE_NUMBER, level: '4', note: 'x' });
    expect(extra.json().errors).toEqual([expect.objectContaining({ path: 'note', reason: 'ADDITIONAL_PROPERTIES' })]);
    const asJson = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/ratings/slips',
      headers: HANDLER,
      payload: { caseNumber: CASE_NUMBER, level: 4 },
    });
    expect(asJson.statusCode).toBe(415);
    const badFollowUp = await followUp({ caseNumber: CASE_NUMBER, level: 0, extra: true });
    expect(badFollowUp.statusCode).toBe(400);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('maps the service’s refusals: a clerk by role, an unknown case, a second rating, a missing reason', async () => {
    const byClerk = await followUp({ caseNumber: CASE_NUMBER, level: 4 }, CLERK);
    expect(byClerk.statusCode).toBe(403);
    expect((await followUp({ caseNumber: '6203212099123100001', level: 4 })).statusCode).toBe(404);
    expect((await followUp({ caseNumber: CASE_NUMBER, level: 4, reason: 'again' })).json().code).toBe('ALREADY_RATED');
    const noReason = await slip({ caseNumber: CASE_NUMBER, level: '1' });
    expect([noReason.statusCode, noReason.json().errors[0].path]).toEqual([400, 'reason']);
  });

  it('gives the slip’s scan as stored; an unknown rating is not found', async () => {
    const res = await fx.app.inject({ url: `/api/v1/ratings/${RATING_ID}/scan`, headers: HANDLER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.rawPayload.equals(PNG)).toBe(true);
    const missing = await fx.app.inject({
      url: `/api/v1/ratings/${RATING_ID.replace('3b', '00')}/scan`,
      headers: HANDLER,
    });
    expect(missing.statusCode).toBe(404);
    const bad = await fx.app.inject({ url: '/api/v1/ratings/not-a-uuid/scan', headers: HANDLER });
    expect(bad.statusCode).toBe(400);
  });
});
