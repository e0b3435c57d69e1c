import { ValidationError } from '@govhall/errors';
import { applicationsV1 } from '@govhall/proto';
import {
  fakeVerifier,
  routeFixture,
  startFakeGrpcServer,
  type RouteFixture,
} from '../../../../lib/fake-grpc-server.test-double';

const APPLICANT = { authorization: 'Bearer applicant' };
const CLERK = { authorization: 'Bearer clerk' };
const CHINESE = /[\u4e00-\u9fff]/;
const at = new Date('2026-12-03T02:00:00.000Z');

const notification: applicationsV1.Notification = {
  id: '7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b:site',
  kind: 'accepted',
  caseId: 'c1000000-0000-4000-8000-000000000001',
  caseNumber: '6203212026120300001',
  itemName: '食品经营许可',
  title: '受理通知：食品经营许可',
  text: '您申请的“食品经营许可”已于2026年12月3日受理。\n承诺办结日期：2026年12月21日（法定节假日不计算在内）。',
  createdAt: at,
  readAt: undefined,
};

let fx: RouteFixture;
beforeAll(async () => {
  const fake = await startFakeGrpcServer(applicationsV1.ApplicationsServiceService, {
    listMyNotifications: async (req: applicationsV1.ListMyNotificationsRequest) => {
      if ((req.page?.pageSize ?? 0) > 100)
        throw new ValidationError([{ path: 'page.pageSize', reason: 'RANGE', message: '每页条数应为1至100' }]);
      return { notifications: [notification], page: { nextPageToken: 'next', total: 3 }, unread: 2 };
    },
    markNotificationsRead: async (req: applicationsV1.MarkNotificationsReadRequest) => {
      if (req.all && req.ids.length)
        throw new ValidationError([{ path: 'ids', reason: 'CONFLICT', message: '“全部标为已读”时不能同时指定消息' }]);
      return { marked: req.all ? 2 : req.ids.length, unread: 0 };
    },
  });
  fx = await routeFixture(
    'applications',
    fake,
    fakeVerifier('620321', { applicant: ['applicant'], clerk: ['window_clerk'] }),
  );
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

describe('notifications routes', () => {
  it('lists my notifications with the unread count, passing the page and filter on', async () => {
    const res = await fx.app.inject({
      url: '/api/v1/notifications/mine?pageSize=10&unreadOnly=true',
      headers: APPLICANT,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      notifications: [
        {
          id: notification.id,
          kind: 'accepted',
          caseId: notification.caseId,
          caseNumber: notification.caseNumber,
          itemName: '食品经营许可',
          title: '受理通知：食品经营许可',
          text: notification.text,
          createdAt: '2026-12-03T02:00:00.000Z',
        },
      ],
      nextPageToken: 'next',
      total: 3,
      unread: 2,
    });
    expect(fx.lastCall()).toMatchObject({
      method: 'listMyNotifications',
      request: { page: { pageSize: 10, pageToken: '' }, unreadOnly: true },
      authorization: 'Bearer applicant',
    });
  });

  it('marks ids or all read', async () => {
    const ids = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/mine/read',
      headers: APPLICANT,
      payload: { ids: [notification.id] },
    });
    expect([ids.statusCode, ids.json()]).toEqual([200, { marked: 1, unread: 0 }]);
    expect(fx.lastCall().request).toEqual({ ids: [notification.id], all: false });
    const all = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/mine/read',
      headers: APPLICANT,
      payload: { all: true },
    });
    expect(all.json()).toEqual({ marked: 2, unread: 0 });
  });

  it('refuses bad input with problem+json in Chinese at the field, before any call', async () => {
    const cases: [string, object | undefined, string][] = [
      ['/api/v1/notifications/mine?pageSize=500', undefined, 'pageSize'],
      ['/api/v1/notifications/mine?pageSize=abc', undefined, 'pageSize'],
      ['/api/v1/notifications/mine/read', { ids: ['有空格 的id'] }, 'ids/0'],
      ['/api/v1/notifications/mine/read', { ids: [] }, 'ids'],
    ];
    for (const [url, payload, field] of cases) {
      const res = await fx.app.inject({ method: payload ? 'POST' : 'GET', url, headers: APPLICANT, payload });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.detail).toMatch(CHINESE);
      expect(body.errors).toEqual([expect.objectContaining({ path: expect.stringContaining(field.split('/')[0]!) })]);
      expect(body.errors[0].message).toMatch(CHINESE);
    }
    expect(fx.fake.calls).toHaveLength(0);
  });

  it("maps the service's own refusal to the field the caller sent", async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/mine/read',
      headers: APPLICANT,
      payload: { ids: [notification.id], all: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'ids', message: '“全部标为已读”时不能同时指定消息' }),
    ]);
  });

  it('answers 401 without a token and 403 to staff, before any call', async () => {
    const anonymous = await fx.app.inject({ url: '/api/v1/notifications/mine' });
    expect(anonymous.statusCode).toBe(401);
    const staff = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/mine/read',
      headers: CLERK,
      payload: { all: true },
    });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().detail).toMatch(CHINESE);
    expect(fx.fake.calls).toHaveLength(0);
  });
});
