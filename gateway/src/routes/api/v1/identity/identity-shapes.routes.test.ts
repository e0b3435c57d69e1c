import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { identityV1 } from '@govhall/proto';
import { ADMIN, CITIZEN, at, startIdentityFixture } from './identity.fixtures.test-double';

const fx = useRouteFixture(startIdentityFixture);
const lastCall = () => fx.lastCall();

describe('identity routes: enums and shapes', () => {
  it('writes and reads tenant levels as lower-case strings', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/tenants',
      headers: ADMIN,
      payload: {
        code: '620981100',
        name: '玉门镇',
        level: 'town',
        parentCode: '620981',
        center: {
          name: '玉门镇便民服务中心',
          address: '玉门镇人民路1号',
          hours: '周一至周五',
          phones: ['0937-3322111'],
        },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/identity/tenants/620981100');
    expect(lastCall().request).toMatchObject({
      level: identityV1.TenantLevel.TENANT_LEVEL_TOWN,
      center: { name: '玉门镇便民服务中心', address: '玉门镇人民路1号', hours: '周一至周五', phones: ['0937-3322111'] },
    });
    expect(res.json()).toEqual({
      code: '620981100',
      name: '玉门镇',
      level: 'town',
      parentCode: '620981',
      center: { name: '玉门市政务服务中心', address: '玉门市新市区', hours: '周一至周五', phones: ['0937-3322110'] },
      version: 3,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    });
    const roots = await fx.app.inject('/api/v1/identity/tenants/620100');
    expect(roots.json()).toMatchObject({ level: 'city' });
    expect(roots.json()).not.toHaveProperty('parentCode');
  });

  it('maps window kinds both ways and the responsibility basis', async () => {
    const created = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/tenants/620981/windows',
      headers: ADMIN,
      payload: { number: 'A03', name: '综合受理窗口', kind: 'department', department: '620981-SCJG' },
    });
    expect(created.statusCode).toBe(201);
    expect(lastCall().request).toMatchObject({
      tenant: '620981',
      kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT,
      servesDepartments: [],
      aPostStaffId: '',
    });
    expect(created.json()).toMatchObject({ kind: 'department', aPostStaffId: 'a1000000-0000-4000-8000-00000000000a' });
    expect(created.json()).not.toHaveProperty('bPostStaffId');

    const responsible = await fx.app.inject({
      url: '/api/v1/identity/windows/a1000000-0000-4000-8000-000000000004/responsible?date=2026-03-03',
      headers: ADMIN,
    });
    expect(responsible.statusCode).toBe(200);
    expect(responsible.json()).toMatchObject({
      date: '2026-03-03',
      basis: 'b_post',
      window: { kind: 'comprehensive' },
      responsible: { id: 's-b', status: 'active' },
    });
    expect(lastCall().request).toEqual({ windowId: 'a1000000-0000-4000-8000-000000000004', date: '2026-03-03' });
  });

  it('maps staff status and pages', async () => {
    const one = await fx.app.inject({
      url: '/api/v1/identity/staff/a1000000-0000-4000-8000-000000000009',
      headers: ADMIN,
    });
    expect(one.json()).toMatchObject({
      id: 'a1000000-0000-4000-8000-000000000009',
      status: 'provisioning',
      department: '620981-SCJG',
    });
    expect(one.json()).not.toHaveProperty('subject');

    const page = await fx.app.inject({
      url: '/api/v1/identity/tenants/620981/staff?department=620981-SCJG&pageSize=10&pageToken=abc',
      headers: ADMIN,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({
      staff: [expect.objectContaining({ id: 'a1000000-0000-4000-8000-000000000003', status: 'active' })],
      total: 1,
    });
    expect(lastCall().request).toEqual({
      tenant: '620981',
      department: '620981-SCJG',
      page: { pageSize: 10, pageToken: 'abc' },
    });
  });

  it("tells the caller's profile kind with the legal persons they act for", async () => {
    const res = await fx.app.inject({ url: '/api/v1/identity/me', headers: CITIZEN });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'natural-person', person: { id: 'np-2' }, heldLegalPersons: [] });
    expect(body).not.toHaveProperty('staff');
    expect(body.agentFor[0].agents[0]).toMatchObject({
      id: 'a1000000-0000-4000-8000-000000000002',
      status: 'active',
      scope: { departments: ['620981-SCJG'] },
    });
    expect(body.agentFor[0].agents[0]).not.toHaveProperty('revokedAt');
  });

  it('disables a natural person: status, reason and time; a bad reason is a 400 at body.reason', async () => {
    const url = '/api/v1/identity/natural-persons/a1000000-0000-4000-8000-000000000005/disable';
    const res = await fx.app.inject({ method: 'POST', url, headers: ADMIN, payload: { reason: '冒用他人身份注册' } });
    expect(res.statusCode).toBe(200);
    expect(lastCall().request).toEqual({
      personId: 'a1000000-0000-4000-8000-000000000005',
      reason: '冒用他人身份注册',
    });
    expect(res.json()).toMatchObject({
      id: 'a1000000-0000-4000-8000-000000000005',
      status: 'disabled',
      disabledReason: '冒用他人身份注册',
      disabledAt: at.toISOString(),
      idNumber: '6209**********1234',
    });
    fx.reset();
    for (const payload of [{}, { reason: 'x' }, { reason: 42 }, { reason: '冒用', extra: 1 }]) {
      const bad = await fx.app.inject({ method: 'POST', url, headers: ADMIN, payload });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('revokes an agent with or without a body and shows the grant as revoked', async () => {
    const bare = await fx.app.inject({
      method: 'DELETE',
      url: '/api/v1/identity/legal-persons/a1000000-0000-4000-8000-000000000001/agents/a1000000-0000-4000-8000-000000000002',
      headers: CITIZEN,
    });
    expect(bare.statusCode).toBe(200);
    expect(lastCall().request).toEqual({
      legalPersonId: 'a1000000-0000-4000-8000-000000000001',
      grantId: 'a1000000-0000-4000-8000-000000000002',
      reason: '',
    });
    expect(bare.json().agents[0]).toMatchObject({ status: 'revoked', revokedAt: at.toISOString() });

    const reasoned = await fx.app.inject({
      method: 'DELETE',
      url: '/api/v1/identity/legal-persons/a1000000-0000-4000-8000-000000000001/agents/a1000000-0000-4000-8000-000000000002',
      headers: CITIZEN,
      payload: { reason: '已离职' },
    });
    expect(reasoned.statusCode).toBe(200);
    expect(lastCall().request).toMatchObject({ reason: '已离职' });
  });

  it('returns a new service account secret once, not cached', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/identity/tenants/620981/service-accounts',
      headers: ADMIN,
      payload: { department: '620981-SCJG', clientId: 'scjg-approval', description: '市场监管审批系统' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      serviceAccount: {
        id: 'sa-1',
        tenant: '620981',
        department: '620981-SCJG',
        clientId: 'scjg-approval',
        description: '市场监管审批系统',
        status: 'active',
        createdAt: at.toISOString(),
      },
      clientSecret: 's3cr3t',
    });
  });
});
