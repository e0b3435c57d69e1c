import { applicationsV1 } from '@govhall/proto';
import {
  ADMIN,
  APPLICANT,
  APPROVER,
  CASE_ID,
  CLERK,
  ITEM_ID,
  REVIEWER,
  licence,
  startCasesFixture,
} from './cases.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCasesFixture>>;
let app: typeof fx.app;
let fake: typeof fx.fake;

beforeAll(async () => {
  fx = await startCasesFixture();
  ({ app, fake } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const ID_CODE = '620321199001011234';

describe('cases routes: public progress and licence verification', () => {
  it('answers the progress query without a token; the ID code travels only in the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases/progress',
      payload: { caseNumber: '620321202603020001', applicantIdCode: ID_CODE },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      caseNumber: '620321202603020001',
      itemName: '食品经营许可',
      status: 'processing',
      applicantName: '张*',
      departmentName: '永昌县市场监督管理局',
      receivedDate: '2026-03-02',
      dueDate: '2026-03-16',
      timeline: [{ action: '受理', status: 'processing', at: '2026-03-02 16:00' }],
    });
    expect(fx.lastCall()).toEqual({
      method: 'queryProgress',
      request: { caseNumber: '620321202603020001', applicantIdCode: ID_CODE },
      authorization: undefined,
    });
    // No GET form that would put the ID number into a URL.
    const get = await app.inject({ url: `/api/v1/cases/progress?applicantIdCode=${ID_CODE}` });
    expect(get.statusCode).not.toBe(200);
    expect(fake.calls).toHaveLength(1);
    const doc = (await app.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/v1/cases/progress'])).toEqual(['post']);
    expect(doc.paths['/api/v1/cases/progress'].post.security).toEqual([{}, { bearerAuth: [] }]);
  });

  it('a wrong ID code is the 404 the service answers; a malformed one a 400 before any call', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/cases/progress',
      payload: { caseNumber: '620321202603020001', applicantIdCode: '91620321MA00000000' },
    });
    expect(wrong.statusCode).toBe(404);
    fx.reset();
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/cases/progress',
      payload: { caseNumber: '6203', applicantIdCode: 620321199001 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['applicantIdCode', 'caseNumber']);
    expect(fake.calls).toHaveLength(0);
  });

  it('verifies a licence without a token, with no person or case identifiers in the answer', async () => {
    const res = await app.inject({ url: `/api/v1/licences/verify/${licence.verificationCode}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ licenceNumber: 'JY16203210000012', holderName: '张*', revoked: false });
    expect(res.json()).not.toHaveProperty('holderPersonId');
    expect(res.json()).not.toHaveProperty('caseId');
    expect(res.json()).not.toHaveProperty('validUntil');
    const unknown = await app.inject({ url: '/api/v1/licences/verify/ZZZZZZZZZZZZ' });
    expect(unknown.statusCode).toBe(404);
    const malformed = await app.inject({ url: '/api/v1/licences/verify/short' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ path: 'params.code' })]);
  });
});

describe('cases routes: requests and answers', () => {
  it('opens a case with the idempotency key: 201, location, form data as an object both ways', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...APPLICANT, 'idempotency-key': 'open-12345678' },
      payload: { itemId: ITEM_ID, formData: { shopName: '永昌小吃', area: 30 }, contact: { mobile: '13800001234' } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/cases/${CASE_ID}`);
    expect(fx.lastCall().request).toEqual({
      idempotencyKey: 'open-12345678',
      itemId: ITEM_ID,
      onBehalfOf: '',
      formData: '{"shopName":"永昌小吃","area":30}',
      contact: { mobile: '13800001234', email: '' },
    });
    const c = res.json();
    expect(c).toMatchObject({
      status: 'draft',
      channel: 'online',
      handlingCategory: 'promised',
      formData: { shopName: '永昌小吃', area: 30 },
      applicant: { kind: 'natural_person', name: '张三' },
      contact: { mobile: '13800001234' },
      documents: [{ kind: 'acceptance_notice' }],
      history: [{ fromStatus: 'pre_review', toStatus: 'processing' }],
      steps: [{ state: 'active', name: '审查' }],
      clocks: { promised: { dueDate: '2026-03-16', skipped: [{ date: '2026-03-07', reason: 'weekend' }] } },
    });
    expect(c).not.toHaveProperty('caseNumber');
    expect(c).not.toHaveProperty('windowId');
    expect(c.contact).not.toHaveProperty('email');
  });

  it('submits with the idempotency key and the version', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${CASE_ID}/submit`,
      headers: { ...APPLICANT, 'idempotency-key': 'submit-1234567' },
      payload: { expectedVersion: 4 },
    });
    expect(res.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ id: CASE_ID, expectedVersion: 4, idempotencyKey: 'submit-1234567' });
  });

  it('sends enums by their proto values', async () => {
    await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${CASE_ID}/decision`,
      headers: APPROVER,
      payload: { outcome: 'denied', reasons: ['不符合条件'], expectedVersion: 5 },
    });
    expect(fx.lastCall().request).toEqual({
      id: CASE_ID,
      expectedVersion: 5,
      outcome: applicationsV1.Outcome.OUTCOME_DENIED,
      reasons: ['不符合条件'],
      remedies: [],
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${CASE_ID}/void`,
      headers: CLERK,
      payload: { kind: 'duplicate', reason: '重复申报', expectedVersion: 5 },
    });
    expect(fx.lastCall().request.kind).toBe(applicationsV1.VoidReason.VOID_REASON_DUPLICATE);
    await app.inject({ url: '/api/v1/cases/mine?list=in_progress&pageSize=5', headers: APPLICANT });
    expect(fx.lastCall().request).toEqual({
      list: applicationsV1.MyCaseList.MY_CASE_LIST_IN_PROGRESS,
      page: { pageSize: 5, pageToken: '' },
    });
    await app.inject({
      url: '/api/v1/cases/queue?tenant=620321&department=620321-SCJG&role=reviewer&kind=supplement',
      headers: REVIEWER,
    });
    expect(fx.lastCall().request).toMatchObject({
      tenant: '620321',
      department: '620321-SCJG',
      role: 'reviewer',
      kind: applicationsV1.QueueKind.QUEUE_KIND_SUPPLEMENT,
    });
  });

  it('reads a case with its time left as of now (negative: overdue)', async () => {
    const res = await app.inject({ url: `/api/v1/cases/${CASE_ID}`, headers: APPLICANT });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: CASE_ID,
      timeLeft: { dueDate: '2026-03-16', workingDaysLeft: -2, clockRunning: true },
    });
  });

  it('lists my cases with the page', async () => {
    const res = await app.inject({ url: '/api/v1/cases/mine?list=submitted', headers: APPLICANT });
    expect(res.json()).toEqual({
      cases: [
        {
          id: CASE_ID,
          caseNumber: '620321202603020001',
          tenant: '620321',
          status: 'processing',
          itemName: '食品经营许可',
          handlingCategory: 'promised',
          department: '620321-SCJG',
          applicantName: '张*',
          submittedDate: '2026-03-02',
          dueDate: '2026-03-16',
          workingDaysLeft: 0,
          clockRunning: true,
          version: 4,
          kinds: ['承诺件'],
        },
      ],
      nextPageToken: 'next',
      total: 3,
    });
  });

  it('issues the result: the case and the licence', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${CASE_ID}/result`,
      headers: REVIEWER,
      payload: { validUntil: '2031-03-09', deliveryMethod: 'post', address: '永昌县北海子路1号', expectedVersion: 6 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      case: { status: 'completed' },
      licence: { verificationCode: 'AB12CD34EF56', caseId: CASE_ID },
    });
    expect(fx.lastCall().request.deliveryMethod).toBe(applicationsV1.DeliveryMethod.DELIVERY_METHOD_POST);
  });

  it('exports the ledger as a CSV attachment', async () => {
    const res = await app.inject({ url: '/api/v1/cases/ledger?tenant=620321&month=2026-03', headers: ADMIN });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.body).toContain('620321202603020001,食品经营许可');
    expect(fx.lastCall().request).toEqual({ tenant: '620321', month: '2026-03', department: '' });
  });

  it('reads and replaces tenant settings', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/cases/settings/620321',
      headers: ADMIN,
      payload: {
        commonRules: [{ id: 'r1', kind: 'field_resident_id', field: 'applicant.idNumber', message: '身份证号码有误' }],
        counterNoticeWorkingDays: 2,
        extensionCenterReview: false,
        expectedVersion: 2,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tenant: '620321',
      counterNoticeWorkingDays: 2,
      extensionCenterReview: false,
      version: 3,
      commonRules: [{ id: 'r1', kind: 'field_resident_id', field: 'applicant.idNumber', op: '' }],
    });
    expect(fx.lastCall().request).toMatchObject({ expectedVersion: 2, settings: { tenant: '620321' } });
  });
});
