import type { InjectOptions } from 'fastify';
import { ADMIN, APPLICANT, CASE_ID, CLERK, ITEM_ID, REVIEWER, startCasesFixture } from './cases.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCasesFixture>>;
let app: typeof fx.app;
let fake: typeof fx.fake;

beforeAll(async () => {
  fx = await startCasesFixture();
  ({ app, fake } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const CASE = `/api/v1/cases/${CASE_ID}`;
const KEY = { 'idempotency-key': 'key-12345678' };
const CHINESE = /[\u4e00-\u9fff]/;

/** Every route but the two public ones, each with a request that would otherwise reach the service. */
const PROTECTED: [string, string][] = [
  ['POST', '/api/v1/cases'],
  ['PUT', `${CASE}/draft`],
  ['POST', `${CASE}/materials/business-licence/files`],
  ['DELETE', `${CASE}/materials/business-licence/files/${CASE_ID}?expectedVersion=1`],
  ['POST', `${CASE}/materials/business-licence/licence`],
  ['POST', `${CASE}/upload-complete`],
  ['POST', `${CASE}/void-draft`],
  ['POST', `${CASE}/submit`],
  ['POST', `${CASE}/withdraw`],
  ['POST', '/api/v1/cases/walk-in'],
  ['POST', `${CASE}/corrections`],
  ['POST', `${CASE}/one-time-notice`],
  ['POST', `${CASE}/pre-review/pass`],
  ['POST', `${CASE}/send-to-acceptance`],
  ['POST', `${CASE}/accept`],
  ['POST', `${CASE}/refuse`],
  ['POST', `${CASE}/void`],
  ['POST', `${CASE}/decide-on-the-spot`],
  ['POST', `${CASE}/steps/complete`],
  ['POST', `${CASE}/suspend`],
  ['POST', `${CASE}/resume`],
  ['POST', `${CASE}/extension`],
  ['POST', `${CASE}/extension/review`],
  ['POST', `${CASE}/decision`],
  ['POST', `${CASE}/result`],
  ['POST', `${CASE}/delivery`],
  ['POST', `${CASE}/archive`],
  ['GET', CASE],
  ['GET', '/api/v1/cases/mine?list=drafts'],
  ['GET', '/api/v1/cases/queue?tenant=620321'],
  ['GET', `${CASE}/files/${CASE_ID}`],
  ['GET', `${CASE}/documents/${CASE_ID}`],
  ['GET', '/api/v1/cases/ledger?tenant=620321&month=2026-03'],
  ['GET', '/api/v1/licences/mine'],
  ['GET', '/api/v1/cases/settings/620321'],
  ['PUT', '/api/v1/cases/settings/620321'],
];

describe('cases routes: authentication and roles', () => {
  it.each(PROTECTED)('%s %s answers 401 without a token, before any call', async (method, url) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: KEY,
      payload: method === 'GET' ? undefined : {},
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('TOKEN_MISSING');
    expect(fake.calls).toHaveLength(0);
  });

  it('checks the role at the edge: 403 ROLE_REQUIRED before any call', async () => {
    const refusals = [
      { method: 'POST', url: '/api/v1/cases', headers: { ...CLERK, ...KEY } },
      { method: 'POST', url: `${CASE}/accept`, headers: APPLICANT },
      { method: 'POST', url: `${CASE}/decision`, headers: REVIEWER },
      { method: 'PUT', url: '/api/v1/cases/settings/620321', headers: CLERK },
      { method: 'POST', url: `${CASE}/extension/review`, headers: APPLICANT },
    ] as const;
    for (const r of refusals) {
      const res = await app.inject({ ...r, payload: { expectedVersion: 1 } });
      expect({ url: r.url, status: res.statusCode, code: res.json().code }).toEqual({
        url: r.url,
        status: 403,
        code: 'ROLE_REQUIRED',
      });
    }
    expect(fake.calls).toHaveLength(0);
  });
});

describe('cases routes: shapes', () => {
  /** A 400 problem naming exactly `paths`, each message in Chinese, and no call to the service. */
  async function expect400(
    request: InjectOptions,
    paths: string[],
  ): Promise<{ path: string; reason: string; message: string }[]> {
    const res = await app.inject(request);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.detail).toMatch(CHINESE);
    expect([...new Set(body.errors.map((e: { path: string }) => e.path))].sort()).toEqual([...paths].sort());
    for (const e of body.errors) expect(e.message).toMatch(CHINESE);
    expect(fake.calls).toHaveLength(0);
    return body.errors;
  }

  it('opening a case: the idempotency key is required, the body strict (no unknown field, no coercion)', async () => {
    await expect400({ method: 'POST', url: '/api/v1/cases', headers: APPLICANT, payload: { itemId: ITEM_ID } }, [
      'headers.idempotency-key',
    ]);
    const errors = await expect400(
      {
        method: 'POST',
        url: '/api/v1/cases',
        headers: { ...APPLICANT, ...KEY },
        payload: { itemId: 42, formData: '{"a":1}', contact: { mobile: '12345' }, extra: true },
      },
      ['itemId', 'formData', 'contact.mobile', 'extra'],
    );
    expect(errors).toContainEqual(expect.objectContaining({ path: 'itemId', reason: 'TYPE' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'contact.mobile', reason: 'PATTERN' }));
  });

  it('writes need a positive integer expectedVersion in the body (the query for DELETE)', async () => {
    await expect400({ method: 'POST', url: `${CASE}/accept`, headers: CLERK, payload: { expectedVersion: '3' } }, [
      'expectedVersion',
    ]);
    await expect400({ method: 'POST', url: `${CASE}/resume`, headers: REVIEWER, payload: { expectedVersion: 0 } }, [
      'expectedVersion',
    ]);
    await expect400(
      {
        method: 'DELETE',
        url: `${CASE}/materials/business-licence/files/${CASE_ID}?expectedVersion=-1`,
        headers: APPLICANT,
      },
      ['querystring.expectedVersion'],
    );
  });

  it('free text follows the shared text rule; lists, enums and numbers their bounds', async () => {
    await expect400(
      { method: 'POST', url: `${CASE}/withdraw`, headers: APPLICANT, payload: { reason: ' ', expectedVersion: 1 } },
      ['reason'],
    );
    await expect400(
      {
        method: 'POST',
        url: `${CASE}/refuse`,
        headers: CLERK,
        payload: { reasons: [], remedies: ['a\u202eb'], expectedVersion: 1 },
      },
      ['reasons', 'remedies.0'],
    );
    await expect400(
      {
        method: 'POST',
        url: `${CASE}/void`,
        headers: CLERK,
        payload: { kind: 'spam', reason: '重复', expectedVersion: 1 },
      },
      ['kind'],
    );
    await expect400(
      {
        method: 'POST',
        url: `${CASE}/suspend`,
        headers: REVIEWER,
        payload: { procedure: '检验', reason: '送检', plannedWorkingDays: 0, expectedVersion: 1 },
      },
      ['plannedWorkingDays'],
    );
    await expect400(
      {
        method: 'POST',
        url: `${CASE}/delivery`,
        headers: REVIEWER,
        payload: { method: 'window_pickup', pickupCode: '12345', expectedVersion: 1 },
      },
      ['pickupCode'],
    );
  });

  it('walk-in: the applicant ID code is an ID number or a credit code', async () => {
    const errors = await expect400(
      {
        method: 'POST',
        url: '/api/v1/cases/walk-in',
        headers: { ...CLERK, ...KEY },
        payload: { itemId: ITEM_ID, applicantIdCode: '62032119900101123', agentIdNumber: '91620321MA00000000' },
      },
      ['applicantIdCode', 'agentIdNumber'],
    );
    expect(errors.find((e) => e.path === 'applicantIdCode')!.message).toContain('统一社会信用代码');
  });

  it('path and query parameters: case ids, material ids, lists, months', async () => {
    await expect400({ url: '/api/v1/cases/not-a-uuid', headers: APPLICANT }, ['params.id']);
    await expect400(
      {
        method: 'POST',
        url: `${CASE}/materials/Business_Licence/licence`,
        headers: APPLICANT,
        payload: { licenceNumber: 'JY1', expectedVersion: 1 },
      },
      ['params.materialId'],
    );
    await expect400({ url: '/api/v1/cases/mine?list=inProgress', headers: APPLICANT }, ['querystring.list']);
    await expect400({ url: '/api/v1/cases/mine', headers: APPLICANT }, ['querystring.list']);
    await expect400({ url: '/api/v1/cases/queue?tenant=620321&kind=urgent&pageSize=0', headers: CLERK }, [
      'querystring.kind',
      'querystring.pageSize',
    ]);
    await expect400({ url: '/api/v1/cases/ledger?tenant=620321&month=2026-13', headers: ADMIN }, ['querystring.month']);
  });

  it('settings: the whole settings with their bounds', async () => {
    await expect400(
      {
        method: 'PUT',
        url: '/api/v1/cases/settings/620321',
        headers: ADMIN,
        payload: { commonRules: [{ kind: 'nope' }], counterNoticeWorkingDays: 31, expectedVersion: 1 },
      },
      ['commonRules.0.kind', 'counterNoticeWorkingDays', 'extensionCenterReview'],
    );
  });
});
