import {
  ADMIN,
  ITEM_ID,
  REFUSED_OVERRIDE_DATE,
  TAKEN_BASIC_CODE,
  startCatalogueFixture,
} from './catalogue.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCatalogueFixture>>;
let app: typeof fx.app;
let fake: typeof fx.fake;

beforeAll(async () => {
  fx = await startCatalogueFixture();
  ({ app, fake } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const draft = (content: Record<string, unknown>) => ({
  name: '食品经营许可',
  basicCode: '000172028000',
  kind: '01',
  handlingCategory: 'promised',
  department: '620321-SCJG',
  content,
  expectedVersion: 2,
});

const paths = (body: { errors: { path: string }[] }) => body.errors.map((e) => e.path);

describe('catalogue routes: validation at the edge', () => {
  it('names every malformed content field by its path in the body, before calling the service', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/catalogue/items/${ITEM_ID}`,
      headers: ADMIN,
      payload: draft({
        serviceObject: 'citizen',
        materials: [{ name: '身份证' }, { form: 'scan', extra: 1 }],
        promisedLimit: { days: -1, unit: 'week' },
        deliveryOptions: ['drone'],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json()).sort()).toEqual([
      'content.deliveryOptions.0',
      'content.materials.1.extra',
      'content.materials.1.form',
      'content.promisedLimit.days',
      'content.promisedLimit.unit',
      'content.serviceObject',
    ]);
    expect(fake.calls).toHaveLength(0);
  });

  it('needs the content and the expected version on a draft update', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/catalogue/items/${ITEM_ID}`,
      headers: ADMIN,
      payload: {
        name: '食品经营许可',
        basicCode: '000172028000',
        kind: '01',
        handlingCategory: 'promised',
        department: '620321-SCJG',
      },
    });
    expect(paths(res.json()).sort()).toEqual(['content', 'expectedVersion']);
  });

  it('rejects malformed path and query parameters', async () => {
    const year = await app.inject('/api/v1/catalogue/calendars/620321/26');
    expect(year.json().errors).toEqual([expect.objectContaining({ path: 'params.year', reason: 'MINIMUM' })]);
    const add = await app.inject('/api/v1/catalogue/calendars/620321/working-days/add?start=2026-2-1&days=-1');
    expect(paths(add.json()).sort()).toEqual(['querystring.days', 'querystring.start']);
    const search = await app.inject('/api/v1/catalogue/search?handlingCategory=urgent&pageSize=500');
    expect(paths(search.json()).sort()).toEqual(['querystring.handlingCategory', 'querystring.pageSize']);
    const list = await app.inject({ url: '/api/v1/catalogue/items', headers: ADMIN });
    expect(paths(list.json())).toEqual(['querystring.tenant']);
    const edition = await app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/items/${ITEM_ID}/editions`,
      headers: ADMIN,
    });
    expect(paths(edition.json())).toEqual(['headers.idempotency-key']);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('catalogue routes: validation by the service', () => {
  it('passes content violations through with the path the edge gives the same field', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/catalogue/items/${ITEM_ID}`,
      headers: ADMIN,
      payload: draft({
        fees: [
          { name: '工本费', legalBasis: '依据', amountFen: 100 },
          { name: '押金', amountFen: 100 },
        ],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'content.fees.1.legalBasis', reason: 'FEE_WITHOUT_BASIS', message: '收费须有法定依据' },
        { path: 'department', reason: 'TENANT_MISMATCH', message: '实施部门不属于该租户' },
      ],
    });
  });

  it("lists every violation of a submitted item by its path in the item's content", async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/items/${ITEM_ID}/submit`,
      headers: ADMIN,
      payload: { expectedVersion: 3 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'content.materials.1.name', reason: 'REQUIRED', message: '材料名称不能为空' },
      { path: 'content.promisedLimit.days', reason: 'PROMISE_TOO_LONG', message: '承诺时限超过法定时限的70%' },
    ]);
    expect(fx.lastCall().request).toEqual({ id: ITEM_ID, expectedVersion: 3 });
  });

  it('names service violations by where the field sits in the HTTP request', async () => {
    const search = await app.inject(encodeURI('/api/v1/catalogue/search?q=的'));
    expect(search.statusCode).toBe(400);
    expect(search.json().errors).toEqual([{ path: 'querystring.q', reason: 'TOO_COMMON', message: '关键词过于宽泛' }]);
    const override = await app.inject({
      method: 'PUT',
      url: `/api/v1/catalogue/calendars/620321/overrides/${REFUSED_OVERRIDE_DATE}`,
      headers: ADMIN,
      payload: { working: false, reason: '本地节日' },
    });
    expect(override.json().errors).toEqual([{ path: 'params.date', reason: 'DATE', message: '日期不存在' }]);
  });

  it('places a taken basic code at the basicCode field of a 409 problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { ...ADMIN, 'idempotency-key': 'item-00000001' },
      payload: {
        tenant: '620321',
        name: '小餐饮经营许可',
        basicCode: TAKEN_BASIC_CODE,
        kind: '01',
        handlingCategory: 'promised',
        department: '620321-SCJG',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const message = `本级已有基本编码为 ${TAKEN_BASIC_CODE} 的事项，同一事项只能有一个；如需调整，请在原事项上新建版本`;
    expect(res.json()).toMatchObject({
      code: 'BASIC_CODE_TAKEN',
      detail: message,
      errors: [{ path: 'basicCode', reason: 'BASIC_CODE_TAKEN', message }],
    });
  });

  it('maps other service errors by the shared problem mapping', async () => {
    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/items/${ITEM_ID}/retire`,
      headers: ADMIN,
      payload: { reason: '法律依据已废止', expectedVersion: 3 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
    const unpublished = await app.inject('/api/v1/catalogue/published/1f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0');
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.json()).toMatchObject({ code: 'ITEM_NOT_FOUND', detail: '事项不存在或尚未发布' });
  });
});
