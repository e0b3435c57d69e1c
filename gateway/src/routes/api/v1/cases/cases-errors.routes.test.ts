import {
  APPLICANT,
  CLERK,
  FORBIDDEN_ID,
  HIDDEN_ID,
  INVALID_ID,
  REVIEWER,
  WRONG_STATE_ID,
  startCasesFixture,
} from './cases.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCasesFixture>>;
let app: typeof fx.app;

beforeAll(async () => {
  fx = await startCasesFixture();
  ({ app } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

describe('cases routes: service errors', () => {
  it('a transition from the wrong state is a 409 naming the current state, in Chinese and for programs', async () => {
    for (const [url, headers] of [
      [`/api/v1/cases/${WRONG_STATE_ID}/withdraw`, APPLICANT],
      [`/api/v1/cases/${WRONG_STATE_ID}/accept`, CLERK],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers,
        payload: url.endsWith('withdraw') ? { reason: '不办了', expectedVersion: 3 } : { expectedVersion: 3 },
      });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        status: 409,
        code: 'WRONG_STATE',
        currentStatus: 'processing',
        detail: '办件当前状态为“办理中”，不能办理此操作：当前状态不允许此操作',
      });
    }
    expect(fx.lastCall()).toMatchObject({ method: 'acceptCase', request: { id: WRONG_STATE_ID, expectedVersion: 3 } });
  });

  it('a case the caller may not see is 404; one they see but may not act on is 403', async () => {
    const hidden = await app.inject({ url: `/api/v1/cases/${HIDDEN_ID}`, headers: REVIEWER });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'CASE_NOT_FOUND', detail: '办件不存在' });
    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${FORBIDDEN_ID}/steps/complete`,
      headers: REVIEWER,
      payload: { opinion: '同意', expectedVersion: 2 },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'NOT_CASE_DEPARTMENT', detail: '该办件不属于您的部门' });
    expect(forbidden.json().currentStatus).toBeUndefined();
  });

  it("passes the service's field violations through as 400 with each field", async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${INVALID_ID}/draft`,
      headers: APPLICANT,
      payload: { formData: { shopName: '' }, expectedVersion: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'formData.shopName', reason: 'REQUIRED', message: '请填写店铺名称' },
        { path: 'expectedVersion', reason: 'MINIMUM', message: '版本号有误' },
      ],
    });
    expect(fx.lastCall().request).toMatchObject({ id: INVALID_ID, formData: '{"shopName":""}' });
  });

  it('names service violations on settings by where the caller sent them', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/cases/settings/620321',
      headers: { authorization: 'Bearer admin' },
      payload: {
        commonRules: [{ kind: 'field_compare', field: 'bad' }],
        counterNoticeWorkingDays: 0,
        extensionCenterReview: true,
        expectedVersion: 2,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'commonRules.0.field', reason: 'UNKNOWN_FIELD', message: '表单中没有该字段' },
    ]);
  });
});
