import {
  ADMIN,
  CITIZEN,
  CLERK,
  ITEM_ID,
  NEXT_ID,
  REVIEWER,
  startCatalogueFixture,
} from './catalogue.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCatalogueFixture>>;
let app: typeof fx.app;
let fake: typeof fx.fake;
const lastCall = () => fx.lastCall();

beforeAll(async () => {
  fx = await startCatalogueFixture();
  ({ app, fake } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

describe('catalogue routes: public reading', () => {
  it.each([
    ['/api/v1/catalogue/search?q=食品', 'searchItems'],
    [`/api/v1/catalogue/published/${ITEM_ID}`, 'getPublishedItem'],
    [`/api/v1/catalogue/published/${ITEM_ID}/guide`, 'getGuide'],
    [`/api/v1/catalogue/published/${ITEM_ID}/guide.pdf`, 'getGuidePdf'],
    ['/api/v1/catalogue/files/f1000000-0000-4000-8000-000000000001', 'getItemFile'],
    ['/api/v1/catalogue/calendars/620321/2026', 'getCalendar'],
    ['/api/v1/catalogue/calendars/620321/working-days/add?start=2026-02-10&days=5', 'addWorkingDays'],
    ['/api/v1/catalogue/calendars/620321/working-days/count?from=2026-02-10&to=2026-02-27', 'countWorkingDays'],
  ])('serves GET %s without a token and forwards none', async (url, method) => {
    const res = await app.inject(encodeURI(url));
    expect(res.statusCode).toBe(200);
    expect(lastCall().method).toBe(method);
    expect(lastCall().authorization).toBeUndefined();
  });

  it('forwards the token of a public call, so staff can fetch a file not yet published', async () => {
    const res = await app.inject({
      url: '/api/v1/catalogue/files/f1000000-0000-4000-8000-000000000001',
      headers: CLERK,
    });
    expect(res.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({
      method: 'getItemFile',
      request: { id: 'f1000000-0000-4000-8000-000000000001' },
      authorization: 'Bearer clerk',
    });
  });

  it('still refuses an invalid token on a public route', async () => {
    const res = await app.inject({ url: '/api/v1/catalogue/search', headers: { authorization: 'Bearer forged' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('catalogue routes: staff', () => {
  it.each([
    ['GET', '/api/v1/catalogue/items?tenant=620321'],
    ['POST', '/api/v1/catalogue/items'],
    ['PUT', `/api/v1/catalogue/items/${ITEM_ID}`],
    ['POST', `/api/v1/catalogue/items/${ITEM_ID}/submit`],
    ['POST', `/api/v1/catalogue/items/${ITEM_ID}/review`],
    ['POST', `/api/v1/catalogue/items/${ITEM_ID}/editions`],
    ['POST', `/api/v1/catalogue/items/${ITEM_ID}/retire`],
    ['GET', `/api/v1/catalogue/items/${ITEM_ID}/diff/${NEXT_ID}`],
    ['POST', '/api/v1/catalogue/files?tenant=620321&fileName=a.pdf'],
    ['PUT', '/api/v1/catalogue/calendars/620321/overrides/2026-04-03'],
    ['DELETE', '/api/v1/catalogue/calendars/620321/overrides/2026-04-03'],
  ] as const)('answers 401 problem+json to %s %s without a token, before the body is read', async (method, url) => {
    const res = await app.inject({ method, url, payload: method === 'GET' ? undefined : { junk: true } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ['PUT', `/api/v1/catalogue/items/${ITEM_ID}`, CLERK],
    ['POST', `/api/v1/catalogue/items/${ITEM_ID}/retire`, REVIEWER],
    ['POST', `/api/v1/catalogue/items/${ITEM_ID}/review`, CLERK],
    ['POST', '/api/v1/catalogue/files?tenant=620321&fileName=a.pdf', CITIZEN],
    ['DELETE', '/api/v1/catalogue/calendars/620321/overrides/2026-04-03', REVIEWER],
  ] as const)('answers 403 ROLE_REQUIRED to %s %s without the role the proto names', async (method, url, headers) => {
    const res = await app.inject({ method, url, headers, payload: { junk: true } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(fake.calls).toHaveLength(0);
  });

  it('lets a center administrator draft an item, with the idempotency key and the token passed on', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/items',
      headers: { ...ADMIN, 'idempotency-key': 'draft-0001' },
      payload: {
        tenant: '620321',
        name: '食品经营许可',
        basicCode: '000172028000',
        kind: '01',
        handlingCategory: 'immediate',
        department: '620321-SCJG',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/catalogue/items/${res.json().id}`);
    expect(res.json()).toMatchObject({ status: 'draft', version: 1, handlingCategory: 'immediate' });
    expect(lastCall()).toMatchObject({
      method: 'createDraftItem',
      request: { idempotencyKey: 'draft-0001', tenant: '620321', handlingCategory: 1 },
      authorization: 'Bearer admin',
    });
  });

  it('lets a reviewer review and any member of staff list, leaving scope to the service', async () => {
    const review = await app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/items/${ITEM_ID}/review`,
      headers: REVIEWER,
      payload: { approve: false, comments: '请补充法律依据', expectedVersion: 3 },
    });
    expect(review.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({
      method: 'reviewItem',
      request: { id: ITEM_ID, approve: false, comments: '请补充法律依据', expectedVersion: 3 },
      authorization: 'Bearer reviewer',
    });
    const list = await app.inject({ url: '/api/v1/catalogue/items?tenant=620321', headers: CLERK });
    expect(list.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({ method: 'listItems', authorization: 'Bearer clerk' });
  });
});

describe('catalogue routes: OpenAPI', () => {
  it('documents every route with its security', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/catalogue/'));
    expect(paths.sort()).toEqual([
      '/api/v1/catalogue/calendars/{tenant}/overrides/{date}',
      '/api/v1/catalogue/calendars/{tenant}/working-days/add',
      '/api/v1/catalogue/calendars/{tenant}/working-days/count',
      '/api/v1/catalogue/calendars/{tenant}/{year}',
      '/api/v1/catalogue/files',
      '/api/v1/catalogue/files/{id}',
      '/api/v1/catalogue/items',
      '/api/v1/catalogue/items/{from}/diff/{to}',
      '/api/v1/catalogue/items/{id}',
      '/api/v1/catalogue/items/{id}/editions',
      '/api/v1/catalogue/items/{id}/retire',
      '/api/v1/catalogue/items/{id}/review',
      '/api/v1/catalogue/items/{id}/submit',
      '/api/v1/catalogue/published/{id}',
      '/api/v1/catalogue/published/{id}/guide',
      '/api/v1/catalogue/published/{id}/guide.pdf',
      '/api/v1/catalogue/search',
    ]);
    const publicRead = [{}, { bearerAuth: [] }];
    expect(doc.paths['/api/v1/catalogue/search'].get.security).toEqual(publicRead);
    expect(doc.paths['/api/v1/catalogue/items'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/catalogue/items/{id}'].put.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(doc.paths['/api/v1/catalogue/published/{id}/guide.pdf'].get.responses['200'].content)).toEqual([
      'application/pdf',
    ]);
  });
});
