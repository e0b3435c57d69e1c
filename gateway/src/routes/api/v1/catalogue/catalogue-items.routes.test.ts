import { catalogueV1 } from '@govhall/proto';
import { ADMIN, CLERK, ITEM_ID, NEXT_ID, content, startCatalogueFixture } from './catalogue.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCatalogueFixture>>;
let app: typeof fx.app;
const lastCall = () => fx.lastCall();

beforeAll(async () => {
  fx = await startCatalogueFixture();
  ({ app } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const identity = {
  name: '食品经营许可',
  basicCode: '000172028000',
  kind: '01',
  handlingCategory: 'joint',
  department: '620321-SCJG',
};

describe('catalogue routes: items', () => {
  it('answers the whole item with content in camelCase and enums spelled in lower_snake case', async () => {
    const res = await app.inject({ url: `/api/v1/catalogue/items/${ITEM_ID}`, headers: CLERK });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: ITEM_ID,
      handlingCategory: 'promised',
      status: 'published',
      edition: 1,
      seriesId: ITEM_ID,
      reviews: [{ approved: true, comments: '同意发布', reviewer: 'sub-reviewer', at: '2026-03-02T08:00:00.000Z' }],
      publishedAt: '2026-03-02T08:00:00.000Z',
      submittedBy: 'yc-admin',
    });
    expect(body).not.toHaveProperty('previousId');
    expect(body).not.toHaveProperty('retiredReason');
    expect(body.content).toMatchObject({
      implementationCode: '11620321MB1234567X4000172028000',
      serviceObject: 'enterprise',
      onlineDepth: 'online_pre_review',
      deliveryOptions: ['window_pickup', 'post'],
      statutoryLimit: { days: 20, unit: 'working_day' },
      specialProcedures: [{ name: '现场核查', planned: { days: 10, unit: 'natural_day' } }],
      materials: [
        {
          id: 'application',
          form: 'original',
          formats: ['pdf', 'ofd'],
          blankFormFileId: 'f1000000-0000-4000-8000-000000000001',
        },
        { id: 'business-licence', form: 'electronic', satisfiedByLicenceType: 'business-licence' },
      ],
      preReviewRules: [
        { id: 'capital', kind: 'field_compare', op: 'gte' },
        { id: 'licence', kind: 'licence_valid' },
      ],
      fees: [{ amountFen: 1000 }],
      workflow: [{ role: 'window_clerk', budgetWorkingDays: 1, responsibleName: '王丽' }],
    });
  });

  it('sends an edited draft to the service with enums as proto values, and takes a GET answer back unchanged', async () => {
    const read = (await app.inject({ url: `/api/v1/catalogue/items/${ITEM_ID}`, headers: ADMIN })).json();
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/catalogue/items/${ITEM_ID}`,
      headers: ADMIN,
      payload: { ...identity, content: read.content, expectedVersion: 4 },
    });
    expect(res.statusCode).toBe(200);
    expect(lastCall().request).toEqual({
      id: ITEM_ID,
      ...identity,
      handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_JOINT,
      expectedVersion: 4,
      content,
    });
    expect(res.json()).toMatchObject({ status: 'draft', version: 5, handlingCategory: 'joint', content: read.content });
  });

  it('fills what a draft leaves out with the proto defaults', async () => {
    await app.inject({
      method: 'PUT',
      url: `/api/v1/catalogue/items/${ITEM_ID}`,
      headers: ADMIN,
      payload: {
        ...identity,
        content: { materials: [{ name: '身份证', form: 'copy' }], promisedLimit: { days: 0 }, fees: [] },
        expectedVersion: 1,
      },
    });
    const sent = lastCall().request.content as catalogueV1.ItemContent;
    expect(sent.materials).toEqual([
      expect.objectContaining({
        id: '',
        name: '身份证',
        required: false,
        form: catalogueV1.MaterialForm.MATERIAL_FORM_COPY,
      }),
    ]);
    expect(sent.promisedLimit).toEqual({ days: 0, unit: catalogueV1.TimeUnit.TIME_UNIT_UNSPECIFIED });
    expect(sent.serviceObject).toBe(catalogueV1.ServiceObject.SERVICE_OBJECT_UNSPECIFIED);
    expect(sent.location).toEqual({ windowLocation: '', hours: '', consultationPhone: '', complaintPhone: '' });
  });

  it('lists a tenant’s items with a status filter and pages, leaving out content the service did not send', async () => {
    const res = await app.inject({
      url: '/api/v1/catalogue/items?tenant=620321&status=submitted&pageSize=20&pageToken=p1',
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(lastCall().request).toEqual({
      tenant: '620321',
      status: catalogueV1.ItemStatus.ITEM_STATUS_SUBMITTED,
      keyword: '',
      page: { pageSize: 20, pageToken: 'p1' },
    });
    const body = res.json();
    expect(body).toMatchObject({ nextPageToken: 'p2', total: 21, items: [{ status: 'draft', reviews: [] }] });
    expect(body.items[0]).not.toHaveProperty('content');
  });

  it('lists by a keyword (name or the start of the basic code), refusing a keyword over 50 characters at q', async () => {
    const res = await app.inject({
      url: `/api/v1/catalogue/items?tenant=620321&q=${encodeURIComponent('食品')}`,
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(lastCall().request).toMatchObject({ tenant: '620321', keyword: '食品' });
    fx.reset();
    const long = await app.inject({
      url: `/api/v1/catalogue/items?tenant=620321&q=${encodeURIComponent('长'.repeat(51))}`,
      headers: CLERK,
    });
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json().errors).toEqual([expect.objectContaining({ path: 'querystring.q' })]);
    expect(long.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('deletes a draft never submitted, with the version it read; refusals are problems in Chinese', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/catalogue/items/${NEXT_ID}?expectedVersion=1`,
      headers: ADMIN,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: NEXT_ID });
    expect(lastCall()).toMatchObject({ method: 'deleteDraftItem', request: { id: NEXT_ID, expectedVersion: 1 } });
    fx.reset();
    const noVersion = await app.inject({ method: 'DELETE', url: `/api/v1/catalogue/items/${NEXT_ID}`, headers: ADMIN });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors).toEqual([expect.objectContaining({ path: 'querystring.expectedVersion' })]);
    expect(fx.fake.calls).toHaveLength(0);
    const clerk = await app.inject({
      method: 'DELETE',
      url: `/api/v1/catalogue/items/${NEXT_ID}?expectedVersion=1`,
      headers: CLERK,
    });
    expect(clerk.statusCode).toBe(403);
    const reviewed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/catalogue/items/${ITEM_ID}?expectedVersion=3`,
      headers: ADMIN,
    });
    expect(reviewed.statusCode).toBe(409);
    expect(reviewed.json()).toMatchObject({
      code: 'ITEM_EVER_SUBMITTED',
      detail: '该草稿提交过审核，留有审核记录，不能删除；可修改后重新提交',
    });
  });

  it('starts a new edition idempotently and answers 201 with its location', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/items/${ITEM_ID}/editions`,
      headers: { ...ADMIN, 'idempotency-key': 'edition-0001' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/catalogue/items/${NEXT_ID}`);
    expect(res.json()).toMatchObject({ id: NEXT_ID, edition: 2, previousId: ITEM_ID, status: 'draft' });
    expect(lastCall().request).toEqual({ id: ITEM_ID, idempotencyKey: 'edition-0001' });
  });

  it('retires with a reason, and shows what changed between editions as JSON values', async () => {
    const retired = await app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/items/${ITEM_ID}/retire`,
      headers: ADMIN,
      payload: { reason: '法律依据已废止', expectedVersion: 4 },
    });
    expect(retired.json()).toMatchObject({ status: 'retired', retiredReason: '法律依据已废止' });

    const diff = await app.inject({ url: `/api/v1/catalogue/items/${ITEM_ID}/diff/${NEXT_ID}`, headers: CLERK });
    expect(lastCall().request).toEqual({ fromId: ITEM_ID, toId: NEXT_ID });
    expect(diff.json()).toEqual({
      changes: [
        { path: 'content.promisedLimit.days', before: 10, after: 8 },
        { path: 'content.materials.2', after: { id: 'lease', name: '租赁合同' } },
      ],
    });
  });
});
