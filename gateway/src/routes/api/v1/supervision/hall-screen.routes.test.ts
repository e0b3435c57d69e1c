import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { HALL_SCREEN, TENANT, startSupervisionFixture } from './supervision.fixtures.test-double';

// A hall screen's device account (hall_screen, ADR 0049) at the edge: its own hall's figures, open clocks and the
// live feed's cookie; nothing else (no case, no clock detail, no signals, no other tenant), refused in Chinese.
const fx = useRouteFixture(() => startSupervisionFixture());

const get = (url: string) => fx.app.inject({ url, headers: HALL_SCREEN });

describe('a hall screen (hall_screen)', () => {
  it("reads its own hall's figures of today and open clocks, as the service answers it", async () => {
    const today = await get('/api/v1/supervision/hall-today');
    expect(today.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({
      method: 'getHallToday',
      request: { tenant: '', includeSubordinates: false },
      authorization: 'Bearer screen',
    });
    expect(today.json()).toMatchObject({ date: '2026-12-03', open: 30 });
    expect((await get(`/api/v1/supervision/hall-today?tenant=${TENANT}`)).statusCode).toBe(200);

    const clocks = await get('/api/v1/supervision/clocks?openOnly=true&pageSize=100');
    expect(clocks.statusCode).toBe(200);
    expect(fx.lastCall()).toMatchObject({ method: 'listClocks', request: { tenant: '', openOnly: true } });

    const session = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/live/session',
      headers: HALL_SCREEN,
    });
    expect(session.statusCode).toBe(204);
  });

  it('another tenant and the tenants below are refused at the edge in Chinese, the service never asked', async () => {
    for (const url of [
      '/api/v1/supervision/hall-today?tenant=620302',
      '/api/v1/supervision/hall-today?tenant=620300&includeSubordinates=true',
      '/api/v1/supervision/hall-today?includeSubordinates=true',
      '/api/v1/supervision/clocks?tenant=620302',
      '/api/v1/supervision/live?tenant=620302',
    ]) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 403]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({
        code: 'TENANT_OUT_OF_SCOPE',
        detail: '大屏账号只能查看本大厅（本地区）的数据',
      });
    }
    expect(fx.fake.calls).toEqual([]);
  });

  it('cases, a clock in detail, signals, violations and the rules are refused with 403 in Chinese', async () => {
    // Routes any login opens (the cases service would decide) are closed to a device account at the edge.
    for (const url of ['/api/v1/cases/c1000000-0000-4000-8000-000000000001', '/api/v1/cases/mine']) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 403]);
      expect(res.json()).toMatchObject({
        code: 'DEVICE_ACCOUNT',
        detail: '大厅大屏设备账号只能查看大屏的数据，不能使用此功能',
      });
    }
    for (const url of [
      '/api/v1/supervision/clocks/c1000000-0000-4000-8000-000000000001',
      '/api/v1/supervision/signals',
      '/api/v1/supervision/violations',
      '/api/v1/supervision/thresholds',
    ]) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 403]);
      expect(res.json()).toMatchObject({
        code: 'ROLE_REQUIRED',
        detail: expect.stringMatching(/^此操作需要以下角色之一/),
      });
    }
    expect(fx.fake.calls).toEqual([]);
  });
});
