import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { identityV1 } from '@govhall/proto';
import { ADMIN, CITIZEN, startIdentityFixture } from './identity.fixtures.test-double';

const fx = useRouteFixture(startIdentityFixture);
const lastCall = () => fx.lastCall();

const WINDOW = '/api/v1/identity/windows/a1000000-0000-4000-8000-000000000004';
const windowBody = {
  number: 'A05',
  name: '市场监管窗口',
  kind: 'department',
  department: '620981-SCJG',
  location: '一楼西侧',
  expectedVersion: 1,
};

describe('identity routes: editing departments and windows', () => {
  it('renames a department with the version read', async () => {
    const res = await fx.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/departments/620981-SCJG',
      headers: ADMIN,
      payload: { name: '玉门市市场监管局', expectedVersion: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({
      method: 'updateDepartment',
      request: { code: '620981-SCJG', name: '玉门市市场监管局', expectedVersion: 2 },
    });
    expect(res.json()).toMatchObject({ code: '620981-SCJG', name: '玉门市市场监管局', version: 3 });
  });

  it('refuses a department rename with a short name, a bad code or no version, in Chinese at the field', async () => {
    const res = await fx.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/departments/620981-SCJG',
      headers: ADMIN,
      payload: { name: '局' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = new Set(res.json().errors.map((e: { path: string }) => e.path));
    expect([...paths].sort()).toEqual(['expectedVersion', 'name']);
    expect(res.json().errors.find((e: { path: string }) => e.path === 'name').message).toMatch(/[\u4e00-\u9fa5]/);
    const code = await fx.app.inject({
      method: 'PUT',
      url: '/api/v1/identity/departments/scjg',
      headers: ADMIN,
      payload: { name: '市场监管局', expectedVersion: 1 },
    });
    expect(code.json().errors).toEqual([expect.objectContaining({ path: 'params.code', reason: 'PATTERN' })]);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('changes a window, mapping its kind, and leaves the posts alone', async () => {
    const res = await fx.app.inject({ method: 'PUT', url: WINDOW, headers: ADMIN, payload: windowBody });
    expect(res.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({
      method: 'updateWindow',
      request: {
        windowId: 'a1000000-0000-4000-8000-000000000004',
        number: 'A05',
        kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
        servesDepartments: [],
        location: '一楼西侧',
        expectedVersion: 1,
      },
    });
    expect(res.json()).toMatchObject({ number: 'A05', kind: 'department', version: 2 });
  });

  it('refuses a bad window number at the field before calling the service', async () => {
    const res = await fx.app.inject({
      method: 'PUT',
      url: WINDOW,
      headers: ADMIN,
      payload: { ...windowBody, number: '五号', aPostStaffId: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['aPostStaffId', 'number']);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it("passes the service's department violation and a taken number through", async () => {
    const moved = await fx.app.inject({
      method: 'PUT',
      url: WINDOW,
      headers: ADMIN,
      payload: { ...windowBody, department: '620981-RSJ' },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors).toEqual([
      expect.objectContaining({ path: 'department', reason: 'DEPARTMENT_MISMATCH' }),
    ]);
    const taken = await fx.app.inject({
      method: 'PUT',
      url: WINDOW,
      headers: ADMIN,
      payload: { ...windowBody, number: 'A04' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'WINDOW_NUMBER_TAKEN' });
  });

  it('is for administrators only', async () => {
    for (const [url, payload] of [
      ['/api/v1/identity/departments/620981-SCJG', { name: '市场监管局', expectedVersion: 1 }],
      [WINDOW, windowBody],
    ] as const) {
      const res = await fx.app.inject({ method: 'PUT', url, headers: CITIZEN, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
    }
    expect(fx.fake.calls).toHaveLength(0);
  });
});

describe('identity routes: changing a member of staff’s roles', () => {
  const url = (id = 'a1000000-0000-4000-8000-000000000003') => `/api/v1/identity/staff/${id}/roles`;

  it('sends the roles and department with the version read', async () => {
    const res = await fx.app.inject({
      method: 'PUT',
      url: url(),
      headers: ADMIN,
      payload: { roles: ['reviewer', 'approver'], department: '620981-RSJ', expectedVersion: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({
      method: 'changeStaffRoles',
      request: {
        staffId: 'a1000000-0000-4000-8000-000000000003',
        roles: ['reviewer', 'approver'],
        department: '620981-RSJ',
        expectedVersion: 2,
      },
    });
    expect(res.json()).toMatchObject({ roles: ['reviewer', 'approver'], department: '620981-RSJ', version: 3 });
  });

  it('refuses an unknown role, no roles and a missing version at their fields, calling nothing', async () => {
    const res = await fx.app.inject({ method: 'PUT', url: url(), headers: ADMIN, payload: { roles: ['god'] } });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect([...new Set(errors.map((e) => e.path))].sort()).toEqual(['expectedVersion', 'roles.0']);
    const none = await fx.app.inject({
      method: 'PUT',
      url: url(),
      headers: ADMIN,
      payload: { roles: [], expectedVersion: 1 },
    });
    expect(none.json().errors).toEqual([expect.objectContaining({ path: 'roles', reason: 'MINITEMS' })]);
    expect(none.json().errors[0].message).toMatch(/\p{Script=Han}/u);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it("passes the service's department violation through at the field; administrators only", async () => {
    const res = await fx.app.inject({
      method: 'PUT',
      url: url('a1000000-0000-4000-8000-00000000000b'),
      headers: ADMIN,
      payload: { roles: ['reviewer'], department: '620981-XXJ', expectedVersion: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'department', reason: 'NOT_FOUND' })]);
    const citizen = await fx.app.inject({
      method: 'PUT',
      url: url(),
      headers: CITIZEN,
      payload: { roles: ['reviewer'], department: '620981-RSJ', expectedVersion: 1 },
    });
    expect(citizen.statusCode).toBe(403);
  });
});

describe('identity routes: rotating and disabling a service account', () => {
  const base = '/api/v1/identity/service-accounts/a1000000-0000-4000-8000-000000000005';

  it('returns the new secret once, not to be cached', async () => {
    const res = await fx.app.inject({ method: 'POST', url: `${base}/secret`, headers: ADMIN });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ clientSecret: 'n3w-s3cr3t', serviceAccount: { status: 'active' } });
    expect(lastCall()).toMatchObject({
      method: 'rotateServiceAccountSecret',
      request: { serviceAccountId: 'a1000000-0000-4000-8000-000000000005' },
    });
  });

  it('disables with a reason; no reason is refused at its field, a bad id at the path', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: `${base}/disable`,
      headers: ADMIN,
      payload: { reason: '系统下线' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled' });
    expect(lastCall().request).toMatchObject({ reason: '系统下线' });
    fx.reset();
    const bad = await fx.app.inject({
      method: 'POST',
      url: `${base}/disable`,
      headers: ADMIN,
      payload: { reason: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(new Set(bad.json().errors.map((e: { path: string }) => e.path))).toEqual(new Set(['reason']));
    expect(bad.json().errors[0].message).toMatch(/\p{Script=Han}/u);
    const id = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/service-accounts/x/secret',
      headers: ADMIN,
    });
    expect(id.json().errors).toEqual([expect.objectContaining({ path: 'params.id' })]);
    const citizen = await fx.app.inject({ method: 'POST', url: `${base}/secret`, headers: CITIZEN });
    expect(citizen.statusCode).toBe(403);
    expect(fx.fake.calls).toHaveLength(0);
  });
});

describe('identity routes: ending a leave', () => {
  const url = (from: string) => `/api/v1/identity/staff/a1000000-0000-4000-8000-000000000003/leaves/${from}/end`;

  it('cancels (no toDate) or ends early, with the version read', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: url('2026-03-02'),
      headers: ADMIN,
      payload: { expectedVersion: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(lastCall()).toMatchObject({
      method: 'endLeave',
      request: { fromDate: '2026-03-02', toDate: '', expectedVersion: 2 },
    });
    await fx.app.inject({
      method: 'POST',
      url: url('2026-03-02'),
      headers: ADMIN,
      payload: { toDate: '2026-03-03', expectedVersion: 2 },
    });
    expect(lastCall().request).toMatchObject({ toDate: '2026-03-03' });
  });

  it('refuses a bad date at its field and names a leave the service does not know at the path', async () => {
    const bad = await fx.app.inject({
      method: 'POST',
      url: url('2026-03-02'),
      headers: ADMIN,
      payload: { toDate: '3月3日', expectedVersion: 2 },
    });
    expect(bad.statusCode).toBe(400);
    expect(new Set(bad.json().errors.map((e: { path: string }) => e.path))).toEqual(new Set(['toDate']));
    const unknown = await fx.app.inject({
      method: 'POST',
      url: url('2026-03-09'),
      headers: ADMIN,
      payload: { expectedVersion: 2 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'params.fromDate', reason: 'NOT_FOUND' })]);
  });
});
