import { catalogueV1 } from '@govhall/proto';
import { ADMIN, ITEM_ID, startCatalogueFixture } from './catalogue.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCatalogueFixture>>;
let app: typeof fx.app;
const lastCall = () => fx.lastCall();

beforeAll(async () => {
  fx = await startCatalogueFixture();
  ({ app } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

describe('catalogue routes: public reading', () => {
  it('searches with the query named as the service knows it, and spells the summary’s enums', async () => {
    const res = await app.inject(
      encodeURI(
        '/api/v1/catalogue/search?tenant=620321&near=620321100&department=620321-SCJG&kind=01&handlingCategory=joint&q=食品',
      ),
    );
    expect(lastCall().request).toEqual({
      tenant: '620321',
      near: '620321100',
      department: '620321-SCJG',
      kind: '01',
      handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_JOINT,
      keyword: '食品',
      page: { pageSize: 0, pageToken: '' },
    });
    expect(res.json()).toEqual({
      items: [
        {
          id: ITEM_ID,
          tenant: '620321',
          name: '食品经营许可',
          basicCode: '000172028000',
          kind: '01',
          handlingCategory: 'joint',
          department: '620321-SCJG',
          edition: 1,
          promisedLimit: { days: 10, unit: 'working_day' },
          onlineDepth: 'fully_online',
          score: 12.5,
        },
      ],
      total: 1,
    });
  });

  it('shows the public neither who drafted and reviewed an item nor the review comments', async () => {
    const published = (await app.inject(`/api/v1/catalogue/published/${ITEM_ID}`)).json();
    expect(published).toMatchObject({ id: ITEM_ID, status: 'published', content: { serviceObject: 'enterprise' } });
    expect(published).not.toHaveProperty('createdBy');
    expect(published).not.toHaveProperty('submittedBy');
    expect(published).not.toHaveProperty('reviews');

    const guide = (await app.inject(`/api/v1/catalogue/published/${ITEM_ID}/guide`)).json();
    expect(guide).toMatchObject({
      departmentName: '华亭市市场监督管理局',
      tenantName: '华亭市',
      center: { windowLocation: '政务服务中心一楼' },
      item: { id: ITEM_ID, name: '食品经营许可' },
    });
    expect(guide.item).not.toHaveProperty('reviews');
  });
});

describe('catalogue routes: calendar', () => {
  it('answers a year with day kinds spelled and empty names left out', async () => {
    const res = await app.inject('/api/v1/catalogue/calendars/620321/2026');
    expect(lastCall().request).toEqual({ tenant: '620321', year: 2026 });
    expect(res.json()).toMatchObject({
      tenant: '620321',
      year: 2026,
      published: true,
      workingDays: 250,
      source: '国务院办公厅关于2026年部分节假日安排的通知',
      specialDays: [
        { date: '2026-01-01', working: false, kind: 'holiday', name: '元旦' },
        { date: '2026-02-14', working: true, kind: 'makeup_workday', name: '春节' },
      ],
      overrides: [],
    });
  });

  it('sets and removes a local override', async () => {
    const set = await app.inject({
      method: 'PUT',
      url: '/api/v1/catalogue/calendars/620321/overrides/2026-04-03',
      headers: ADMIN,
      payload: { working: false, reason: '三月三' },
    });
    expect(lastCall().request).toEqual({
      tenant: '620321',
      override: { date: '2026-04-03', working: false, reason: '三月三' },
    });
    expect(set.json().specialDays).toContainEqual({
      date: '2026-04-03',
      working: false,
      kind: 'local_holiday',
      name: '三月三',
    });
    expect(set.json().overrides).toEqual([{ date: '2026-04-03', working: false, reason: '三月三' }]);

    const removed = await app.inject({
      method: 'DELETE',
      url: '/api/v1/catalogue/calendars/620321/overrides/2026-04-03',
      headers: ADMIN,
    });
    expect(removed.statusCode).toBe(200);
    expect(lastCall().request).toEqual({ tenant: '620321', date: '2026-04-03' });
  });

  it('adds and counts working days, flagging unpublished years', async () => {
    const add = await app.inject('/api/v1/catalogue/calendars/620321/working-days/add?start=2026-02-10&days=5');
    expect(lastCall().request).toEqual({ tenant: '620321', start: '2026-02-10', days: 5 });
    expect(add.json()).toEqual({ date: '2026-02-27', provisional: false, unpublishedYears: [] });
    const count = await app.inject(
      '/api/v1/catalogue/calendars/620321/working-days/count?from=2026-12-25&to=2027-01-05',
    );
    expect(lastCall().request).toEqual({ tenant: '620321', from: '2026-12-25', to: '2027-01-05' });
    expect(count.json()).toEqual({ days: 5, provisional: true, unpublishedYears: [2027] });
  });
});
