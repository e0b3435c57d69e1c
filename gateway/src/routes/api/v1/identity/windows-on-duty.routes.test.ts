import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { ADMIN, CITIZEN, HALL_SCREEN, startIdentityFixture } from './identity.fixtures.test-double';

// Today's duty of a hall's windows for its big screen (ADR 0049): who serves each, by name only.
const fx = useRouteFixture(() => startIdentityFixture());

describe('GET /identity/tenants/{code}/windows/on-duty', () => {
  it("gives each window's duty and the serving person's display name only, windows in number order", async () => {
    const res = await fx.app.inject({ url: '/api/v1/identity/tenants/620981/windows/on-duty', headers: HALL_SCREEN });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      windows: [
        { id: 'a1000000-0000-4000-8000-000000000005', number: 'A01', name: '综合受理窗口', duty: 'covered' },
        { id: 'a1000000-0000-4000-8000-000000000006', number: 'A02', name: '综合受理窗口', duty: 'unstaffed' },
        {
          id: 'a1000000-0000-4000-8000-000000000004',
          number: 'A03',
          name: '综合受理窗口',
          duty: 'b_post',
          servedBy: '王丽',
        },
      ],
    });
    // Nobody's login, phone or leave reaches the screen.
    expect(res.body).not.toMatch(/wang-li|138|病假|赵科长/);
    expect(fx.fake.calls.map((c) => [c.method, c.authorization])).toEqual([
      ['listWindows', 'Bearer screen'],
      ['getWindowResponsible', 'Bearer screen'],
      ['getWindowResponsible', 'Bearer screen'],
      ['getWindowResponsible', 'Bearer screen'],
    ]);
    const admin = await fx.app.inject({ url: '/api/v1/identity/tenants/620981/windows/on-duty', headers: ADMIN });
    expect(admin.statusCode).toBe(200);
  });

  it("refuses a screen another tenant's windows and an applicant any, in Chinese, asking nobody", async () => {
    const other = await fx.app.inject({ url: '/api/v1/identity/tenants/620302/windows/on-duty', headers: HALL_SCREEN });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
      detail: '大屏账号只能查看本大厅（本地区）的数据',
    });
    const citizen = await fx.app.inject({ url: '/api/v1/identity/tenants/620981/windows/on-duty', headers: CITIZEN });
    expect(citizen.statusCode).toBe(403);
    expect(citizen.json().detail).toMatch(/^此操作需要以下角色之一/);
    const bad = await fx.app.inject({ url: '/api/v1/identity/tenants/62x/windows/on-duty', headers: HALL_SCREEN });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ message: expect.stringMatching(/\p{Script=Han}/u) });
    expect(JSON.stringify(bad.json().errors[0])).toContain('code');
    expect(fx.fake.calls).toEqual([]);
  });
});
