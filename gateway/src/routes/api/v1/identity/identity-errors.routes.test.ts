import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { ADMIN, CITIZEN, startIdentityFixture } from './identity.fixtures.test-double';

const fx = useRouteFixture(startIdentityFixture);
const lastCall = () => fx.lastCall();

describe('identity routes: validation', () => {
  it('rejects a bad body with 400 problem+json naming every field, before calling the service', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/tenants',
      headers: ADMIN,
      payload: { code: '62098', level: 'province', center: { name: '中心', phones: [''] }, extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'center.address',
      'center.hours',
      'center.phones.0',
      'code',
      'extra',
      'level',
      'name',
    ]);
    expect(body.errors).toContainEqual(expect.objectContaining({ path: 'level', reason: 'ENUM' }));
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('rejects malformed path and query parameters', async () => {
    const bad = await fx.app.inject({ url: '/api/v1/identity/tenants/12345', headers: ADMIN });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'params.code', reason: 'PATTERN' })]);
    const page = await fx.app.inject({ url: '/api/v1/identity/tenants/620981/staff?pageSize=1000', headers: ADMIN });
    expect(page.statusCode).toBe(400);
    expect(page.json().errors).toEqual([expect.objectContaining({ path: 'querystring.pageSize', reason: 'MAXIMUM' })]);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it("passes the service's INVALID_ARGUMENT field violations through as 400 with the same fields", async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/staff',
      headers: ADMIN,
      payload: {
        tenant: '620981',
        department: '620981-SCJG',
        username: 'wang-li',
        displayName: '王丽',
        // Valid at the edge; the (fake) service refuses the request with its own violations.
        phone: '0937-3322110',
        roles: ['window_clerk'],
        initialPassword: 'abc12345',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'phone', reason: 'PATTERN', message: '电话应为11位手机号码或带区号的固定电话' },
        { path: 'roles[0]', reason: 'UNKNOWN_ROLE', message: '未知的工作人员角色' },
      ],
    });
    expect(lastCall()).toMatchObject({ method: 'createStaff', authorization: 'Bearer admin' });
  });

  it('names service violations by where the field sits in the HTTP request', async () => {
    const leave = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/staff/a1000000-0000-4000-8000-000000000003/leaves',
      headers: ADMIN,
      payload: { fromDate: '2026-03-05', toDate: '2026-03-04', reason: '事假' },
    });
    expect(leave.statusCode).toBe(400);
    expect(leave.json().errors).toEqual([{ path: 'toDate', reason: 'RANGE', message: '请假结束日期不能早于开始日期' }]);
    expect(lastCall().request).toMatchObject({
      staffId: 'a1000000-0000-4000-8000-000000000003',
      leave: { fromDate: '2026-03-05', toDate: '2026-03-04' },
    });

    const department = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/tenants/620981/departments',
      headers: ADMIN,
      payload: { abbreviation: 'SCJG', name: '玉门市市场监督管理局' },
    });
    expect(department.statusCode).toBe(400);
    expect(department.json().errors).toEqual([expect.objectContaining({ path: 'params.code', reason: 'NOT_FOUND' })]);
  });

  it('maps other service errors by the shared problem mapping', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/staff/a1000000-0000-4000-8000-000000000003/disable',
      headers: ADMIN,
      payload: { reason: '调离本中心' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'STAFF_HOLDS_POST', detail: '该人员仍在窗口岗位上，请先调岗' });
  });
});

describe('identity routes: acting authority', () => {
  it('answers 200 with the grant when the agent may act', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/legal-persons/a1000000-0000-4000-8000-000000000001/acting-checks',
      headers: CITIZEN,
      payload: { department: '620981-SCJG', itemCode: '00000000000A' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ allowed: true, grantId: 'a1000000-0000-4000-8000-000000000002' });
    expect(lastCall().request).toEqual({
      legalPersonId: 'a1000000-0000-4000-8000-000000000001',
      department: '620981-SCJG',
      itemCode: '00000000000A',
      agentSubject: '',
    });
  });

  it('answers 403 problem+json with the reason as code and the Chinese message when refused', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/legal-persons/a1000000-0000-4000-8000-000000000001/acting-checks',
      headers: CITIZEN,
      payload: { department: '620981-RSJ' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 403, code: 'OUTSIDE_SCOPE', detail: '您的授权不包括该部门的事项' });
  });
});
